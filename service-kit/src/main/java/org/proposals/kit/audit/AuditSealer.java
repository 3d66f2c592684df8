package org.proposals.kit.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.proposals.kit.worker.BatchWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals committed audit records into the service's hash chain, in insertion order: each gets the next
 * chain position, the hash of the record before it and its own hash ({@link AuditChain}).
 *
 * <p>Business transactions only insert, so they never wait for one another on the chain; the chain is
 * extended here, by one sealer at a time across replicas (a transaction-scoped advisory lock), right after
 * each commit that wrote records and every {@code audit.sealer.poll-interval} for the rest.
 */
@ApplicationScoped
public class AuditSealer extends BatchWorker {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    /** Advisory lock key shared by every replica of one service (each service has its own database). */
    static final long SEAL_LOCK = 0x6175646974L;

    @Inject
    AuditConfig config;

    @Inject
    EntityManager entityManager;

    void start(@Observes StartupEvent startup) {
        if (!config.sealer().enabled()) {
            LOG.info("Audit sealer disabled on this instance");
            return;
        }
        startWorker("audit-sealer");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker();
    }

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("audit.unsealed", this, AuditSealer::unsealed)
                .description("Audit records committed and not yet sealed into the hash chain")
                .register(registry);
    }

    /** Committed records not yet sealed. */
    public long unsealed() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM audit_record WHERE hash IS NULL")
                .getSingleResult()).longValue());
    }

    @Override
    protected Batch work() {
        return Batch.done(sealBatch(), config.sealer().batchSize());
    }

    @Override
    protected Duration pollInterval() {
        return config.sealer().pollInterval();
    }

    @Override
    protected Duration backoff(int failures) {
        return backoff(failures, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /**
     * Seals the next batch of unsealed records in insertion order, in one transaction.
     *
     * @return how many were sealed; 0 when none were waiting or another replica is sealing
     */
    int sealBatch() {
        return QuarkusTransaction.requiringNew().call(() ->
                entityManager.unwrap(Session.class).doReturningWork(this::sealNext));
    }

    private int sealNext(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEAL_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        long position = 0;
        String previousHash = AuditChain.GENESIS;
        try (PreparedStatement last = connection.prepareStatement("""
                SELECT chain_position, hash FROM audit_record
                 WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1""");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                position = rs.getLong(1);
                previousHash = rs.getString(2);
            }
        }
        List<AuditChain.Recorded> unsealed = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement("SELECT " + AuditChain.RECORDED_COLUMNS
                + " FROM audit_record WHERE hash IS NULL ORDER BY seq LIMIT ?")) {
            next.setInt(1, Math.max(1, config.sealer().batchSize()));
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    unsealed.add(AuditChain.Recorded.read(rs, 1));
                }
            }
        }
        if (unsealed.isEmpty()) {
            return 0;
        }
        try (PreparedStatement seal = connection.prepareStatement("""
                UPDATE audit_record SET chain_position = ?, previous_hash = ?, hash = ?
                 WHERE id = ? AND hash IS NULL""")) {
            for (AuditChain.Recorded record : unsealed) {
                position++;
                String hash = AuditChain.hash(previousHash, position, record);
                seal.setLong(1, position);
                seal.setString(2, previousHash);
                seal.setString(3, hash);
                seal.setObject(4, record.id());
                seal.addBatch();
                previousHash = hash;
            }
            for (int updated : seal.executeBatch()) {
                if (updated != 1 && updated != PreparedStatement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("an audit record changed while it was being sealed");
                }
            }
        }
        LOG.debugf("Audit: sealed %d records up to chain position %d", unsealed.size(), position);
        return unsealed.size();
    }
}
