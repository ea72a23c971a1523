package io.jeda.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the dev and prod overlays exactly as an operator would ({@code kubectl kustomize}) and
 * checks what every deployment of Jeda must hold: probes, resources and a locked-down security
 * context on every container; ports that agree with each service's own port setting; no
 * reference to a ConfigMap or Secret that the overlay does not bring; no secret value in the
 * production output; network policies that let only a service's callers reach it and let each
 * service call the addresses it is given; one replica per service in dev; disruption budgets that
 * still let a node drain in prod.
 *
 * <p>A mistake in a manifest otherwise shows up only as a pod that never becomes ready, or as a
 * Secret that silently went to git.
 */
class ManifestsTest {

    /** The four Jeda services and the prefix of their environment variables. */
    private static final Map<String, String> SERVICES = Map.of(
            "policy-service", "POLICY",
            "attendance-service", "ATTENDANCE",
            "gateway", "GATEWAY",
            "relay-service", "RELAY");

    /** A caller in the matrix below: any pod of the namespace (an ingress peer {@code podSelector: {}}). */
    private static final String ANY_POD_IN_NAMESPACE = "any pod in the namespace";

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new HashMap<>();

    private static String kubectl;
    private static Path moduleDir;

    @BeforeAll
    static void findKubectl() {
        kubectl = locateKubectl().orElse(null);
        moduleDir = locateModule();
        if (kubectl == null) {
            // Surefire does not print why a test was skipped; say it once where the build log shows it.
            System.err.println("kubectl not found (PATH or $KUBECTL): the k8s overlay checks are skipped");
        }
    }

    /** Per test rather than per class, so the build reports each check as skipped, with the reason. */
    @BeforeEach
    void requireKubectl() {
        Assumptions.assumeTrue(kubectl != null,
                "kubectl not found (PATH or $KUBECTL): skipping the checks of the rendered k8s overlays");
    }

