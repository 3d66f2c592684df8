package org.proposals.kit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What a walk along the service's audit chain found.
 *
 * @param sealed            records sealed into the chain when the walk began
 * @param unsealed          records committed but not sealed yet (normally sealed within a second)
 * @param intact            whether every sealed record still has the hash it was sealed with and links to the one
 *                          before it (and, when an earlier report's last record was given, whether it is still there)
 * @param firstBrokenLink   the first record, in chain order, where that is not so; null when intact
 * @param lastChainPosition the position of the last sealed record; with {@code lastHash}, worth keeping outside the
 *                          database and passing to a later verification, because removing records from the end of
 *                          the chain, or rewriting it to the end, shows only against such a copy
 * @param lastHash          the hash of the last sealed record
 */
public record AuditVerification(
        long sealed,
        long unsealed,
        boolean intact,
        BrokenLink firstBrokenLink,
        Long lastChainPosition,
        String lastHash) {

    public static final String HASH_MISMATCH = "hash does not match the record";
    public static final String PREVIOUS_HASH_MISMATCH = "previous hash does not match";
    public static final String NOT_AS_REPORTED = "hash does not match the earlier report";
    public static final String MISSING = "record missing";

    /**
     * @param auditId null when the record is missing
     * @param reason  {@value #HASH_MISMATCH}: the record was changed after it was sealed;
     *                {@value #PREVIOUS_HASH_MISMATCH}: a record before it was removed, inserted, moved or re-hashed;
     *                {@value #NOT_AS_REPORTED}: the chain was rewritten at or before this record since the earlier
     *                report; {@value #MISSING}: the earlier report's last record is no longer in the chain
     */
    @Schema(name = "AuditBrokenLink")
    public record BrokenLink(
            long chainPosition,
            UUID auditId,
            @Schema(enumeration = {HASH_MISMATCH, PREVIOUS_HASH_MISMATCH, NOT_AS_REPORTED, MISSING}) String reason) {
    }
}
