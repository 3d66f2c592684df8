package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.evaluation.RehandlingRequest;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RehandlingRequestRepository implements PanacheRepositoryBase<RehandlingRequest, UUID> {

    public Optional<RehandlingRequest> find(UUID proposalId, String unitId, int round) {
        return find("proposalId = ?1 and unitId = ?2 and round = ?3", proposalId, unitId, round).firstResultOptional();
    }
}
