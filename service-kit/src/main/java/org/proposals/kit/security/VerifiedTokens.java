package org.proposals.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once and then knows it for as long as it is valid, at most a minute: a client sends
 * the same token with every request, and checking its RSA signature every time was a seventh of a registration's
 * CPU in proposal-service (BENCHMARKS.md, intake). A token found here is the very string that was verified, so the
 * same signature and the same claims; only the passing of time can change the answer, and expiry is checked again.
 * The minute bounds how long a token stays accepted after its signing key is withdrawn.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    static final int CAPACITY = 10_000;
    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(bearerToken);
        if (known != null && now.isBefore(known.until())) {
            return known.token();
        }
        JsonWebToken token = verifier.parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, Instant now) {
        Instant until = now.plus(REMEMBERED);
        if (token.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
            if (expires.isBefore(until)) {
                until = expires;
            }
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= CAPACITY) {
                verified.clear(); // more live tokens than that: start again rather than grow
            }
        }
        verified.put(bearerToken, new Verified(token, until));
    }

    // Parsing with other settings or keys is not what requests do: passed on as it is.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
