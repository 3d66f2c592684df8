package org.proposals.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates objects against the vendored schemas (src/test/resources/schemas, see NOTICE.md), strictly:
 * every object schema that lists its properties accepts no other, as the API server's field validation
 * does ({@code kubectl apply --validate=strict}). An object of a kind without a schema fails too.
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** The custom resources the manifests may use, by apiVersion and kind. */
    private static final Map<String, String> CRDS = Map.of(
            "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io_kafka_v1.json",
            "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io_kafkanodepool_v1.json",
            "kafka.strimzi.io/v1 KafkaTopic", "kafka.strimzi.io_kafkatopic_v1.json",
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io_cluster_v1.json",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com_servicemonitor_v1.json");

    private final ObjectNode definitions;
    private final Map<String, String> builtIn = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    Schemas() {
        ObjectNode document = (ObjectNode) read("schemas/kubernetes/definitions.json");
        definitions = (ObjectNode) document.get("definitions");
        definitions.fields().forEachRemaining(definition -> {
            for (JsonNode gvk : definition.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                builtIn.put(apiVersion + " " + gvk.path("kind").asText(), definition.getKey());
            }
        });
        close(definitions);
    }

    /** The problems of one object; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        JsonSchema schema = compiled.computeIfAbsent(key, this::compile);
        if (schema == null) {
            problems.add("no schema for " + key);
            return problems;
        }
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(message.getMessage());
        }
        if (CRDS.containsKey(key)) {
            // The CRD schemas leave metadata open; the API server holds it to ObjectMeta.
            for (ValidationMessage message : compiled.computeIfAbsent("metadata", k -> builtIn(OBJECT_META))
                    .validate(object.path("metadata"))) {
                problems.add("metadata: " + message.getMessage());
            }
        }
        return problems;
    }

    private JsonSchema compile(String key) {
        if (builtIn.containsKey(key)) {
            return builtIn(builtIn.get(key));
        }
        if (CRDS.containsKey(key)) {
            JsonNode schema = read("schemas/crds/" + CRDS.get(key));
            close(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
        return null;
    }

    private JsonSchema builtIn(String definition) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$ref", "#/definitions/" + definition);
        schema.set("definitions", definitions);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    /**
     * Closes every object schema that names its properties, and drops the x-kubernetes-* annotations, which
     * are no JSON-schema keywords (except preserve-unknown-fields, which leaves an object open).
     */
    static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean open = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            Iterator<String> names = object.fieldNames();
            List<String> drop = new ArrayList<>();
            names.forEachRemaining(name -> {
                if (name.startsWith("x-kubernetes-")) {
                    drop.add(name);
                }
            });
            object.remove(drop);
            if (object.has("properties") && !object.has("additionalProperties") && !open
                    && object.get("properties").isObject()) {
                object.put("additionalProperties", false);
            }
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("properties")) {
                    field.getValue().forEach(Schemas::close);
                } else {
                    close(field.getValue());
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(Schemas::close);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> crdKinds() {
        return CRDS.keySet();
    }
}
