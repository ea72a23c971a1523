package io.jeda.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;

/**
 * Gives test classes the running services ({@link JedaServices} as a parameter). They are started
 * once per test JVM, on first use, and kept in the root store, which JUnit closes after the last
 * test, failed or not: the processes never outlive the run. When a test fails, the last lines of
 * every service log are printed beside it.
 */
public final class JedaServicesExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(JedaServicesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        holder(context).get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JedaServices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return holder(context).get();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        JedaServices s = holder(context).started();
        if (s != null) {
            System.err.println("e2e: " + context.getDisplayName() + " failed; the services' logs end with:\n"
                    + s.tails());
        }
    }

    private static Holder holder(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
    }

    /** The one set of services of this JVM; a failed start is remembered rather than tried per class. */
    static final class Holder implements AutoCloseable {

        private JedaServices services;
        private RuntimeException failure;

        synchronized JedaServices get() {
            if (failure != null) {
                throw new IllegalStateException("the services could not be started (see the first failure)", failure);
            }
            if (services == null) {
                try {
                    services = JedaServices.start(Path.of(property("jeda.e2e.root")).toAbsolutePath().normalize(),
                            property("jeda.e2e.version"), Path.of(property("jeda.e2e.work")).toAbsolutePath());
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            services.ensureRunning();
            return services;
        }

        synchronized JedaServices started() {
            return services;
        }

        @Override
        public synchronized void close() {
            if (services != null) {
                services.close();
                services = null;
            }
        }

        private static String property(String name) {
            String v = System.getProperty(name);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("system property " + name + " is not set; run these tests through "
                        + "Maven: ./mvnw -B -ntp -pl e2e -am verify");
            }
            return v;
        }
    }
}
