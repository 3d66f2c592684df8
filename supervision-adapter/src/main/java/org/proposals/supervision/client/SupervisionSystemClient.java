package org.proposals.supervision.client;

import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proposals.supervision.config.SupervisionConfig;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sends status reports to the supervision system, signed or over mutual TLS as configured. */
@ApplicationScoped
public class SupervisionSystemClient {

    /** What came of one attempt: the HTTP status, or no answer at all (status 0) and why. */
    public record Attempt(int status, String detail, Optional<Duration> retryAfter) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** The supervision system refused the report itself: sending it again as it is would not help. */
        public boolean refused() {
            return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
        }
    }

    private static final int DETAIL_LIMIT = 2000;

    @Inject
    SupervisionConfig config;

    private HttpClient http;
    private RequestSignature signature;
    private URI reportsUri;

    /** Builds the client at start-up, so that a missing secret or an unusable key store stops the start, not a delivery. */
    void onStart(@Observes StartupEvent startup) {
        if (config.inbound().signatureRequired() && config.system().hmac().secret().isEmpty()) {
            throw new IllegalStateException(
                    "supervision.system.hmac.secret (SUPERVISION_SYSTEM_HMAC_SECRET) is required to check the directives' signatures");
        }
        reportsUri();
    }

    @PostConstruct
    void build() {
        SupervisionConfig.SupervisionSystem system = config.system();
        // HTTP/1.1: a refused client certificate then shows as a TLS error to the operator, not a broken HTTP/2 stream
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(system.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (system.authentication().presentsCertificate()) {
            if (!"https".equalsIgnoreCase(system.url().getScheme())) {
                throw new IllegalStateException("supervision.system.url must be an https:// URL for mutual TLS, not " + system.url());
            }
            builder.sslContext(mutualTls(system.tls()));
        }
        if (system.authentication().signs()) {
            signature = new RequestSignature(system.hmac().secret().orElseThrow(() -> new IllegalStateException(
                    "supervision.system.hmac.secret (SUPERVISION_SYSTEM_HMAC_SECRET) is required to sign requests")));
        }
        http = builder.build();
        String base = system.url().toString();
        reportsUri = URI.create((base.endsWith("/") ? base : base + "/") + "status-reports");
    }

    public URI reportsUri() {
        return reportsUri;
    }

    public Attempt send(UUID reportId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(reportsUri)
                .timeout(config.system().requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", reportId.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            long timestamp = Instant.now().getEpochSecond();
            request.header(RequestSignature.KEY_ID_HEADER, config.system().hmac().keyId())
                    .header(RequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(RequestSignature.SIGNATURE_HEADER, signature.sign(timestamp, "POST", reportsUri.getRawPath(), body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Attempt(response.statusCode(), excerpt(response.body()), retryAfter(response));
        } catch (HttpTimeoutException e) {
            return new Attempt(0, "no answer within " + config.system().requestTimeout().toSeconds() + " s", Optional.empty());
        } catch (IOException e) {
            return new Attempt(0, "not reachable: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted", Optional.empty());
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the back-off decides
            }
        });
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= DETAIL_LIMIT ? body : body.substring(0, DETAIL_LIMIT) + "…";
    }

    private static SSLContext mutualTls(SupervisionConfig.Tls tls) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            String keyStorePath = tls.keyStore().orElseThrow(() -> new IllegalStateException(
                    "supervision.system.tls.key-store (SUPERVISION_SYSTEM_TLS_KEY_STORE) is required for mutual TLS"));
            char[] keyPassword = tls.keyStorePassword().orElse("").toCharArray();
            keys.init(load(keyStorePath, keyPassword), keyPassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            // without a trust store of its own, the server is checked against the JDK's certificate authorities
            trust.init(tls.trustStore().isPresent()
                    ? load(tls.trustStore().get(), tls.trustStorePassword().orElse("").toCharArray()) : null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the TLS key or trust store of the supervision system cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password);
        }
        return store;
    }
}
