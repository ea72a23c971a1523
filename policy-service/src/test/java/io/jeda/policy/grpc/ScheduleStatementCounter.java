package io.jeda.policy.grpc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the service prepares, so a test can show that a batch of schedules
 * costs a fixed number of queries rather than a few per officer. Active only in tests that set
 * {@code jeda.test.schedule.count-statements}, so no other test's data source is wrapped.
 */
@Singleton
@Requires(property = "jeda.test.schedule.count-statements", value = "true")
// Wraps the pool before Micronaut Data wraps it in its contextual data source, which must stay outermost.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScheduleStatementCounter implements BeanCreatedEventListener<DataSource> {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private final AtomicInteger statements = new AtomicInteger();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                forwarding(target, (method, result) -> method.equals("getConnection")
                        ? Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        forwarding(result, (m, r) -> {
                            if (STATEMENT_METHODS.contains(m)) {
                                statements.incrementAndGet();
                            }
                            return r;
                        }))
                        : result));
    }

    public void reset() {
        statements.set(0);
    }

    public int statements() {
        return statements.get();
    }

    private interface After {
        Object apply(String method, Object result);
    }

    private static InvocationHandler forwarding(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
