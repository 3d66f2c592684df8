package org.proposals.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON form of the audit trail's stored values, independent of the application's object mapper,
 * so that what is stored (and hashed) does not change with the REST layer's settings.
 */
final class AuditJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final TypeReference<LinkedHashMap<String, Change>> CHANGES = new TypeReference<>() {
    };

    private AuditJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON for the audit trail", e);
        }
    }

    /** The stored changes, {@code {"field":{"before":...,"after":...}}}, in their stored order. */
    static Map<String, Change> changes(String json) {
        try {
            return MAPPER.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit changes cannot be read", e);
        }
    }
}
