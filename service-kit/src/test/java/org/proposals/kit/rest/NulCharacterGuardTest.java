package org.proposals.kit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NulCharacterGuardTest {

    record Body(String title, List<String> keywords, JsonNode details) {
    }

    private final ObjectMapper mapper = guarded();

    private static ObjectMapper guarded() {
        ObjectMapper mapper = new ObjectMapper();
        new NulCharacterGuard().customize(mapper);
        return mapper;
    }

    @Test
    void textWithoutNulIsReadAsItCame() throws Exception {
        Body body = mapper.readValue("""
                {"title":"关于\\\\u0000的提案","keywords":["a"],"details":{"k":["v",1,null]}}""", Body.class);
        // an escaped backslash followed by u0000 is six ordinary characters, not NUL
        assertEquals("关于\\u0000的提案", body.title());
        assertEquals("v", body.details().get("k").get(0).textValue());
        assertTrue(mapper.readValue("{\"details\":null}", Body.class).details().isNull());
    }

    @Test
    void nulAnywhereIsRefusedWithThePathToIt() {
        assertRefused("{\"title\":\"a\\u0000b\"}", "title");
        assertRefused("{\"keywords\":[\"a\",\"\\u0000\"]}", "keywords");
        assertRefused("{\"details\":{\"k\":[\"v\",{\"deep\":\"\\u0000\"}]}}", "details");
        assertRefused("{\"details\":{\"k\\u0000\":1}}", "details");
    }

    private void assertRefused(String json, String field) {
        InvalidFormatException refused = assertThrows(InvalidFormatException.class, () -> mapper.readValue(json, Body.class));
        assertEquals(field, refused.getPath().get(0).getFieldName());
        assertTrue(NulCharacterGuard.holdsNul((String) refused.getValue()));
    }
}
