package org.proposals.systemtest;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to every operation of every service, generated from their OpenAPI documents: malformed, oversized,
 * wrongly typed and hostile bodies and parameters. Every answer is a 4xx problem+json, never a 5xx, and nothing
 * changes: the audit trail of each service, which records every state change, holds as many records after as
 * before. (A request line over 4 KiB is refused by the HTTP layer with a bare 414 before any of this; the values
 * here stay under it.)
 */
class BadInputSweepIT {

    private static final String ADMIN = "admin";
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g",
            "%27%20OR%20%271%27%3D%271", "x".repeat(300));
    private static final List<String> BAD_VALUES = List.of("not-a-number", "-99999999999999999999", "1e400",
            "\u0000", "<script>alert(1)</script>", "x".repeat(3000));
    private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "{\"a\":", "[{}]",
            "{\"title\":{\"nested\":[1,2,3]},\"units\":\"none\",\"rating\":12,\"dueDate\":\"31/02/2026\"}",
            // NUL, which no PostgreSQL text can store, in the text fields operations commonly have
            "{\"title\":\"\\u0000\",\"content\":\"\\u0000\",\"name\":\"\\u0000\",\"reason\":\"\\u0000\","
                    + "\"note\":\"\\u0000\",\"comment\":\"\\u0000\",\"text\":\"\\u0000\",\"summary\":\"\\u0000\"}");

    private static PlatformProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new PlatformProcesses().start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationAnswersBadInputWithA4xxProblemAndChangesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String service : PlatformProcesses.SERVICES) {
            String base = platform.url(service);
            long auditBefore = auditRecords(base);
            Map<String, Map<String, Object>> paths = given().accept("application/json").get(base + "/q/openapi")
                    .then().statusCode(200).extract().path("paths");
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                    String method = operation.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    Map<String, Object> spec = (Map<String, Object>) operation.getValue();
                    for (Attempt attempt : attempts(path.getKey(), spec)) {
                        requests++;
                        Response response;
                        try {
                            response = send(method, base, attempt);
                        } catch (Exception e) {
                            if (attempt.body() != null && attempt.body().length() > 2 * 1024 * 1024) {
                                continue; // the server answered 413 and closed the connection while the body was still going out
                            }
                            throw e;
                        }
                        int status = response.statusCode();
                        String what = service + " " + method + " " + attempt.path() + " " + attempt.describe();
                        if (status >= 500) {
                            failures.add(what + ": " + status + " " + abbreviate(response.asString()));
                        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                            failures.add(what + ": " + status + " without problem+json");
                        } else if (attempt.mustBeRefused() && status < 400) {
                            failures.add(what + ": accepted with " + status);
                        }
                    }
                }
            }
            long auditAfter = auditRecords(base);
            if (auditAfter != auditBefore) {
                failures.add(service + ": " + (auditAfter - auditBefore) + " audit records written by bad input");
            }
        }
        assertTrue(requests > 500, "the sweep sent " + requests + " requests");
        assertEquals(List.of(), failures, failures.size() + " of " + requests + " bad requests were not refused cleanly");
    }

    /** One bad request: the path with its parameters filled in, query parameters, and a body with its content type. */
    private record Attempt(String path, Map<String, String> query, String body, String contentType, boolean mustBeRefused) {

        String describe() {
            return (query.isEmpty() ? "" : "?" + query) + (body == null ? "" : " body " + abbreviate(body));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Attempt> attempts(String template, Map<String, Object> spec) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        boolean hasBody = spec.containsKey("requestBody");
        boolean bodyRequired = hasBody && Boolean.TRUE.equals(((Map<String, Object>) spec.get("requestBody")).get("required"));
        String goodPath = template.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        List<Attempt> attempts = new ArrayList<>();
        if (template.contains("{")) {
            for (String bad : BAD_IDS) {
                // a path parameter that is no id of anything: refused, whatever its declared type
                attempts.add(new Attempt(template.replaceAll("\\{[^}]+}", bad), Map.of(), hasBody ? "{}" : null,
                        "application/json", true));
            }
        }
        for (Map<String, Object> parameter : parameters) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            Object type = schema.get("type");
            boolean typed = schema.containsKey("enum") || "integer".equals(type) || "number".equals(type)
                    || "boolean".equals(type) || "uuid".equals(schema.get("format")) || "date".equals(schema.get("format"));
            for (String bad : BAD_VALUES) {
                Map<String, String> query = new LinkedHashMap<>();
                query.put((String) parameter.get("name"), bad);
                // a typed parameter must refuse a value of the wrong type; free text may take anything but a 5xx
                attempts.add(new Attempt(goodPath, query, hasBody ? "{}" : null, "application/json", typed && !template.contains("{")));
            }
        }
        if (hasBody) {
            for (String bad : BAD_BODIES) {
                // an optional body may be JSON null: the operation then runs without one
                attempts.add(new Attempt(goodPath, Map.of(), bad, "application/json", bodyRequired || !"null".equals(bad)));
            }
            attempts.add(new Attempt(goodPath, Map.of(), "{\"text\":\"" + "长".repeat(3 * 1024 * 1024) + "\"}", "application/json", true));
            attempts.add(new Attempt(goodPath, Map.of(), "title=x", "text/plain", true));
        }
        return attempts;
    }

    private static Response send(String method, String base, Attempt attempt) {
        RequestSpecification request = given().auth().oauth2(platform.tokenFor(ADMIN)).urlEncodingEnabled(false);
        // encoded here, as a browser would send them, so that the URL itself stays valid
        for (Map.Entry<String, String> parameter : attempt.query().entrySet()) {
            request = request.queryParam(parameter.getKey(),
                    java.net.URLEncoder.encode(parameter.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (attempt.body() != null) {
            request = request.contentType(attempt.contentType()).body(attempt.body());
        }
        return request.request(method, base + attempt.path());
    }

    private static long auditRecords(String base) {
        return ((Number) given().auth().oauth2(platform.tokenFor(ADMIN)).get(base + "/api/v1/audit-records?size=1")
                .then().statusCode(200).extract().path("total")).longValue();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
