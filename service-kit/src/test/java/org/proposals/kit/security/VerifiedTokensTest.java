package org.proposals.kit.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final List<String> verifications = new ArrayList<>();
    /** The tokens the stand-in verifier accepts, each until its expiry. */
    private final Map<String, Instant> expiryOf = new HashMap<>();

    private final VerifiedTokens tokens = new VerifiedTokens(verifier(), clock);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        expiryOf.put("token-a", START.plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.parse("token-a");
        clock.advance(Duration.ofSeconds(30));
        JsonWebToken again = tokens.parse("token-a");

        assertSame(first, again);
        assertEquals(List.of("token-a"), verifications);
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainAndRefused() throws Exception {
        expiryOf.put("token-b", START.plus(Duration.ofSeconds(20)));
        tokens.parse("token-b");

        clock.advance(Duration.ofSeconds(20));

        assertThrows(ParseException.class, () -> tokens.parse("token-b"));
        assertEquals(List.of("token-b", "token-b"), verifications);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterAMinute() throws Exception {
        expiryOf.put("token-c", START.plus(Duration.ofHours(12)));
        tokens.parse("token-c");

        clock.advance(VerifiedTokens.REMEMBERED.minusSeconds(1));
        tokens.parse("token-c");
        clock.advance(Duration.ofSeconds(1));
        tokens.parse("token-c");

        assertEquals(List.of("token-c", "token-c"), verifications);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));

        assertEquals(List.of("forged", "forged"), verifications);
    }

    @Test
    void itKeepsAtMostItsCapacity() throws Exception {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            expiryOf.put("token-" + i, START.plus(Duration.ofHours(1)));
            tokens.parse("token-" + i);
        }
        // the last one found the store full of live tokens and started it again: the first is verified anew
        tokens.parse("token-0");

        assertEquals(VerifiedTokens.CAPACITY + 2, verifications.size());
    }

    /** Stands for smallrye-jwt's parser: verifies a token known to it until its expiry, refuses anything else. */
    private JWTParser verifier() {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("parse") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String raw = (String) args[0];
                    verifications.add(raw);
                    Instant expiry = expiryOf.get(raw);
                    if (expiry == null || !clock.instant().isBefore(expiry)) {
                        throw new ParseException("not a valid token: " + raw);
                    }
                    return token(raw, expiry);
                });
    }

    private static JsonWebToken token(String name, Instant expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
            }
        };
    }

    private static final class MovingClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
