package org.proposals.supervision.client;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signature of a request between the platform and the supervision system, the same both ways: HMAC-SHA256 with
 * the shared secret over the timestamp, the method, the path and the body, so that neither the body nor where it
 * goes can be changed, and an old request cannot be replayed outside the window. See supervision-system.yaml.
 *
 * <pre>
 * X-Signature-Key-Id:    proposal-platform
 * X-Signature-Timestamp: 1764201600                  (seconds since the epoch)
 * X-Signature:           v1=hex(HMAC-SHA256(secret, timestamp + "\n" + METHOD + "\n" + path + "\n" + body))
 * </pre>
 */
public final class RequestSignature {

    public static final String KEY_ID_HEADER = "X-Signature-Key-Id";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signature";
    private static final String VERSION = "v1=";

    private final byte[] secret;

    public RequestSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the shared secret of the supervision system is not set");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the {@value #SIGNATURE_HEADER} header. */
    public String sign(long timestamp, String method, String path, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signed = timestamp + "\n" + method.toUpperCase() + "\n" + path + "\n" + body;
            return VERSION + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Why the request's signature does not hold, or empty when it does. */
    public Optional<String> problemWith(String timestampHeader, String signatureHeader, String method, String path,
                                        String body, Instant now, Duration replayWindow) {
        if (timestampHeader == null || signatureHeader == null) {
            return Optional.of("the request is not signed (" + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " are required)");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Optional.of(TIMESTAMP_HEADER + " is not a number of seconds since the epoch");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > replayWindow.toSeconds()) {
            return Optional.of("the signature's timestamp is outside the " + replayWindow.toMinutes() + "-minute window");
        }
        byte[] expected = sign(timestamp, method, path, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().getBytes(StandardCharsets.US_ASCII);
        // constant time, so that the comparison reveals nothing about the expected value
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("the signature does not match the request");
    }
}
