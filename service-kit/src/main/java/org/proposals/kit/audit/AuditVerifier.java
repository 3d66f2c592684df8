package org.proposals.kit.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the service's audit chain in chain order and recomputes every sealed record's hash, to find the
 * first record that was changed, removed, inserted or moved after it was sealed. Reads the chain in
 * batches of {@code audit.verification.batch-size}, each in a short transaction of its own, so that it
 * works on any length of chain; records sealed after the walk began are left for the next walk.
 *
 * <p>Given the last position and hash of an earlier report, kept outside the database, it also finds a
 * chain cut short or rewritten to its end since then, which the chain cannot show on its own.
 */
@ApplicationScoped
public class AuditVerifier {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditConfig config;

    public AuditVerification verify() {
        return verify(null, null);
    }

    /**
     * @param reportedPosition the {@code lastChainPosition} of an earlier report, or null
     * @param reportedHash     the {@code lastHash} of that report; required with the position
     */
    public AuditVerification verify(Long reportedPosition, String reportedHash) {
        if ((reportedPosition == null) != (reportedHash == null)) {
            throw new IllegalArgumentException("an earlier report's position and hash go together");
        }
        Head head = head();
        String expectedPrevious = AuditChain.GENESIS;
        long after = 0;
        int batchSize = Math.max(1, config.verification().batchSize());
        while (head.lastPosition() != null && after < head.lastPosition()) {
            List<Sealed> batch = batchAfter(after, head.lastPosition(), batchSize);
            if (batch.isEmpty()) {
                break;
            }
            for (Sealed row : batch) {
                if (!expectedPrevious.equals(row.previousHash())) {
                    return head.report(new AuditVerification.BrokenLink(row.position(), row.recorded().id(),
                            AuditVerification.PREVIOUS_HASH_MISMATCH));
                }
                if (!AuditChain.hash(row.previousHash(), row.position(), row.recorded()).equals(row.hash())) {
                    return head.report(new AuditVerification.BrokenLink(row.position(), row.recorded().id(),
                            AuditVerification.HASH_MISMATCH));
                }
                if (reportedPosition != null && row.position() == reportedPosition && !row.hash().equals(reportedHash)) {
                    return head.report(new AuditVerification.BrokenLink(row.position(), row.recorded().id(),
                            AuditVerification.NOT_AS_REPORTED));
                }
                expectedPrevious = row.hash();
                after = row.position();
            }
        }
        if (reportedPosition != null && reportedPosition > after) {
            // the chain ends before the record the earlier report ended with
            return head.report(new AuditVerification.BrokenLink(reportedPosition, null, AuditVerification.MISSING));
        }
        return head.report(null);
    }

    private Head head() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT count(*) FILTER (WHERE hash IS NOT NULL), count(*) FILTER (WHERE hash IS NULL),
                           max(chain_position)
                      FROM audit_record""");
                 ResultSet rs = query.executeQuery()) {
                rs.next();
                long sealed = rs.getLong(1);
                long unsealed = rs.getLong(2);
                Long last = rs.getObject(3) == null ? null : rs.getLong(3);
                String lastHash = null;
                if (last != null) {
                    try (PreparedStatement hash = connection.prepareStatement(
                            "SELECT hash FROM audit_record WHERE chain_position = ?")) {
                        hash.setLong(1, last);
                        try (ResultSet h = hash.executeQuery()) {
                            lastHash = h.next() ? h.getString(1) : null;
                        }
                    }
                }
                return new Head(sealed, unsealed, last, lastHash);
            }
        }));
    }

    private List<Sealed> batchAfter(long after, long upTo, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT chain_position, previous_hash, hash, "
                    + AuditChain.RECORDED_COLUMNS + " FROM audit_record"
                    + " WHERE chain_position > ? AND chain_position <= ? ORDER BY chain_position LIMIT ?")) {
                query.setLong(1, after);
                query.setLong(2, upTo);
                query.setInt(3, limit);
                List<Sealed> rows = new ArrayList<>(limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Sealed(rs.getLong(1), rs.getString(2), rs.getString(3), AuditChain.Recorded.read(rs, 4)));
                    }
                }
                return rows;
            }
        }));
    }

    private record Head(long sealed, long unsealed, Long lastPosition, String lastHash) {
        AuditVerification report(AuditVerification.BrokenLink broken) {
            return new AuditVerification(sealed, unsealed, broken == null, broken, lastPosition, lastHash);
        }
    }

    private record Sealed(long position, String previousHash, String hash, AuditChain.Recorded recorded) {
    }
}
