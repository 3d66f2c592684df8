package org.proposals.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize that
 * deploy/kubernetes uses, so that CI needs no kubectl (Debian's is too old for these overlays):
 * <ul>
 *   <li>{@code resources}: files (one or more YAML documents) and directories with a kustomization.yaml;</li>
 *   <li>{@code patches}: JSON 6902 patches (a list of operations add, replace, remove) with a {@code target}
 *       of kind and/or name (regular expressions, as in Kustomize), and strategic-merge patches of maps only
 *       (a patch that holds a list is refused: Kustomize would merge lists by key, this renderer would not);</li>
 *   <li>{@code namespace}: set on every namespaced object;</li>
 *   <li>{@code images}: name, newName, newTag of the containers' images.</li>
 * </ul>
 * Any other field of a kustomization fails, so the subset cannot grow unnoticed; the tests also compare the
 * result with a real {@code kubectl kustomize} whenever one is on the PATH.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) {
        JsonNode kustomization = readOne(dir.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + ": '" + field + "' is outside the Kustomize subset this renderer knows "
                        + SUPPORTED);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (ObjectNode object : objects) {
            if (byId.put(id(object), object) != null) {
                throw new IllegalArgumentException(dir + ": " + id(object) + " is defined twice");
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(dir, patch, objects);
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    ((ObjectNode) object.get("metadata")).put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode object : objects) {
                setImages(object, image);
            }
        }
        return objects;
    }

    static String id(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText() + " "
                + object.path("metadata").path("namespace").asText("") + "/" + object.path("metadata").path("name").asText();
    }

    static List<ObjectNode> readAll(Path file) {
        try {
            return objects(YAML.readerFor(JsonNode.class).readValues(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static List<ObjectNode> readAll(String yaml) {
        try {
            return objects(YAML.readerFor(JsonNode.class).readValues(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of a multi-document YAML stream; empty documents (a trailing "---") are skipped. */
    private static List<ObjectNode> objects(MappingIterator<JsonNode> documents) throws IOException {
        try (documents) {
            List<ObjectNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add((ObjectNode) document);
                }
            }
            return objects;
        }
    }

    private static JsonNode readOne(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static void applyPatch(Path dir, JsonNode entry, List<ObjectNode> objects) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!Set.of("path", "patch", "target").contains(field)) {
                throw new IllegalArgumentException(dir + ": patch field '" + field + "' is outside the subset");
            }
        });
        JsonNode patch;
        try {
            patch = entry.has("path") ? YAML.readTree(dir.resolve(entry.get("path").asText()).toFile())
                    : YAML.readTree(entry.path("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode target = entry.get("target");
        if (patch.isArray()) {
            if (target == null) {
                throw new IllegalArgumentException(dir + ": a JSON 6902 patch needs a target");
            }
            List<ObjectNode> matched = objects.stream().filter(o -> matches(target, o)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(dir + ": patch target " + target + " matches nothing");
            }
            matched.forEach(o -> jsonPatch(o, (ArrayNode) patch));
        } else {
            ObjectNode own = YAML.createObjectNode();
            own.put("kind", patch.path("kind").asText());
            own.put("name", patch.path("metadata").path("name").asText());
            JsonNode selector = target != null ? target : own;
            List<ObjectNode> matched = objects.stream().filter(o -> matches(selector, o)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(dir + ": strategic-merge patch " + selector + " matches nothing");
            }
            matched.forEach(o -> merge(o, (ObjectNode) patch, ""));
        }
    }

    private static boolean matches(JsonNode target, JsonNode object) {
        target.fieldNames().forEachRemaining(field -> {
            if (!Set.of("kind", "name").contains(field)) {
                throw new IllegalArgumentException("patch target field '" + field + "' is outside the subset");
            }
        });
        return (!target.has("kind") || Pattern.matches(target.get("kind").asText(), object.path("kind").asText()))
                && (!target.has("name")
                        || Pattern.matches(target.get("name").asText(), object.path("metadata").path("name").asText()));
    }

    private static void merge(ObjectNode into, ObjectNode patch, String at) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                throw new IllegalArgumentException("strategic-merge patch with a list at " + at + "/" + field.getKey()
                        + " is outside the subset: use a JSON 6902 patch");
            }
            if (value.isNull()) {
                into.remove(field.getKey());
            } else if (value.isObject() && into.path(field.getKey()).isObject()) {
                merge((ObjectNode) into.get(field.getKey()), (ObjectNode) value, at + "/" + field.getKey());
            } else {
                into.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static void jsonPatch(ObjectNode object, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            List<String> path = new ArrayList<>();
            for (String token : operation.path("path").asText().substring(1).split("/", -1)) {
                path.add(token.replace("~1", "/").replace("~0", "~"));
            }
            JsonNode parent = object;
            for (String token : path.subList(0, path.size() - 1)) {
                parent = parent.isArray() ? parent.path(Integer.parseInt(token)) : parent.path(token);
                if (parent.isMissingNode()) {
                    throw new IllegalArgumentException(id(object) + ": no " + operation.path("path").asText());
                }
            }
            String last = path.get(path.size() - 1);
            JsonNode value = operation.get("value");
            switch (op) {
                case "add", "replace" -> {
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value.deepCopy());
                        } else if (op.equals("add")) {
                            array.insert(Integer.parseInt(last), value.deepCopy());
                        } else {
                            array.set(Integer.parseInt(last), value.deepCopy());
                        }
                    } else {
                        if (op.equals("replace") && !parent.has(last)) {
                            throw new IllegalArgumentException(id(object) + ": nothing to replace at " + operation.path("path").asText());
                        }
                        ((ObjectNode) parent).set(last, value.deepCopy());
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else if (((ObjectNode) parent).remove(last) == null) {
                        throw new IllegalArgumentException(id(object) + ": nothing to remove at " + operation.path("path").asText());
                    }
                }
                default -> throw new IllegalArgumentException("JSON patch operation '" + op + "' is outside the subset");
            }
        }
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        retag((ObjectNode) container, image);
                    }
                } else {
                    setImages(field.getValue(), image);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> setImages(element, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        int at = current.indexOf('@');
        String withoutDigest = at < 0 ? current : current.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        String name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String newName = image.path("newName").asText(name);
        String newTag = image.path("newTag").asText(tag);
        container.put("image", newTag == null ? newName : newName + ":" + newTag);
    }

    /** A real {@code kubectl kustomize}, when the machine has one. */
    static List<ObjectNode> kubectl(Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
        }
        return readAll(out);
    }

    /**
     * Whether a kubectl with a Kustomize that reads these overlays is on the PATH: 1.27 or later (Kustomize 5).
     * Debian bookworm's kubectl 1.20 embeds Kustomize 2, which knows no {@code patches} field.
     */
    static boolean kubectlOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String element : path.split(java.io.File.pathSeparator)) {
            found |= !element.isEmpty() && Files.isExecutable(Path.of(element, "kubectl"));
        }
        if (!found) {
            return false;
        }
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client", "-o", "json").start();
            JsonNode version = new ObjectMapper().readTree(process.getInputStream());
            process.waitFor();
            String minor = version.path("clientVersion").path("minor").asText("0").replaceAll("[^0-9]", "");
            return version.path("clientVersion").path("major").asText().equals("1") && Integer.parseInt(minor) >= 27;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static {
        YAML.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    }
}