    // ---------------------------------------------------------------------------------------
    // Every container

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndALockedDownSecurityContext(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            String where = kind(workload) + "/" + name(workload);
            Map<String, Object> pod = podSpec(workload);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            boolean jeda = isJedaService(workload);
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                problems.add(where + ": automountServiceAccountToken must be false");
            }
            for (Map<String, Object> c : containers(pod)) {
                String at = where + " container " + c.get("name");
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (map(c.get(probe)).isEmpty()) {
                        problems.add(at + ": no " + probe);
                    }
                }
                Map<String, Object> resources = map(c.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (map(resources.get(bound)).get(resource) == null) {
                            problems.add(at + ": no resources." + bound + "." + resource);
                        }
                    }
                }
                Map<String, Object> sc = map(c.get("securityContext"));
                if (!Boolean.TRUE.equals(effective(sc, podSecurity, "runAsNonRoot"))) {
                    problems.add(at + ": runAsNonRoot must be true");
                }
                Object user = effective(sc, podSecurity, "runAsUser");
                if (!(user instanceof Integer u) || u == 0) {
                    problems.add(at + ": runAsUser must be a non-zero uid, was " + user);
                }
                if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
                    problems.add(at + ": readOnlyRootFilesystem must be true");
                }
                if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                    problems.add(at + ": allowPrivilegeEscalation must be false");
                }
                if (!list(map(sc.get("capabilities")).get("drop")).contains("ALL")) {
                    problems.add(at + ": capabilities must drop ALL");
                }
                if (!"RuntimeDefault".equals(map(effective(sc, podSecurity, "seccompProfile")).get("type"))) {
                    problems.add(at + ": seccompProfile must be RuntimeDefault");
                }
                if (jeda) {
                    // The uid:gid the image declares (image.user in the root pom.xml).
                    String[] image = buildProperty("jeda.image.user").split(":");
                    if (!Integer.valueOf(image[0]).equals(user)
                            || !Integer.valueOf(image[1]).equals(effective(sc, podSecurity, "runAsGroup"))) {
                        problems.add(at + ": Jeda services run as the image's uid/gid " + String.join(":", image)
                                + ", was " + user + ":" + effective(sc, podSecurity, "runAsGroup"));
                    }
                    if (!mountsEmptyDirAt(pod, c, "/tmp")) {
                        problems.add(at + ": the JVM needs an emptyDir at /tmp on a read-only root");
                    }
                    String javaOptions = environment(overlay, c).getOrDefault("JAVA_TOOL_OPTIONS", "");
                    if (!javaOptions.contains("-XX:MaxRAMPercentage=75")) {
                        problems.add(at + ": JAVA_TOOL_OPTIONS must set -XX:MaxRAMPercentage=75");
                    }
                }
            }
        }
        assertNoProblems(overlay, problems);
        assertEquals(SERVICES.keySet(), Set.copyOf(workloads(overlay).stream()
                .filter(ManifestsTest::isJedaService).map(ManifestsTest::name).toList()),
                overlay + ": every Jeda service is deployed");
    }

    // ---------------------------------------------------------------------------------------
    // Images

    /**
     * Each service runs the image the build makes of it ({@code ./mvnw -Pimage}): named
     * {@code <image.registry>/<module>:<project version>}. Dev runs the local names (loaded into a
     * laptop cluster); prod renames the registry and keeps the module and version.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsTheImageTheBuildMakesOfIt(String overlay) {
        String version = buildProperty("jeda.version");
        String registry = buildProperty("jeda.image.registry");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            if (!isJedaService(workload)) {
                continue;
            }
            String module = name(workload);
            for (Map<String, Object> c : maps(podSpec(workload).get("containers"))) {
                String image = String.valueOf(c.get("image"));
                String at = kind(workload) + "/" + module + " container " + c.get("name") + ": image " + image;
                if ("dev".equals(overlay) && !image.equals(registry + "/" + module + ":" + version)) {
                    problems.add(at + " is not " + registry + "/" + module + ":" + version);
                }
                if ("prod".equals(overlay)) {
                    if (!image.endsWith("/" + module + ":" + version)) {
                        problems.add(at + " is not <registry>/" + module + ":" + version);
                    } else if (image.startsWith(registry + "/" + module + ":")) {
                        problems.add(at + " is the local name; prod pulls from a registry (images: in the overlay)");
                    }
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    // ---------------------------------------------------------------------------------------
    // Ports

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void portsAgreeWithEachServicesPortSettingAcrossContainerProbesAndServices(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            String where = kind(workload) + "/" + name(workload);
            Map<String, Object> pod = podSpec(workload);
            List<Map<String, Object>> containers = containers(pod);
            String prefix = SERVICES.get(name(workload));

            for (Map<String, Object> c : containers) {
                String at = where + " container " + c.get("name");
                Map<String, Integer> ports = containerPorts(c);
                if (isJedaService(workload)) {
                    Map<String, String> env = environment(overlay, c);
                    for (String portName : List.of("grpc", "http", "management")) {
                        String variable = "JEDA_" + prefix + "_" + portName.toUpperCase() + "_PORT";
                        String configured = env.get(variable);
                        Integer declared = ports.get(portName);
                        if (configured == null && declared != null) {
                            problems.add(at + ": port " + portName + " declared but " + variable + " not set");
                        } else if (configured != null && !configured.equals(String.valueOf(declared))) {
                            problems.add(at + ": " + variable + "=" + configured + " but containerPort "
                                    + portName + " is " + declared);
                        }
                    }
                    if (!ports.containsKey("grpc")) {
                        problems.add(at + ": no container port named grpc");
                    }
                    // A native gRPC probe on the gRPC port, or (where the gRPC port may speak TLS, which a
                    // kubelet's gRPC probe cannot) GET /health/liveness on the HTTP or management port.
                    Map<String, Object> liveness = map(c.get("livenessProbe"));
                    Object grpcPort = map(liveness.get("grpc")).get("port");
                    Map<String, Object> httpGet = map(liveness.get("httpGet"));
                    boolean grpcProbe = Objects.equals(grpcPort, ports.get("grpc"));
                    boolean httpProbe = "/health/liveness".equals(httpGet.get("path"))
                            && List.of("http", "management").contains(String.valueOf(httpGet.get("port")));
                    if (!grpcProbe && !httpProbe) {
                        problems.add(at + ": liveness must be a native grpc probe on the grpc port "
                                + ports.get("grpc") + " or GET /health/liveness on the http or management port, was "
                                + liveness);
                    }
                }
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    Map<String, Object> p = map(c.get(probe));
                    for (String handler : List.of("grpc", "httpGet", "tcpSocket")) {
                        Object port = map(p.get(handler)).get("port");
                        if (p.containsKey(handler) && resolvePort(ports, port) == null) {
                            problems.add(at + ": " + probe + " " + handler + " port " + port
                                    + " is not a container port " + ports);
                        }
                    }
                }
            }

            Map<String, Object> podLabels = map(map(map(map(workload.get("spec")).get("template"))
                    .get("metadata")).get("labels"));
            List<Map<String, Object>> services = ofKind(overlay, "Service").stream()
                    .filter(s -> selects(map(map(s.get("spec")).get("selector")), podLabels))
                    .toList();
            if (isJedaService(workload) && services.isEmpty()) {
                problems.add(where + ": no Service selects its pods");
            }
            Map<String, Integer> allPorts = new LinkedHashMap<>();
            containers.forEach(c -> allPorts.putAll(containerPorts(c)));
            for (Map<String, Object> service : services) {
                Map<String, Object> spec = map(service.get("spec"));
                boolean headless = "None".equals(spec.get("clusterIP"));
                Set<String> names = new HashSet<>();
                for (Map<String, Object> port : maps(spec.get("ports"))) {
                    String at = "Service/" + name(service) + " port " + port.get("name");
                    names.add(String.valueOf(port.get("name")));
                    Object target = port.getOrDefault("targetPort", port.get("port"));
                    Integer resolved = resolvePort(allPorts, target);
                    if (resolved == null) {
                        problems.add(at + ": targetPort " + target + " is not a port of " + where);
                    } else if (!resolved.equals(allPorts.get(String.valueOf(port.get("name"))))) {
                        problems.add(at + ": reaches container port " + resolved + ", not the one named "
                                + port.get("name"));
                    } else if (headless && !resolved.equals(port.get("port"))) {
                        // Clients of a headless Service dial the pod directly with the Service port.
                        problems.add(at + ": headless, so port " + port.get("port")
                                + " must equal the container port " + resolved);
                    }
                }
                if (isJedaService(workload) && !names.contains("grpc")) {
                    problems.add("Service/" + name(service) + ": no port named grpc");
                }
                if ("gateway".equals(name(workload)) && !names.contains("http")) {
                    problems.add("Service/" + name(service) + ": no port named http");
                }
            }
        }
        problems.addAll(addressesReachAServicePort(overlay));
        assertNoProblems(overlay, problems);
    }

    /** JEDA_*_ADDRESS settings name a Service of this overlay and one of its ports. */
    private static List<String> addressesReachAServicePort(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            for (Map<String, Object> c : containers(podSpec(workload))) {
                environment(overlay, c).forEach((variable, value) -> {
                    if (!variable.matches("JEDA_[A-Z]+_ADDRESS")) {
                        return;
                    }
                    String at = name(workload) + " " + variable + "=" + value;
                    String[] hostPort = value.replaceFirst("^dns:///", "").split(":");
                    String host = hostPort[0].split("\\.")[0];
                    Optional<Map<String, Object>> service = ofKind(overlay, "Service").stream()
                            .filter(s -> name(s).equals(host)).findFirst();
                    if (hostPort.length != 2 || service.isEmpty()) {
                        problems.add(at + ": not host:port of a Service in the overlay");
                    } else if (maps(map(service.get().get("spec")).get("ports")).stream()
                            .noneMatch(p -> String.valueOf(p.get("port")).equals(hostPort[1]))) {
                        problems.add(at + ": Service " + host + " has no port " + hostPort[1]);
                    }
                });
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------
    // References

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedConfigMapSecretAndServiceAccountExists(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            String where = kind(workload) + "/" + name(workload);
            Map<String, Object> pod = podSpec(workload);
            String account = (String) pod.get("serviceAccountName");
            if (account != null && find(overlay, "ServiceAccount", account).isEmpty()) {
                problems.add(where + ": ServiceAccount " + account + " is not in the overlay");
            }
            for (Map<String, Object> c : containers(pod)) {
                for (Map<String, Object> from : maps(c.get("envFrom"))) {
                    check(overlay, where, "ConfigMap", map(from.get("configMapRef")), null, problems);
                    check(overlay, where, "Secret", map(from.get("secretRef")), null, problems);
                }
                for (Map<String, Object> e : maps(c.get("env"))) {
                    Map<String, Object> source = map(e.get("valueFrom"));
                    Map<String, Object> cm = map(source.get("configMapKeyRef"));
                    Map<String, Object> secret = map(source.get("secretKeyRef"));
                    check(overlay, where, "ConfigMap", cm, (String) cm.get("key"), problems);
                    check(overlay, where, "Secret", secret, (String) secret.get("key"), problems);
                }
            }
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                Map<String, Object> cm = map(volume.get("configMap"));
                check(overlay, where, "ConfigMap", cm, null, problems);
                Map<String, Object> secret = map(volume.get("secret"));
                if (!secret.isEmpty()) {
                    Map<String, Object> ref = new HashMap<>(secret);
                    ref.put("name", secret.get("secretName"));
                    check(overlay, where, "Secret", ref, null, problems);
                }
                for (Map<String, Object> source : maps(map(volume.get("projected")).get("sources"))) {
                    check(overlay, where, "ConfigMap", map(source.get("configMap")), null, problems);
                    check(overlay, where, "Secret", map(source.get("secret")), null, problems);
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    private static void check(String overlay, String where, String kind, Map<String, Object> ref,
                              String key, List<String> problems) {
        if (ref.isEmpty() || Boolean.TRUE.equals(ref.get("optional"))) {
            return;
        }
        String name = (String) ref.get("name");
        Optional<Set<String>> keys = "Secret".equals(kind) ? secretKeys(overlay, name) : find(overlay, kind, name)
                .map(cm -> keysOf(cm));
        if (keys.isEmpty()) {
            problems.add(where + ": " + kind + " " + name + " is referenced but not in the overlay"
                    + ("Secret".equals(kind) ? " (neither a Secret nor an ExternalSecret targeting it)" : ""));
        } else if (key != null && !keys.get().contains(key)) {
            problems.add(where + ": " + kind + " " + name + " has no key " + key + " (has " + keys.get() + ")");
        }
    }

    /** Keys of a Secret in the overlay, or of the Secret an ExternalSecret will create. */
    private static Optional<Set<String>> secretKeys(String overlay, String name) {
        Optional<Map<String, Object>> secret = find(overlay, "Secret", name);
        if (secret.isPresent()) {
            return secret.map(ManifestsTest::keysOf);
        }
        Optional<Set<String>> external = ofKind(overlay, "ExternalSecret").stream()
                .filter(es -> name.equals(externalSecretTarget(es)))
                .findFirst()
                .map(es -> {
                    Set<String> keys = new HashSet<>();
                    maps(map(es.get("spec")).get("data")).forEach(d -> keys.add((String) d.get("secretKey")));
                    return keys;
                });
        if (external.isPresent()) {
            return external;
        }
        // A cert-manager Certificate writes its Secret with these keys (ca.crt from a CA issuer).
        return ofKind(overlay, "Certificate").stream()
                .filter(c -> name.equals(map(c.get("spec")).get("secretName")))
                .findFirst()
                .map(c -> Set.of("tls.crt", "tls.key", "ca.crt"));
    }

    private static String externalSecretTarget(Map<String, Object> externalSecret) {
        Object target = map(map(externalSecret.get("spec")).get("target")).get("name");
        return target != null ? (String) target : name(externalSecret);
    }

    private static Set<String> keysOf(Map<String, Object> configMapOrSecret) {
        Set<String> keys = new HashSet<>();
        keys.addAll(map(configMapOrSecret.get("data")).keySet());
        keys.addAll(map(configMapOrSecret.get("stringData")).keySet());
        keys.addAll(map(configMapOrSecret.get("binaryData")).keySet());
        return keys;
    }

    /**
     * Every JEDA_* variable a service's pods get (ConfigMaps, Secrets, ExternalSecrets, literal env)
     * is one the service reads: a misspelt or retired name would otherwise be ignored without a word.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyJedaVariableGivenToAServiceIsOneItReads(String overlay) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            if (!isJedaService(workload)) {
                continue;
            }
            String module = name(workload);
            Set<String> reads = variablesRead(module);
            for (Map<String, Object> c : maps(podSpec(workload).get("containers"))) {
                Set<String> given = new HashSet<>(environment(overlay, c).keySet());
                maps(c.get("env")).forEach(e -> given.add(String.valueOf(e.get("name"))));
                for (Map<String, Object> from : maps(c.get("envFrom"))) {
                    Object secret = map(from.get("secretRef")).get("name");
                    if (secret != null) {
                        secretKeys(overlay, (String) secret).ifPresent(given::addAll);
                    }
                }
                given.stream().filter(v -> v.startsWith("JEDA_") && !reads.contains(v)).sorted()
                        .forEach(v -> problems.add(kind(workload) + "/" + module + " container " + c.get("name")
                                + ": " + v + " is not read by " + module + " (its application.yml or logback.xml)"));
            }
        }
        assertNoProblems(overlay, problems);
    }

    /** The JEDA_* names in a module's application*.yml and logback.xml. */
    private static Set<String> variablesRead(String module) throws IOException {
        Path resources = moduleDir.getParent().resolve(module).resolve("src/main/resources");
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml|logback.*\\.xml"))
                    .toList()) {
                Matcher m = Pattern.compile("\\$\\{(JEDA_[A-Z0-9_]+)")
                        .matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertTrue(!names.isEmpty(), "no JEDA_* settings found under " + resources);
        return names;
    }

    // ---------------------------------------------------------------------------------------
    // The gateway's audit spool

    /**
     * Audit entries the database refuses wait in the gateway's spool, one file per replica
     * ({@code JEDA_GATEWAY_AUDIT_SPOOL_DIR}/{@code <JEDA_GATEWAY_AUDIT_SPOOL_REPLICA>}.spool), and are
     * replayed by the replica of that name when it starts again. So the directory is on a volume
     * claimed per pod that outlives it (a StatefulSet's volumeClaimTemplate, not an emptyDir or the
     * read-only root), the replica name is the pod's own (stable in a StatefulSet, random in a
     * Deployment), and the claim holds at least the spool's bound.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theGatewaysAuditSpoolSurvivesARestartOfItsPod(String overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> gateway = workloads(overlay).stream()
                .filter(w -> isJedaService(w) && "gateway".equals(name(w))).findFirst().orElseThrow();
        String where = kind(gateway) + "/gateway";
        if (!"StatefulSet".equals(kind(gateway))) {
            problems.add(where + ": must be a StatefulSet, so that each pod keeps its name and its volume");
        }
        Map<String, Object> pod = podSpec(gateway);
        Map<String, Object> c = containers(pod).stream()
                .filter(x -> "server".equals(x.get("name"))).findFirst().orElseThrow();
        Map<String, String> env = environment(overlay, c);

        String dir = env.get("JEDA_GATEWAY_AUDIT_SPOOL_DIR");
        List<Map<String, Object>> claims = maps(map(gateway.get("spec")).get("volumeClaimTemplates"));
        if (dir == null || !dir.startsWith("/")) {
            problems.add(where + ": JEDA_GATEWAY_AUDIT_SPOOL_DIR must be an absolute path on a volume, was " + dir);
        } else {
            Optional<Map<String, Object>> mount = maps(c.get("volumeMounts")).stream()
                    .filter(m -> dir.equals(m.get("mountPath")) || dir.startsWith(m.get("mountPath") + "/"))
                    .max((a, b) -> String.valueOf(a.get("mountPath")).length() - String.valueOf(b.get("mountPath")).length());
            Optional<Map<String, Object>> claim = mount.flatMap(m -> claims.stream()
                    .filter(t -> Objects.equals(name(t), m.get("name"))).findFirst());
            if (claim.isEmpty()) {
                problems.add(where + ": the spool directory " + dir + " is not on a volume from a volumeClaimTemplate"
                        + " (mounted: " + mount.map(m -> m.get("name")).orElse("nothing") + ")");
            } else {
                if (Boolean.TRUE.equals(mount.get().get("readOnly"))) {
                    problems.add(where + ": the spool volume is mounted read-only");
                }
                if (maps(pod.get("volumes")).stream().anyMatch(v -> Objects.equals(v.get("name"), mount.get().get("name")))) {
                    problems.add(where + ": a pod volume named " + mount.get().get("name")
                            + " shadows the volumeClaimTemplate of that name");
                }
                Map<String, Object> claimSpec = map(claim.get().get("spec"));
                if (!list(claimSpec.get("accessModes")).contains("ReadWriteOnce")) {
                    problems.add(where + ": the spool claim must be ReadWriteOnce (one pod's own file), was "
                            + claimSpec.get("accessModes"));
                }
                Object storage = map(map(claimSpec.get("resources")).get("requests")).get("storage");
                long bound = bytes(env.getOrDefault("JEDA_GATEWAY_AUDIT_SPOOL_MAX_BYTES", "256MB"));
                if (storage == null || bytes(String.valueOf(storage)) < bound) {
                    problems.add(where + ": the spool claim (" + storage + ") is smaller than the spool's bound "
                            + "JEDA_GATEWAY_AUDIT_SPOOL_MAX_BYTES (" + bound + " bytes)");
                }
            }
        }

        Map<String, Object> replica = maps(c.get("env")).stream()
                .filter(e -> "JEDA_GATEWAY_AUDIT_SPOOL_REPLICA".equals(e.get("name"))).findFirst().orElse(Map.of());
        Object field = map(map(replica.get("valueFrom")).get("fieldRef")).get("fieldPath");
        if (!"metadata.name".equals(field)) {
            problems.add(where + ": JEDA_GATEWAY_AUDIT_SPOOL_REPLICA must come from the pod's name"
                    + " (fieldRef metadata.name), was " + (replica.isEmpty() ? "unset" : replica));
        }
        // A StatefulSet governed by a Service of this overlay; the Services, policies and monitors
        // select its pods by label as before (checked by the port and network policy tests).
        Object governing = map(gateway.get("spec")).get("serviceName");
        if ("StatefulSet".equals(kind(gateway)) && (governing == null || find(overlay, "Service", (String) governing).isEmpty())) {
            problems.add(where + ": serviceName " + governing + " is not a Service of the overlay");
        }
        assertNoProblems(overlay, problems);
    }

    /** A Kubernetes quantity (1Gi, 512M) or a Micronaut size (256MB, 1GB: binary multiples) in bytes. */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)\\s*([KMGT]?)(i|B)?").matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        int power = "KMGT".indexOf(m.group(2)) + 1;
        long unit = "".equals(m.group(2)) ? 1 : (long) Math.pow(m.group(3) == null ? 1000 : 1024, power);
        return Long.parseLong(m.group(1)) * unit;
    }

    @Test
    void sizesAreReadAsKubernetesAndMicronautWriteThem() {
        assertEquals(256L << 20, bytes("256MB"));
        assertEquals(1L << 30, bytes("1Gi"));
        assertEquals(512_000_000L, bytes("512M"));
        assertEquals(42L, bytes("42"));
    }

    // ---------------------------------------------------------------------------------------
    // Overlay-specific rules

    @Test
    void prodHoldsNoSecretValue() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> secret : ofKind("prod", "Secret")) {
            if (!map(secret.get("data")).isEmpty() || !map(secret.get("stringData")).isEmpty()) {
                problems.add("Secret/" + name(secret) + " carries values; production Secrets come from the store");
            }
        }
        for (Map<String, Object> es : ofKind("prod", "ExternalSecret")) {
            Map<String, Object> store = map(map(es.get("spec")).get("secretStoreRef"));
            if (!"ClusterSecretStore".equals(store.get("kind")) || store.get("name") == null) {
                problems.add("ExternalSecret/" + name(es) + ": must name a ClusterSecretStore");
            }
        }
        for (String name : List.of("jeda-jwt", "jeda-policy-db", "jeda-attendance-db", "jeda-gateway-db", "jeda-relay-db")) {
            if (ofKind("prod", "ExternalSecret").stream().noneMatch(es -> name.equals(externalSecretTarget(es)))) {
                problems.add("no ExternalSecret creates " + name);
            }
        }
        assertNoProblems("prod", problems);
    }

    @Test
    void devRunsExactlyOneReplicaOfEverything() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads("dev")) {
            Object replicas = map(workload.get("spec")).getOrDefault("replicas", 1);
            if (!Integer.valueOf(1).equals(replicas)) {
                problems.add(kind(workload) + "/" + name(workload) + ": " + replicas + " replicas");
            }
        }
        for (Map<String, Object> hpa : ofKind("dev", "HorizontalPodAutoscaler")) {
            if (!Integer.valueOf(1).equals(map(hpa.get("spec")).get("maxReplicas"))) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + " scales above one replica");
            }
        }
        assertNoProblems("dev", problems);
    }

    @Test
    void prodScalesAndStillLetsANodeDrain() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            Map<String, Object> deployment = workloads("prod").stream()
                    .filter(w -> isJedaService(w) && service.equals(name(w))).findFirst().orElseThrow();
            Map<String, Object> hpa = ofKind("prod", "HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(map(map(h.get("spec")).get("scaleTargetRef")).get("name")))
                    .findFirst().orElse(null);
            if (hpa != null && !kind(deployment).equals(map(map(hpa.get("spec")).get("scaleTargetRef")).get("kind"))) {
                problems.add(service + ": HorizontalPodAutoscaler scales a "
                        + map(map(hpa.get("spec")).get("scaleTargetRef")).get("kind") + ", but it runs as a " + kind(deployment));
            }
            int least;
            if (hpa != null) {
                Map<String, Object> spec = map(hpa.get("spec"));
                least = (Integer) spec.getOrDefault("minReplicas", 1);
                if (least > (Integer) spec.get("maxReplicas")) {
                    problems.add(service + ": HPA minReplicas above maxReplicas");
                }
            } else {
                least = (Integer) map(deployment.get("spec")).getOrDefault("replicas", 1);
            }
            if (least < 2) {
                problems.add(service + ": fewer than two pods at any time in prod (" + least + ")");
            }
            Map<String, Object> labels = map(map(map(map(deployment.get("spec")).get("template"))
                    .get("metadata")).get("labels"));
            List<Map<String, Object>> budgets = ofKind("prod", "PodDisruptionBudget").stream()
                    .filter(p -> selects(map(map(map(p.get("spec")).get("selector")).get("matchLabels")), labels))
                    .toList();
            if (budgets.size() != 1) {
                problems.add(service + ": " + budgets.size() + " PodDisruptionBudgets, want one");
            } else {
                Object minAvailable = map(budgets.get(0).get("spec")).get("minAvailable");
                if (!(minAvailable instanceof Integer m) || m < 1 || m >= least) {
                    problems.add(service + ": PodDisruptionBudget minAvailable " + minAvailable
                            + " must be between 1 and " + (least - 1) + " so a node can drain");
                }
            }
            List<Map<String, Object>> spread = maps(podSpec(deployment).get("topologySpreadConstraints"));
            if (spread.stream().noneMatch(t -> "topology.kubernetes.io/zone".equals(t.get("topologyKey")))) {
                problems.add(service + ": not spread across zones");
            }
        }
        assertNoProblems("prod", problems);
    }

    // ---------------------------------------------------------------------------------------
    // Operating: TLS, the public entry, alerts and dashboard, backups

    /** The plaintext switches: a service's own server, and its callers' channels to it. */
    private static final Set<String> PLAINTEXT_SWITCHES = Set.of(
            "JEDA_POLICY_PLAINTEXT", "JEDA_ATTENDANCE_PLAINTEXT", "JEDA_GATEWAY_PLAINTEXT", "JEDA_RELAY_PLAINTEXT");

    /**
     * In prod every gRPC hop between the services is TLS: each service gets false for every
     * plaintext switch it reads (its own server's and its channels'), TLS files under a mounted
     * Secret that cert-manager keeps, no native gRPC probe (a kubelet's cannot speak TLS), and the
     * gateway's HTTP port speaks HTTPS, probed as such.
     */
    @Test
    void prodSpeaksTlsBetweenTheServices() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads("prod")) {
            if (!isJedaService(workload)) {
                continue;
            }
            String module = name(workload);
            Set<String> reads = variablesRead(module);
            Map<String, Object> pod = podSpec(workload);
            for (Map<String, Object> c : containers(pod)) {
                String at = kind(workload) + "/" + module;
                Map<String, String> env = environment("prod", c);
                for (String sw : PLAINTEXT_SWITCHES) {
                    if (!reads.contains(sw)) {
                        continue;
                    }
                    if (!"false".equals(env.get(sw))) {
                        problems.add(at + ": " + sw + " must be false in prod, was " + env.get(sw));
                    }
                }
                for (String file : List.of("JEDA_TLS_CERT_FILE", "JEDA_TLS_KEY_FILE", "JEDA_TLS_TRUST_FILE")) {
                    String path = env.get(file);
                    boolean mounted = path != null && maps(c.get("volumeMounts")).stream()
                            .filter(m -> path.startsWith(m.get("mountPath") + "/"))
                            .anyMatch(m -> maps(pod.get("volumes")).stream()
                                    .filter(v -> Objects.equals(v.get("name"), m.get("name")))
                                    .anyMatch(v -> ofKind("prod", "Certificate").stream().anyMatch(cert ->
                                            Objects.equals(map(v.get("secret")).get("secretName"),
                                                    map(cert.get("spec")).get("secretName")))));
                    if (!mounted) {
                        problems.add(at + ": " + file + "=" + path + " is not in a mounted cert-manager Secret");
                    }
                }
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (map(c.get(probe)).containsKey("grpc")) {
                        problems.add(at + ": " + probe + " is a native gRPC probe, which cannot speak TLS;"
                                + " probe the management port over HTTP");
                    }
                }
                if ("gateway".equals(module)) {
                    if (!"true".equals(env.get("JEDA_GATEWAY_HTTP_TLS"))) {
                        problems.add(at + ": JEDA_GATEWAY_HTTP_TLS must be true in prod");
                    }
                    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                        Map<String, Object> get = map(map(c.get(probe)).get("httpGet"));
                        if (!get.isEmpty() && !"HTTPS".equals(get.get("scheme"))) {
                            problems.add(at + ": " + probe + " must use scheme HTTPS on the HTTPS port");
                        }
                    }
                }
            }
        }
        for (Map<String, Object> service : ofKind("prod", "Service")) {
            Object type = map(service.get("spec")).getOrDefault("type", "ClusterIP");
            if (!"ClusterIP".equals(type)) {
                problems.add("Service/" + name(service) + " is " + type + ": the way in is the Ingress");
            }
        }
        assertNoProblems("prod", problems);
    }

    /** The dev overlay, like ./jeda up, stays plaintext: no certificates to manage on a laptop cluster. */
    @Test
    void devStaysPlaintext() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads("dev")) {
            for (Map<String, Object> c : containers(podSpec(workload))) {
                environment("dev", c).forEach((k, v) -> {
                    if ((PLAINTEXT_SWITCHES.contains(k) && "false".equals(v)) || k.startsWith("JEDA_TLS_")) {
                        problems.add(name(workload) + ": " + k + "=" + v);
                    }
                });
            }
        }
        assertNoProblems("dev", problems);
    }

    /**
     * The Ingress routes the API and the web app, and none of what the gateway serves for the
     * cluster only (metrics, the OpenAPI document, health); over gRPC only the gateway's own
     * services, not health or reflection. Paths are matched as Kubernetes does (Exact, or Prefix by
     * whole path elements).
     */
    @Test
    void prodIngressRoutesTheApiAndTheWebAppButNotTheOperatorsPaths() {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> ingresses = ofKind("prod", "Ingress");
        assertTrue(!ingresses.isEmpty(), "prod has an Ingress");
        for (String path : List.of("/v1/officers/199001012015031001/reachability", "/v1/me/inquiries", "/",
                "/signin", "/app/today", "/static/app.css", "/sw.js", "/manifest.webmanifest", "/calendar/abc.ics",
                // An agency set up from outside: the administration pages and the admin REST API with its imports.
                "/app/admin/import", "/static/admin.js", "/v1/admin/units", "/v1/admin/positions:import",
                "/v1/admin/calendar-days:import", "/v1/admin/officers:import", "/v1/admin/rosters")) {
            if (!routed(ingresses, path, "http")) {
                problems.add(path + " is not routed to the gateway's http port");
            }
        }
        for (String path : List.of("/prometheus", "/openapi.yml", "/health", "/health/liveness", "/metrics",
                "/routes", "/env", "/loggers", "/v1x", "/prometheus/x")) {
            if (routed(ingresses, path, null)) {
                problems.add(path + " is routed from outside");
            }
        }
        if (!routed(ingresses, "/jeda.gateway.v1.ReachabilityService/GetReachability", "grpc")) {
            problems.add("the gateway's ReachabilityService is not routed over gRPC");
        }
        for (String path : List.of("/grpc.health.v1.Health/Check",
                "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                "/jeda.policy.v1.UnitService/GetUnit")) {
            if (routed(ingresses, path, null)) {
                problems.add(path + " is routed from outside");
            }
        }
        for (Map<String, Object> ingress : ingresses) {
            if (maps(map(ingress.get("spec")).get("tls")).isEmpty()) {
                problems.add("Ingress/" + name(ingress) + " has no TLS");
            }
        }
        assertNoProblems("prod", problems);
    }

    /** Whether a rule of the ingresses sends the path to the given port name of a Service (any port if null). */
    private static boolean routed(List<Map<String, Object>> ingresses, String path, String portName) {
        for (Map<String, Object> ingress : ingresses) {
            for (Map<String, Object> rule : maps(map(ingress.get("spec")).get("rules"))) {
                for (Map<String, Object> p : maps(map(rule.get("http")).get("paths"))) {
                    Object port = map(map(map(p.get("backend")).get("service")).get("port")).get("name");
                    if (portName != null && !portName.equals(port)) {
                        continue;
                    }
                    if (pathMatches(String.valueOf(p.get("pathType")), String.valueOf(p.get("path")), path)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Kubernetes' Exact and Prefix matching; anything else is read as a plain prefix (nginx). */
    static boolean pathMatches(String type, String rulePath, String path) {
        if ("Exact".equals(type)) {
            return rulePath.equals(path);
        }
        if ("Prefix".equals(type)) {
            if ("/".equals(rulePath)) {
                return true;
            }
            String prefix = rulePath.endsWith("/") ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return path.startsWith(rulePath);
    }

    /**
     * Every metric an alert or a dashboard panel names is in monitoring/series.txt, the list each
     * service's MetricsTest checks against a real scrape of that service; and the alerts cover what
     * operators must hear about.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsOneTheServicesExport() throws IOException {
        Set<String> exported = new HashSet<>(Set.of("up"));
        for (String line : Files.readAllLines(moduleDir.resolve("monitoring/series.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && !line.startsWith("#")) {
                exported.add(f[1]);
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> alertExpressions = new ArrayList<>();
        List<Map<String, Object>> rules = ofKind("prod", "PrometheusRule");
        assertTrue(!rules.isEmpty(), "prod has a PrometheusRule");
        for (Map<String, Object> rule : rules) {
            for (Map<String, Object> group : maps(map(rule.get("spec")).get("groups"))) {
                for (Map<String, Object> r : maps(group.get("rules"))) {
                    String expr = String.valueOf(r.get("expr"));
                    alertExpressions.add(expr);
                    String alert = "alert " + r.get("alert");
                    metricNames(expr).stream().filter(m -> !exported.contains(m))
                            .forEach(m -> problems.add(alert + " uses " + m + ", which no service is known to export"));
                    if (map(r.get("labels")).get("severity") == null || map(r.get("annotations")).get("summary") == null) {
                        problems.add(alert + " needs a severity label and a summary");
                    }
                }
            }
        }
        Map<String, Object> dashboard = find("prod", "ConfigMap", "jeda-grafana-dashboard")
                .map(cm -> map(new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(String.valueOf(map(cm.get("data")).get("jeda.json")))))
                .orElse(Map.of());
        assertTrue(!maps(dashboard.get("panels")).isEmpty(), "prod has the Grafana dashboard with panels");
        for (Map<String, Object> panel : maps(dashboard.get("panels"))) {
            for (Map<String, Object> target : maps(panel.get("targets"))) {
                metricNames(String.valueOf(target.get("expr"))).stream().filter(m -> !exported.contains(m))
                        .forEach(m -> problems.add("panel \"" + panel.get("title") + "\" uses " + m
                                + ", which no service is known to export"));
            }
        }
        String all = String.join("\n", alertExpressions);
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("error rate", "jeda_grpc_server_requests_seconds_count");
        topics.put("p99 of reachability", "ReachabilityService/GetReachability");
        topics.put("degraded answers", "jeda_reachability_degraded_total");
        topics.put("audit spool", "jeda_audit_spool_entries");
        topics.put("audit loss", "jeda_audit_dropped_total");
        topics.put("queue full", "WRITE_QUEUE_FULL");
        topics.put("reconciliation backlog", "jeda_attendance_reconciliation_backlog");
        topics.put("certificate expiry", "jeda_tls_certificate_expiry_seconds");
        topics.forEach((topic, needle) -> {
            if (!all.contains(needle)) {
                problems.add("no alert on " + topic + " (an expression with " + needle + ")");
            }
        });
        assertNoProblems("prod", problems);
    }

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset",
            "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");

    /** The metric names in a PromQL expression (not functions, labels, strings or keywords). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertEquals(Set.of("a_total", "b_seconds_bucket", "up"), metricNames(
                "sum by (job, le) (rate(a_total{status=~\"x|y\"}[5m])) / on(job) histogram_quantile(0.99, "
                        + "rate(b_seconds_bucket[1m])) > 0.5 and up == 0 unless time() - 14 * 86400 > 1e3"));
    }

    /** The nightly backup runs locked down, one at a time, with a Secret and a volume the overlay brings. */
    @Test
    void prodBacksUpTheDatabasesWithALockedDownJob() {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> jobs = ofKind("prod", "CronJob");
        assertTrue(!jobs.isEmpty(), "prod has a backup CronJob");
        for (Map<String, Object> job : jobs) {
            String where = "CronJob/" + name(job);
            Map<String, Object> spec = map(job.get("spec"));
            if (!"Forbid".equals(spec.get("concurrencyPolicy"))) {
                problems.add(where + ": concurrencyPolicy must be Forbid");
            }
            Map<String, Object> pod = map(map(map(map(spec.get("jobTemplate")).get("spec")).get("template")).get("spec"));
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                problems.add(where + ": automountServiceAccountToken must be false");
            }
            for (Map<String, Object> c : containers(pod)) {
                Map<String, Object> sc = map(c.get("securityContext"));
                if (!Boolean.TRUE.equals(effective(sc, podSecurity, "runAsNonRoot"))
                        || !Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))
                        || !Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))
                        || !list(map(sc.get("capabilities")).get("drop")).contains("ALL")) {
                    problems.add(where + ": container " + c.get("name") + " is not locked down");
                }
                if (map(map(c.get("resources")).get("limits")).get("memory") == null) {
                    problems.add(where + ": container " + c.get("name") + " has no memory limit");
                }
                for (Map<String, Object> from : maps(c.get("envFrom"))) {
                    check("prod", where, "Secret", map(from.get("secretRef")), null, problems);
                    check("prod", where, "ConfigMap", map(from.get("configMapRef")), null, problems);
                }
            }
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                Object claim = map(volume.get("persistentVolumeClaim")).get("claimName");
                if (claim != null && find("prod", "PersistentVolumeClaim", (String) claim).isEmpty()) {
                    problems.add(where + ": PersistentVolumeClaim " + claim + " is not in the overlay");
                }
            }
        }
        assertNoProblems("prod", problems);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void ingressIsDeniedUnlessAllowed(String overlay) {
        assertTrue(ofKind(overlay, "NetworkPolicy").stream().anyMatch(np -> {
            Map<String, Object> spec = map(np.get("spec"));
            return map(spec.get("podSelector")).isEmpty()
                    && list(spec.get("policyTypes")).contains("Ingress")
                    && spec.get("ingress") == null;
        }), overlay + ": a default-deny ingress NetworkPolicy");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheirCallersReachTheInternalServicesAndTheDatabase(String overlay) {
        Map<String, Set<String>> callers = Map.of(
                "policy-service", Set.of("gateway", "attendance-service", "relay-service"),
                "attendance-service", Set.of("gateway"),
                // The gateway forwards messages and webhooks to it; reached from inside the namespace only.
                "relay-service", Set.of(ANY_POD_IN_NAMESPACE, "gateway"),
                "mysql", Set.copyOf(SERVICES.keySet()));
        List<String> problems = new ArrayList<>();
        callers.forEach((target, allowed) -> {
            for (Map<String, Object> np : ofKind(overlay, "NetworkPolicy")) {
                Map<String, Object> spec = map(np.get("spec"));
                Map<String, Object> selector = map(map(spec.get("podSelector")).get("matchLabels"));
                if (!selects(selector, Map.of("app.kubernetes.io/name", target))) {
                    continue;
                }
                for (Map<String, Object> rule : maps(spec.get("ingress"))) {
                    List<Map<String, Object>> from = maps(rule.get("from"));
                    if (from.isEmpty()) {
                        problems.add("NetworkPolicy/" + name(np) + " lets anyone reach " + target);
                    }
                    for (Map<String, Object> peer : from) {
                        Object caller = anyPodInNamespace(peer) ? ANY_POD_IN_NAMESPACE
                                : map(map(peer.get("podSelector")).get("matchLabels")).get("app.kubernetes.io/name");
                        if (!allowed.contains(caller) || peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock")) {
                            problems.add("NetworkPolicy/" + name(np) + " lets " + peer + " reach " + target);
                        }
                    }
                }
            }
            // ... and each of them does reach it (where the overlay runs it: prod's MySQL is outside).
            Map<String, Object> targetLabels = Map.of("app.kubernetes.io/name", target);
            workloads(overlay).stream().filter(w -> selects(targetLabels, podLabels(w))).findFirst().ifPresent(w -> {
                Integer port = containerPorts(containers(podSpec(w)).get(0)).values().iterator().next();
                for (String caller : allowed) {
                    Map<String, Object> callerLabels = Map.of("app.kubernetes.io/name",
                            ANY_POD_IN_NAMESPACE.equals(caller) ? "some-pod-of-the-namespace" : caller);
                    if (!ingressAdmits(overlay, targetLabels, callerLabels, port)) {
                        problems.add(target + " does not admit " + caller + " on port " + port);
                    }
                    if (SERVICES.containsKey(caller) && !egressAllows(overlay, callerLabels, targetLabels, port)) {
                        problems.add(caller + " is not let out to " + target + " port " + port);
                    }
                }
            });
        });
        assertNoProblems(overlay, problems);
    }

    /**
     * Egress to the internet (an ipBlock of 0.0.0.0/0 or ::/0) is HTTPS only and leaves out the
     * private, link-local and loopback ranges: a webhook URL an agency registers must not turn
     * relay-service into a way into the cluster's own services or the cloud metadata endpoint.
     * relay-service has such egress, or no webhook is ever sent.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void internetEgressIsHttpsOnlyAndNeverTheClusterOrTheMetadataEndpoint(String overlay) {
        Map<String, List<String>> mustExclude = Map.of(
                "0.0.0.0/0", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"),
                "::/0", List.of("fc00::/7", "fe80::/10"));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> np : ofKind(overlay, "NetworkPolicy")) {
            for (Map<String, Object> rule : maps(map(np.get("spec")).get("egress"))) {
                for (Map<String, Object> peer : maps(rule.get("to"))) {
                    Map<String, Object> block = map(peer.get("ipBlock"));
                    List<String> required = mustExclude.get(String.valueOf(block.get("cidr")));
                    if (required == null) {
                        continue;
                    }
                    String at = "NetworkPolicy/" + name(np) + " egress to " + block.get("cidr");
                    List<Object> except = list(block.get("except"));
                    required.stream().filter(r -> !except.contains(r))
                            .forEach(r -> problems.add(at + " does not leave out " + r));
                    List<Map<String, Object>> ports = maps(rule.get("ports"));
                    if (ports.isEmpty() || ports.stream().anyMatch(p -> !Integer.valueOf(443).equals(p.get("port")))) {
                        problems.add(at + " opens ports " + rule.get("ports") + ", not only 443");
                    }
                }
            }
        }
        boolean webhooks = policiesSelecting(overlay, Map.of("app.kubernetes.io/name", "relay-service"), "Egress")
                .stream().flatMap(np -> maps(map(np.get("spec")).get("egress")).stream())
                .anyMatch(rule -> allowsPort(rule, 443) && maps(rule.get("to")).stream()
                        .anyMatch(peer -> "0.0.0.0/0".equals(map(peer.get("ipBlock")).get("cidr"))));
        if (!webhooks) {
            problems.add("relay-service cannot reach the agencies' webhooks: no egress to 0.0.0.0/0 on 443");
        }
        assertNoProblems(overlay, problems);
    }

    /**
     * relay-service can reach an SMTP relay for email channels: some egress rule of its own opens the
     * port it is given (JEDA_RELAY_SMTP_PORT, 587 by default) to addresses outside the cluster, and that
     * rule is not the internet (0.0.0.0/0 or ::/0), which stays HTTPS only.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void relayServiceReachesItsSmtpRelayButTheInternetOnlyOnHttps(String overlay) {
        Map<String, Object> relay = workloads(overlay).stream().filter(w -> "relay-service".equals(name(w)))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no relay-service"));
        Integer port = containers(podSpec(relay)).stream()
                .map(c -> environment(overlay, c).get("JEDA_RELAY_SMTP_PORT")).filter(Objects::nonNull)
                .map(Integer::valueOf).findFirst().orElse(587);
        List<Map<String, Object>> rules = policiesSelecting(overlay, podLabels(relay), "Egress").stream()
                .flatMap(np -> maps(map(np.get("spec")).get("egress")).stream())
                .filter(rule -> rule.containsKey("ports") && allowsPort(rule, port))
                .toList();
        List<String> problems = new ArrayList<>();
        if (rules.stream().noneMatch(rule -> maps(rule.get("to")).stream()
                .anyMatch(peer -> peer.containsKey("ipBlock")))) {
            problems.add("relay-service cannot reach an SMTP relay: no egress rule to an ipBlock on port " + port);
        }
        rules.stream().flatMap(rule -> maps(rule.get("to")).stream())
                .map(peer -> String.valueOf(map(peer.get("ipBlock")).get("cidr")))
                .filter(cidr -> cidr.equals("0.0.0.0/0") || cidr.equals("::/0"))
                .forEach(cidr -> problems.add("relay-service's SMTP port " + port + " is open to " + cidr));
        assertNoProblems(overlay, problems);
    }

    /**
     * Every address a service is given ({@code JEDA_*_ADDRESS}) is one the network policies let it
     * call: its own egress reaches the pods behind that Service on their port, and the called pods
     * admit it there. Otherwise the call times out in the cluster while every test outside passes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyAddressAServiceIsGivenIsOneTheNetworkPoliciesLetItCall(String overlay) {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Map<String, Object> workload : workloads(overlay)) {
            if (!isJedaService(workload)) {
                continue;
            }
            Map<String, Object> callerLabels = podLabels(workload);
            for (Map<String, Object> c : containers(podSpec(workload))) {
                for (Map.Entry<String, String> e : environment(overlay, c).entrySet()) {
                    if (!e.getKey().matches("JEDA_[A-Z]+_ADDRESS")) {
                        continue;
                    }
                    String at = name(workload) + " " + e.getKey() + "=" + e.getValue();
                    String[] hostPort = e.getValue().replaceFirst("^dns:///", "").split(":");
                    String host = hostPort[0].split("\\.")[0];
                    Optional<Map<String, Object>> service = find(overlay, "Service", host);
                    if (hostPort.length != 2 || service.isEmpty()) {
                        continue; // reported by portsAgree...: not host:port of a Service
                    }
                    Map<String, Object> selector = map(map(service.get().get("spec")).get("selector"));
                    Optional<Map<String, Object>> target = workloads(overlay).stream()
                            .filter(w -> selects(selector, podLabels(w))).findFirst();
                    Optional<Map<String, Object>> servicePort = maps(map(service.get().get("spec")).get("ports"))
                            .stream().filter(p -> String.valueOf(p.get("port")).equals(hostPort[1])).findFirst();
                    if (target.isEmpty() || servicePort.isEmpty()) {
                        problems.add(at + ": no pods behind Service " + host + " port " + hostPort[1]);
                        continue;
                    }
                    Map<String, Integer> targetPorts = new LinkedHashMap<>();
                    containers(podSpec(target.get())).forEach(tc -> targetPorts.putAll(containerPorts(tc)));
                    Integer port = resolvePort(targetPorts,
                            servicePort.get().getOrDefault("targetPort", servicePort.get().get("port")));
                    Map<String, Object> targetLabels = podLabels(target.get());
                    calls++;
                    if (!egressAllows(overlay, callerLabels, targetLabels, port)) {
                        problems.add(at + ": no NetworkPolicy lets " + name(workload) + " out to "
                                + name(target.get()) + " port " + port);
                    }
                    if (!ingressAdmits(overlay, targetLabels, callerLabels, port)) {
                        problems.add(at + ": no NetworkPolicy lets " + name(target.get()) + " admit "
                                + name(workload) + " on port " + port);
                    }
                }
            }
        }
        assertNoProblems(overlay, problems);
        // gateway -> policy, attendance; attendance -> policy; relay -> gateway, policy.
        assertTrue(calls >= 5, overlay + ": only " + calls + " service addresses checked");
    }

    /** Some policy selecting the caller's pods lets them out to the target's pods on that port. */
    private static boolean egressAllows(String overlay, Map<String, Object> from, Map<String, Object> to, Integer port) {
        return policiesSelecting(overlay, from, "Egress").stream()
                .flatMap(np -> maps(map(np.get("spec")).get("egress")).stream())
                .anyMatch(rule -> allowsPort(rule, port) && (!rule.containsKey("to") || maps(rule.get("to")).stream()
                        .anyMatch(peer -> !peer.containsKey("namespaceSelector")
                                && (anyPodInNamespace(peer)
                                    || selects(map(map(peer.get("podSelector")).get("matchLabels")), to)))));
    }

    /** Some policy selecting the target's pods admits the caller's pods on that port. */
    private static boolean ingressAdmits(String overlay, Map<String, Object> target, Map<String, Object> caller,
                                         Integer port) {
        return policiesSelecting(overlay, target, "Ingress").stream()
                .flatMap(np -> maps(map(np.get("spec")).get("ingress")).stream())
                .anyMatch(rule -> allowsPort(rule, port) && (!rule.containsKey("from") || maps(rule.get("from")).stream()
                        .anyMatch(peer -> !peer.containsKey("namespaceSelector")
                                && (anyPodInNamespace(peer)
                                    || selects(map(map(peer.get("podSelector")).get("matchLabels")), caller)))));
    }

    private static List<Map<String, Object>> policiesSelecting(String overlay, Map<String, Object> labels,
                                                               String type) {
        return ofKind(overlay, "NetworkPolicy").stream()
                .filter(np -> list(map(np.get("spec")).get("policyTypes")).contains(type))
                .filter(np -> {
                    Map<String, Object> selector = map(map(np.get("spec")).get("podSelector"));
                    return selector.isEmpty() || selects(map(selector.get("matchLabels")), labels);
                })
                .toList();
    }

    private static boolean allowsPort(Map<String, Object> rule, Integer port) {
        return !rule.containsKey("ports") || maps(rule.get("ports")).stream()
                .anyMatch(p -> Objects.equals(p.get("port"), port) && !"UDP".equals(p.get("protocol")));
    }

    /** An ingress or egress peer {@code podSelector: {}} alone: every pod of the policy's namespace. */
    private static boolean anyPodInNamespace(Map<String, Object> peer) {
        return peer.containsKey("podSelector") && map(peer.get("podSelector")).isEmpty()
                && !peer.containsKey("namespaceSelector") && !peer.containsKey("ipBlock");
    }

    private static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(map(map(map(workload.get("spec")).get("template")).get("metadata")).get("labels"));
    }

    // ---------------------------------------------------------------------------------------
    // Rendering

    private static List<Map<String, Object>> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, ManifestsTest::render);
    }

    private static List<Map<String, Object>> render(String overlay) {
        Path dir = moduleDir.resolve("overlays").resolve(overlay);
        try {
            File errors = File.createTempFile("kustomize", ".err");
            errors.deleteOnExit();
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(errors)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed:\n" + Files.readString(errors.toPath()));
            }
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            assertTrue(docs.size() > 10, overlay + " rendered only " + docs.size() + " objects");
            return docs;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A value the build passes in (k8s/pom.xml, from the root pom.xml); run the test through Maven. */
    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            fail("system property " + name + " is not set: run this test through Maven (./mvnw verify -pl k8s)");
        }
        return value;
    }

    private static Optional<String> locateKubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured).filter(p -> Files.isExecutable(Paths.get(p)));
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(d -> Paths.get(d, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    /** The k8s/ module directory: Surefire's basedir, or the working directory (module or repo root). */
    private static Path locateModule() {
        for (String candidate : new String[] {System.getProperty("basedir"), System.getProperty("user.dir")}) {
            if (candidate == null) {
                continue;
            }
            Path dir = Paths.get(candidate).toAbsolutePath();
            for (Path option : List.of(dir, dir.resolve("k8s"))) {
                if (Files.isDirectory(option.resolve("overlays").resolve("dev"))) {
                    return option;
                }
            }
        }
        throw new IllegalStateException("cannot find k8s/overlays from " + System.getProperty("user.dir"));
    }

    // ---------------------------------------------------------------------------------------
    // Reading the rendered objects

    private static List<Map<String, Object>> ofKind(String overlay, String kind) {
        return rendered(overlay).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Optional<Map<String, Object>> find(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(d -> name(d).equals(name)).findFirst();
    }

    private static List<Map<String, Object>> workloads(String overlay) {
        return rendered(overlay).stream().filter(d -> WORKLOADS.contains(kind(d))).toList();
    }

    private static boolean isJedaService(Map<String, Object> workload) {
        return Set.of("Deployment", "StatefulSet").contains(kind(workload)) && SERVICES.containsKey(name(workload));
    }

    private static String kind(Map<String, Object> object) {
        return String.valueOf(object.get("kind"));
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object.get("metadata")).get("name"));
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        List<Map<String, Object>> all = new ArrayList<>(maps(pod.get("containers")));
        all.addAll(maps(pod.get("initContainers")));
        return all;
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : maps(container.get("ports"))) {
            Integer number = (Integer) port.get("containerPort");
            ports.put(port.get("name") != null ? (String) port.get("name") : "#" + number, number);
        }
        return ports;
    }

    /** A probe or targetPort given by number or by name, as the container port it reaches. */
    private static Integer resolvePort(Map<String, Integer> ports, Object port) {
        if (port instanceof Integer number) {
            return ports.containsValue(number) ? number : null;
        }
        return port == null ? null : ports.get(String.valueOf(port));
    }

    /** The environment a container sees: its envFrom ConfigMaps, then its literal env values. */
    private static Map<String, String> environment(String overlay, Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            Object name = map(from.get("configMapRef")).get("name");
            if (name != null) {
                find(overlay, "ConfigMap", (String) name).ifPresent(cm ->
                        map(cm.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v))));
            }
        }
        for (Map<String, Object> e : maps(container.get("env"))) {
            if (e.get("value") != null) {
                env.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
        }
        return env;
    }

    private static boolean mountsEmptyDirAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        return maps(container.get("volumeMounts")).stream()
                .filter(m -> path.equals(m.get("mountPath")))
                .anyMatch(m -> maps(pod.get("volumes")).stream()
                        .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    private static Object effective(Map<String, Object> container, Map<String, Object> pod, String field) {
        return container.containsKey(field) ? container.get(field) : pod.get(field);
    }

    private static void assertNoProblems(String overlay, List<String> problems) {
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static List<Map<String, Object>> maps(Object o) {
        return list(o).stream().map(ManifestsTest::map).toList();
    }
}
