package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.evaluation.ProposalRecord;

import java.util.UUID;

@ApplicationScoped
public class ProposalRecordRepository implements PanacheRepositoryBase<ProposalRecord, UUID> {

    /** The proposal's record, created empty when no event about it has arrived before. */
    public ProposalRecord findOrCreate(UUID proposalId) {
        return findByIdOptional(proposalId).orElseGet(() -> {
            ProposalRecord record = new ProposalRecord(proposalId);
            persist(record);
            return record;
        });
    }
}
