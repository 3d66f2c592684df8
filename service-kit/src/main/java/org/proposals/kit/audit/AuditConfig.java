package org.proposals.kit.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the audit trail; every one can be set by environment variable (AUDIT_SEALER_POLL_INTERVAL ...). */
@ConfigMapping(prefix = "audit")
public interface AuditConfig {

    Sealer sealer();

    Verification verification();

    interface Sealer {
        /** Whether this instance seals at all (only one instance seals at a time in any case). */
        @WithDefault("true")
        boolean enabled();

        /** How often the sealer looks for records committed by other instances; commits here wake it at once. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Records sealed per transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Verification {
        /** Records read per query while the chain is walked; the walk never holds more than one batch. */
        @WithDefault("1000")
        int batchSize();
    }
}
