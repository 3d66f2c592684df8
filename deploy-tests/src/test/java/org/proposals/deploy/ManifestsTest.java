package org.proposals.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every overlay of deploy/kubernetes and holds each object to its schema and to the platform's rules. */
class ManifestsTest {

    static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "../deploy")).toAbsolutePath().normalize();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path REPOSITORY = DEPLOY.getParent();
    static final List<String> SERVICES = List.of("proposal-service", "assignment-service", "reply-service",
            "evaluation-service", "supervision-adapter");
    static final Map<String, String> DATABASES = Map.of("proposal-service", "proposal", "assignment-service", "assignment",
            "reply-service", "reply", "evaluation-service", "evaluation", "supervision-adapter", "supervision");
    /** Secrets that the operators create by hand (deploy/README.md); the others come from CloudNativePG. */
    static final Set<String> OPERATOR_SECRETS = Set.of("supervision-system");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");

    static final Schemas SCHEMAS = new Schemas();

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.containsAll(List.of("dev", "prod")), "overlays dev and prod: " + names);
            return names.stream();
        }
    }

    static List<ObjectNode> render(String overlay) {
        return Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsValidAgainstItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : render(overlay)) {
            SCHEMAS.validate(object).forEach(p -> problems.add(Kustomize.id(object) + ": " + p));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRendererAgreesWithKubectlWhereThereIsOne(String overlay) throws Exception {
        Assumptions.assumeTrue(Kustomize.kubectlOnPath(), "no kubectl 1.27+ on the PATH");
        Map<String, JsonNode> ours = byId(render(overlay));
        Map<String, JsonNode> theirs = byId(Kustomize.kubectl(KUBERNETES.resolve("overlays").resolve(overlay)));
        assertEquals(theirs.keySet(), ours.keySet());
        for (String id : ours.keySet()) {
            assertEquals(theirs.get(id), ours.get(id), id);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentFollowsTheRules(String overlay) {
        List<ObjectNode> objects = render(overlay);
        assertEquals(new TreeSet<>(SERVICES), ofKind(objects, "Deployment").stream().map(ManifestsTest::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(List.of(), deploymentProblems(objects));
    }

    /** Probes, requests and limits, security context, credentials from Secrets, and the objects that go with it. */
    static List<String> deploymentProblems(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> deployments = ofKind(objects, "Deployment");
        for (ObjectNode deployment : deployments) {
            String name = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
                problems.add(name + ": pod does not run as non-root");
            }
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                probe(container, "startupProbe", "/q/health/started", where, problems);
                probe(container, "livenessProbe", "/q/health/live", where, problems);
                probe(container, "readinessProbe", "/q/health/ready", where, problems);
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(kind).path(resource).isMissingNode()) {
                            problems.add(where + ": no " + kind + "." + resource);
                        }
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": root filesystem not read-only");
                }
                if (!security.path("allowPrivilegeEscalation").isBoolean() || security.path("allowPrivilegeEscalation").asBoolean()) {
                    problems.add(where + ": privilege escalation not forbidden");
                }
                if (security.path("privileged").asBoolean(false)) {
                    problems.add(where + ": privileged");
                }
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    problems.add(where + ": capabilities not dropped");
                }
                for (JsonNode env : container.path("env")) {
                    if (SECRET_NAME.matcher(env.path("name").asText()).matches() && !env.path("valueFrom").has("secretKeyRef")) {
                        problems.add(where + ": " + env.path("name").asText() + " is not taken from a Secret");
                    }
                    String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    if (secret != null && !OPERATOR_SECRETS.contains(secret) && !clusterAppSecrets(objects).contains(secret)) {
                        problems.add(where + ": Secret " + secret + " is neither CloudNativePG's nor a documented one");
                    }
                }
                for (JsonNode from : container.path("envFrom")) {
                    String configMap = from.path("configMapRef").path("name").asText(null);
                    if (configMap == null || find(objects, "ConfigMap", configMap) == null) {
                        problems.add(where + ": envFrom " + from + " is not a ConfigMap of the overlay");
                    }
                }
            }
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor")) {
                if (find(objects, kind, name) == null) {
                    problems.add(name + ": no " + kind);
                }
            }
            String jdbc = find(objects, "ConfigMap", name + "-config").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            String database = DATABASES.get(name);
            if (!jdbc.equals("jdbc:postgresql://" + database + "-db-rw:5432/" + database) || find(objects, "Cluster", database + "-db") == null) {
                problems.add(name + ": not connected to its CloudNativePG cluster's -rw service: " + jdbc);
            }
        }
        return problems;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void nothingSecretIsCommitted(String overlay) {
        List<ObjectNode> objects = render(overlay);
        assertEquals(List.of(), ofKind(objects, "Secret").stream().map(Kustomize::id).toList(), "Secrets are created by the operators");
        for (ObjectNode configMap : ofKind(objects, "ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key ->
                    assertFalse(SECRET_NAME.matcher(key).matches(), Kustomize.id(configMap) + " holds " + key));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicIsAKafkaTopic(String overlay) {
        List<ObjectNode> objects = render(overlay);
        Set<String> topics = ofKind(objects, "KafkaTopic").stream().map(ManifestsTest::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        for (String producer : List.of("proposal", "assignment", "reply", "evaluation", "supervision")) {
            expected.add(producer + ".events");
        }
        SERVICES.forEach(service -> expected.add(service + ".dead-letter"));
        assertEquals(expected, topics);
        int brokers = ofKind(objects, "KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        for (ObjectNode topic : ofKind(objects, "KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt();
            assertTrue(replicas <= brokers, name(topic) + " has more replicas than brokers");
            assertTrue(topic.path("spec").path("config").path("min.insync.replicas").asInt() < replicas || replicas == 1,
                    name(topic) + ": one broker down must not stop producing");
        }
    }

    /** The objects of a service select its pods, and the services find Kafka where Strimzi puts it. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theObjectsAreWiredTogether(String overlay) {
        List<ObjectNode> objects = render(overlay);
        List<String> problems = new ArrayList<>();
        ObjectNode kafka = ofKind(objects, "Kafka").get(0);
        JsonNode plain = kafka.path("spec").path("kafka").path("listeners").get(0);
        String bootstrap = name(kafka) + "-kafka-bootstrap:" + plain.path("port").asInt();
        if (!find(objects, "ConfigMap", "platform-config").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText().equals(bootstrap)) {
            problems.add("KAFKA_BOOTSTRAP_SERVERS is not " + bootstrap);
        }
        for (ObjectNode owned : objects) {
            String cluster = owned.path("metadata").path("labels").path("strimzi.io/cluster").asText(null);
            if (cluster != null && !cluster.equals(name(kafka))) {
                problems.add(Kustomize.id(owned) + " belongs to Kafka " + cluster);
            }
        }
        int partitions = find(objects, "KafkaTopic", "proposal.events").path("spec").path("partitions").asInt();
        for (String service : SERVICES) {
            JsonNode podLabels = find(objects, "Deployment", service).path("spec").path("template").path("metadata").path("labels");
            for (String kind : List.of("Service", "PodDisruptionBudget", "NetworkPolicy")) {
                ObjectNode object = find(objects, kind, service);
                JsonNode selector = kind.equals("Service") ? object.path("spec").path("selector")
                        : kind.equals("NetworkPolicy") ? object.path("spec").path("podSelector").path("matchLabels")
                        : object.path("spec").path("selector").path("matchLabels");
                selector.fields().forEachRemaining(label -> {
                    if (!label.getValue().equals(podLabels.path(label.getKey()))) {
                        problems.add(kind + " " + service + " does not select its pods");
                    }
                });
            }
            JsonNode hpa = find(objects, "HorizontalPodAutoscaler", service).path("spec");
            if (!hpa.path("scaleTargetRef").path("name").asText().equals(service) || hpa.path("maxReplicas").asInt() > partitions) {
                problems.add("HorizontalPodAutoscaler " + service + " scales something else or beyond the partitions");
            }
            JsonNode endpoint = find(objects, "ServiceMonitor", service).path("spec").path("endpoints").get(0);
            if (!endpoint.path("path").asText().equals("/q/metrics") || !endpoint.path("port").asText().equals("http")) {
                problems.add("ServiceMonitor " + service + " does not scrape /q/metrics");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every /api/v1 path of every service is routed on the one host, to the service that serves it. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesEveryApiPathToItsService(String overlay) throws IOException {
        List<ObjectNode> objects = render(overlay);
        Map<String, String> routes = new TreeMap<>();
        Set<String> hosts = new TreeSet<>();
        for (ObjectNode ingress : ofKind(objects, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                hosts.add(rule.path("host").asText());
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    assertTrue(find(objects, "Service", service) != null, "no Service " + service);
                    routes.put(path.path("path").asText(), service);
                }
            }
        }
        assertEquals(1, hosts.size(), "one host for the frontends: " + hosts);
        Pattern resourcePath = Pattern.compile("@Path\\(\"/api/v1/([a-z-]+)");
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(REPOSITORY.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = resourcePath.matcher(Files.readString(file));
                    while (matcher.find()) {
                        String prefix = "/api/v1/" + matcher.group(1);
                        if (!service.equals(routes.get(prefix))) {
                            problems.add(prefix + " (" + service + ") is routed to " + routes.get(prefix));
                        }
                    }
                }
            }
            String audit = "/api/v1/(" + service + ")/audit-records(/.*)?$";
            if (!service.equals(routes.get(audit))) {
                problems.add(service + "'s audit records are not reachable at " + audit);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDashboardIsAGrafanaDashboard() throws IOException {
        JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DEPLOY.resolve("grafana/proposal-platform.json").toFile());
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id " + panel.path("id") + " twice");
            if (!panel.path("type").asText().equals("row")) {
                assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
            }
        }
        String text = dashboard.toString();
        for (String metric : List.of("outbox_pending", "outbox_oldest_pending_age_seconds", "supervision_reports_pending",
                "supervision_reports_dead", "supervision_reports_oldest_age_seconds", "supervision_circuit_open",
                "http_server_requests_seconds", "jvm_memory_used_bytes")) {
            assertTrue(text.contains(metric), "the dashboard shows " + metric);
        }
    }

    // The checks above prove something only if they can fail: each of these objects is wrong on purpose.

    @Test
    void anUnknownFieldFailsValidation() {
        ObjectNode deployment = find(render("prod"), "Deployment", "proposal-service").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0)).put("imagePullPolice", "Always");
        assertTrue(SCHEMAS.validate(deployment).stream().anyMatch(p -> p.contains("imagePullPolice")), SCHEMAS.validate(deployment).toString());

        ObjectNode topic = find(render("prod"), "KafkaTopic", "proposal.events").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partition", 3);
        assertTrue(SCHEMAS.validate(topic).stream().anyMatch(p -> p.contains("partition")), SCHEMAS.validate(topic).toString());

        ObjectNode cluster = find(render("prod"), "Cluster", "proposal-db").deepCopy();
        ((ObjectNode) cluster.path("spec").path("storage")).put("sizee", "1Gi");
        assertFalse(SCHEMAS.validate(cluster).isEmpty());

        ObjectNode monitor = find(render("prod"), "ServiceMonitor", "reply-service").deepCopy();
        ((ObjectNode) monitor.get("metadata")).put("label", "x");
        assertFalse(SCHEMAS.validate(monitor).isEmpty(), "metadata of a custom resource is ObjectMeta");
    }

    @Test
    void aWrongTypeOrAnUnknownKindFailsValidation() {
        ObjectNode hpa = find(render("dev"), "HorizontalPodAutoscaler", "reply-service").deepCopy();
        ((ObjectNode) hpa.get("spec")).put("minReplicas", "two");
        assertFalse(SCHEMAS.validate(hpa).isEmpty());

        ObjectNode unknown = Kustomize.YAML.createObjectNode().put("apiVersion", "example.org/v1").put("kind", "Thing");
        assertEquals(List.of("no schema for example.org/v1 Thing"), SCHEMAS.validate(unknown));
    }

    @Test
    void theRulesCatchADeploymentWithoutProbesOrLimits() throws IOException {
        Path overlay = Files.createTempDirectory("overlay");
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - target:
                      kind: Deployment
                      name: reply-service
                    patch: |-
                      - op: remove
                        path: /spec/template/spec/containers/0/livenessProbe
                      - op: remove
                        path: /spec/template/spec/containers/0/resources/limits
                      - op: replace
                        path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem
                        value: false
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: SUPERVISION_SYSTEM_HMAC_SECRET, value: inline}
                """.formatted(KUBERNETES.resolve("base")));
        List<String> problems = deploymentProblems(Kustomize.render(overlay));
        assertEquals(List.of(
                "reply-service/reply-service: no livenessProbe on /q/health/live",
                "reply-service/reply-service: no limits.cpu",
                "reply-service/reply-service: no limits.memory",
                "reply-service/reply-service: root filesystem not read-only",
                "reply-service/reply-service: SUPERVISION_SYSTEM_HMAC_SECRET is not taken from a Secret"),
                problems.stream().filter(p -> p.startsWith("reply-service")).toList());
    }

    @Test
    void theRendererRefusesWhatItDoesNotKnow() throws IOException {
        Path overlay = Files.createTempDirectory("overlay");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: []\nconfigMapGenerator: []\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(overlay));
        // Kustomize merges lists of a strategic-merge patch by key; this renderer would replace them.
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: reply-service
                      spec:
                        template:
                          spec:
                            containers:
                              - name: reply-service
                                image: other
                """.formatted(KUBERNETES.resolve("base/reply-service")));
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(overlay));
    }

    private static void probe(JsonNode container, String probe, String path, String where, List<String> problems) {
        if (!container.path(probe).path("httpGet").path("path").asText().equals(path)) {
            problems.add(where + ": no " + probe + " on " + path);
        }
    }

    private static Set<String> clusterAppSecrets(List<ObjectNode> objects) {
        return ofKind(objects, "Cluster").stream().map(c -> name(c) + "-app").collect(Collectors.toSet());
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name(o).equals(name)).findFirst().orElse(null);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
        Map<String, JsonNode> map = new TreeMap<>();
        objects.forEach(o -> map.put(Kustomize.id(o), o));
        return map;
    }
}
