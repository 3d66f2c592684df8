package org.proposals.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How the adapter reaches the supervision system and delivers to it; every value can be set by environment variable. */
@ConfigMapping(prefix = "supervision")
public interface SupervisionConfig {

    SupervisionSystem system();

    Delivery delivery();

    Breaker breaker();

    Inbound inbound();

    enum Authentication {
        /** Each request signed with the shared secret. */
        HMAC,
        /** Mutual TLS: the platform's client certificate. */
        MTLS,
        /** Both. */
        HMAC_AND_MTLS;

        public boolean signs() {
            return this != MTLS;
        }

        public boolean presentsCertificate() {
            return this != HMAC;
        }
    }

    interface SupervisionSystem {
        /** The base URL of the supervision system's API; reports go to {@code <url>/status-reports}. */
        URI url();

        @WithDefault("HMAC")
        Authentication authentication();

        Hmac hmac();

        Tls tls();

        @WithDefault("5s")
        Duration connectTimeout();

        /** An answer slower than this counts as a failed attempt, retried like a 5xx. */
        @WithDefault("15s")
        Duration requestTimeout();
    }

    interface Hmac {
        /** The shared secret; required when requests are signed. */
        Optional<String> secret();

        /** Names the secret in each request, so that the supervision system can rotate it. */
        @WithDefault("proposal-platform")
        String keyId();

        /** How far a signed request's timestamp may be from now, either way, before it counts as a replay. */
        @WithDefault("5m")
        Duration replayWindow();
    }

    interface Tls {
        /** PKCS#12 key store holding the platform's client certificate and key. */
        Optional<String> keyStore();

        Optional<String> keyStorePassword();

        /** PKCS#12 trust store for the supervision system's certificate; the JDK's trusted CAs when unset. */
        Optional<String> trustStore();

        Optional<String> trustStorePassword();
    }

    interface Delivery {
        /** Whether this instance delivers (several replicas may: each takes reports no other holds). */
        @WithDefault("true")
        boolean enabled();

        /** How often to look for due reports; a new report wakes the deliverer at once. */
        @WithDefault("2s")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();

        /** Back-off after a report's failed attempt: from the first value, doubling up to the second, with jitter. */
        @WithDefault("10s")
        Duration retryInitial();

        @WithDefault("30m")
        Duration retryMax();
    }

    interface Breaker {
        /** Failed attempts in a row (no answer, timeout, 5xx) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit sends nothing before one trial request; doubles while trials fail. */
        @WithDefault("1m")
        Duration openFor();

        @WithDefault("15m")
        Duration openForMax();
    }

    interface Inbound {
        /**
         * Whether the supervision system's directives must carry a valid signature. Only a deployment whose ingress
         * verifies the system's client certificate may switch it off.
         */
        @WithDefault("true")
        boolean signatureRequired();
    }
}
