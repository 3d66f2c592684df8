package org.proposals.infra;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A table of who gets what from every endpoint of a service: each row is an endpoint, a caller and the
 * exact status expected. {@link #assertCoversEveryOperationAndRole()} fails when the service's OpenAPI
 * document lists an operation that has no row for every role (and for an anonymous caller), so a new
 * endpoint cannot go unchecked.
 *
 * <p>Callers are demo people (see {@code demo/people.csv}): one per role, of the unit {@code miit}, plus
 * people of another unit ({@code drc}) and another proposer ({@code member-li}) for records that are not
 * theirs.
 */
public final class AccessMatrix {

    /** One demo person per role; the "own" side of every check. */
    public static final Map<String, String> PERSON_OF_ROLE = orderedMap(
            "COMMITTEE", "committee-wang",
            "UNIT_OFFICE", "office-miit",
            "UNIT_LEADER", "leader-miit",
            "DIVISION_HEAD", "head-miit-sme",
            "HANDLER", "handler-miit-sme",
            "PROPOSER", "member-zhang",
            "SUPERVISOR", "supervisor-city",
            "ADMIN", "admin",
            "SUPERVISION_SYSTEM", "supervision-system");

    /** The people of the unit {@code miit}, one per unit role. */
    public static final String[] UNIT_PEOPLE = {"office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme"};

    /** Those who oversee every unit: the committee, the supervision office, its system, administrators. */
    public static final String[] OVERSEERS = {"committee-wang", "supervisor-city", "admin", "supervision-system"};

    /** No token at all. */
    public static final String ANONYMOUS = "anonymous";

    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * One call and the status it must get; {@code body} makes a fresh body for each call, or null, and
     * {@code request} shapes requests that are not JSON (a multipart upload, say).
     */
    public record Row(String method, String pathTemplate, String caller, int status, String path, Supplier<String> body,
                      UnaryOperator<RequestSpecification> request) {
    }

    /** Starts the rows of one operation, as the OpenAPI document names it (e.g. {@code GET /api/v1/cases/{caseId}}). */
    public Endpoint endpoint(String method, String pathTemplate) {
        return new Endpoint(method, pathTemplate);
    }

    public final class Endpoint {
        private final String method;
        private final String pathTemplate;
        private String path;
        private Supplier<String> body = () -> null;
        private UnaryOperator<RequestSpecification> request = UnaryOperator.identity();

        private Endpoint(String method, String pathTemplate) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.path = pathTemplate;
        }

        /** The concrete path to call (the record the rows are about). */
        public Endpoint at(String concretePath) {
            this.path = concretePath;
            return this;
        }

        /** A fresh body for each call (so that a call that should succeed has something new to create). */
        public Endpoint body(Supplier<String> body) {
            this.body = body;
            return this;
        }

        /** Shapes each request beyond its JSON body, e.g. {@code r -> r.multiPart("file", "list.csv", bytes, "text/csv")}. */
        public Endpoint request(UnaryOperator<RequestSpecification> request) {
            this.request = request;
            return this;
        }

        /** Expects {@code status} for each of the callers (demo person ids or {@link #ANONYMOUS}). */
        public Endpoint expect(int status, String... callers) {
            for (String caller : callers) {
                rows.add(new Row(method, pathTemplate, caller, status, path, body, request));
            }
            return this;
        }
    }

    /**
     * The rows of the audit endpoints every service has from the kit: the overseeing bodies read the trail,
     * the supervision office and administrators verify its chain.
     */
    public AccessMatrix auditTrail() {
        endpoint("GET", "/api/v1/audit-records")
                .expect(200, "committee-wang", "supervisor-city", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        endpoint("GET", "/api/v1/audit-records/verification")
                .expect(200, "supervisor-city", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        return this;
    }

    /** Sends every row's request and collects every status that differs from the table. */
    public AccessMatrix run() {
        for (Row row : rows) {
            RequestSpecification request = RestAssured.given();
            if (!ANONYMOUS.equals(row.caller())) {
                request = request.auth().oauth2(TestIdentity.tokenFor(row.caller()));
            }
            String content = row.body().get();
            if (content != null) {
                request = request.contentType("application/json").body(content);
            }
            Response response = row.request().apply(request).request(row.method(), row.path());
            if (response.statusCode() != row.status()) {
                failures.add(row.method() + " " + row.path() + " as " + row.caller() + ": expected " + row.status()
                        + ", got " + response.statusCode());
            } else if (row.status() >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                failures.add(row.method() + " " + row.path() + " as " + row.caller() + ": " + row.status()
                        + " without a problem+json body");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + rows.size() + " access checks failed:\n  "
                    + String.join("\n  ", failures));
        }
        return this;
    }

    /**
     * Every operation of the service's OpenAPI document has a row for an anonymous caller and for a person
     * of every role.
     */
    @SuppressWarnings("unchecked")
    public void assertCoversEveryOperationAndRole() {
        Map<String, Map<String, Object>> paths = RestAssured.given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                String operation = method.toUpperCase() + " " + path.getKey();
                Set<String> callers = new LinkedHashSet<>();
                rows.stream().filter(r -> (r.method() + " " + r.pathTemplate()).equals(operation)).forEach(r -> callers.add(r.caller()));
                if (!callers.contains(ANONYMOUS)) {
                    missing.add(operation + " has no row for an anonymous caller");
                }
                for (Map.Entry<String, String> role : PERSON_OF_ROLE.entrySet()) {
                    if (!callers.contains(role.getValue())) {
                        missing.add(operation + " has no row for role " + role.getKey() + " (" + role.getValue() + ")");
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("the access matrix does not cover:\n  " + String.join("\n  ", missing));
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
