package org.proposals.systemtest;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A client of the platform's REST APIs that outlasts its faults: a request that finds the service gone (refused,
 * reset, timed out) or answers 5xx is sent again, with a growing pause, until it gets a 2xx, 3xx or 4xx answer.
 * It cannot know whether a request without an answer took effect, so its callers read the state before they
 * change it. Counts what it did.
 */
final class PatientClient {

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Function<String, String> tokens;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong retriesAfterConnectionFailure = new AtomicLong();
    final AtomicLong retriesAfterServerError = new AtomicLong();

    /** @param tokens a bearer token for a person */
    PatientClient(Function<String, String> tokens) {
        this.tokens = tokens;
    }

    Answer get(String person, String url) {
        return send(person, "GET", url, null, null);
    }

    Answer post(String person, String url) {
        return send(person, "POST", url, null, null);
    }

    Answer postJson(String person, String url, String json) {
        return send(person, "POST", url, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer putJson(String person, String url, String json) {
        return send(person, "PUT", url, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String person, String method, String url, String contentType, byte[] body) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pauseMillis = 100;
        String lastFailure;
        do {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.apply(person))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            requests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Answer(response.statusCode(), response.body());
                }
                retriesAfterServerError.incrementAndGet();
                lastFailure = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                retriesAfterConnectionFailure.incrementAndGet();
                lastFailure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 2000);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(method + " " + url + " still failing after " + GIVE_UP_AFTER + ": " + lastFailure);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
