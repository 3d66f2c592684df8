package org.proposals.kit.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses a JSON body holding the NUL character (written {@code \u0000}) in any text or field name: no PostgreSQL
 * text or jsonb value can store it, so it would otherwise fail in the database as a 500. Read as a wrongly formed
 * value, it becomes a 400 naming the field (see {@link ProblemMappers}). {@link NulCharacterFilter} does the same
 * for query and path parameters.
 */
@Singleton
public class NulCharacterGuard implements ObjectMapperCustomizer {

    static final String REQUIREMENT = "must not contain the NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-character-guard")
                .addDeserializer(String.class, new TextWithoutNul())
                .addDeserializer(JsonNode.class, new TreeWithoutNul()));
    }

    static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (holdsNul(text)) {
                throw InvalidFormatException.from(parser, REQUIREMENT, text, String.class);
            }
            return text;
        }
    }

    /** Free-form JSON (a corrected report, say) is checked as a whole, names and values. */
    private static final class TreeWithoutNul extends StdScalarDeserializer<JsonNode> {

        TreeWithoutNul() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            String found = nulIn(tree);
            if (found != null) {
                throw InvalidFormatException.from(parser, REQUIREMENT, found, String.class);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance(); // JSON null is a node, as Jackson reads it without the guard
        }

        private static String nulIn(JsonNode node) {
            if (node.isTextual()) {
                return holdsNul(node.textValue()) ? node.textValue() : null;
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String found = holdsNul(field.getKey()) ? field.getKey() : nulIn(field.getValue());
                    if (found != null) {
                        return found;
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    String found = nulIn(element);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
