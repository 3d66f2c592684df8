package org.proposals.supervision;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.proposals.supervision.client.RequestSignature;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Plays the city supervision system: an HTTP server that takes status reports at {@code /api/status-reports}
 * (200 unless a test says otherwise) and records every request it got.
 */
public class SupervisionSystemStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String REPORTS_PATH = "/api/status-reports";
    public static final String DIRECTIVES_PATH = "/api/v1/supervision/directives";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** The requests received so far, oldest first. */
    public static List<ServeEvent> received() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** The secret the supervision system shares with the adapter: the one the adapter is configured with. */
    public static String secret() {
        return ConfigProvider.getConfig().getValue("supervision.system.hmac.secret", String.class);
    }

    /** A directive as the supervision system sends it, signed now with the shared secret. */
    public static RequestSpecification signedDirective(RequestSpecification request, String body) {
        return signedDirective(request, body, Instant.now().getEpochSecond(), secret());
    }

    /** A directive signed at {@code timestamp} with {@code secret}, right or wrong. */
    public static RequestSpecification signedDirective(RequestSpecification request, String body, long timestamp, String secret) {
        return request.contentType("application/json").body(body)
                .header(RequestSignature.KEY_ID_HEADER, "city-supervision")
                .header(RequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(RequestSignature.SIGNATURE_HEADER, new RequestSignature(secret).sign(timestamp, "POST", DIRECTIVES_PATH, body));
    }

    /** Takes every report, as a healthy supervision system does; stubs of a higher priority override it. */
    public static void takeEverything() {
        server.resetAll();
        server.stubFor(WireMock.post(REPORTS_PATH).atPriority(10).willReturn(WireMock.ok("{\"received\":true}")));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        takeEverything();
        return Map.of("supervision.system.url", server.baseUrl() + "/api");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
