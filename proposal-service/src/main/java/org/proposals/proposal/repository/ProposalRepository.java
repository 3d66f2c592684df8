package org.proposals.proposal.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.proposals.proposal.Proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /**
     * The next sequence of a session. The row lock makes concurrent registrations wait for each other, and a
     * registration that rolls back gives its number back, so numbers have neither gaps nor duplicates.
     */
    public int nextSequence(UUID sessionId) {
        return ((Number) getEntityManager().createNativeQuery("""
                        INSERT INTO proposal_number_sequence (session_id, last_used) VALUES (?1, 1)
                        ON CONFLICT (session_id) DO UPDATE SET last_used = proposal_number_sequence.last_used + 1
                        RETURNING last_used""")
                .setParameter(1, sessionId)
                .getSingleResult()).intValue();
    }

    /** Makes sure a sequence the committee has already used (an imported number) is never handed out again. */
    public void reserveSequence(UUID sessionId, int used) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO proposal_number_sequence (session_id, last_used) VALUES (?1, ?2)
                        ON CONFLICT (session_id) DO UPDATE
                        SET last_used = greatest(proposal_number_sequence.last_used, excluded.last_used)""")
                .setParameter(1, sessionId)
                .setParameter(2, used)
                .executeUpdate();
    }

    public Optional<Proposal> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Proposal> findByNumber(UUID sessionId, String number) {
        return find("session.id = ?1 and number = ?2", sessionId, number).firstResultOptional();
    }

    /** A proposal of a session as an import checks it against: its number and the key of the row it came from. */
    public record Registered(UUID id, String number, String importKey) {
    }

    /** Every proposal of a session, in one query, so that an import checks its rows without a query per row. */
    public List<Registered> registeredIn(UUID sessionId) {
        return getEntityManager().createQuery(
                        "select new " + Registered.class.getName() + "(p.id, p.number, p.importKey) from Proposal p where p.session.id = ?1",
                        Registered.class)
                .setParameter(1, sessionId)
                .getResultList();
    }

    /** The proposals merged into this one: they are handled with it and their proposers get its reply. */
    public List<Proposal> mergedInto(UUID id) {
        return list("mergedInto.id = ?1 order by number", id);
    }

    /** One page of proposals matching the filter, in the order asked for. */
    public List<Proposal> list(ProposalFilter filter, ProposalSort sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        String rank = filter.searchQuery() == null ? "0" : ProposalSearchQueries.RANK;
        Query query = getEntityManager().createNativeQuery("SELECT p.id, " + rank + " AS rank FROM proposal p "
                + "JOIN proposal_session s ON s.id = p.session_id WHERE " + where
                + " ORDER BY " + sort.orderBy + " LIMIT :limit OFFSET :offset");
        params.forEach(query::setParameter);
        query.setParameter("limit", size);
        query.setParameter("offset", (long) page * size);
        List<UUID> ids = new ArrayList<>();
        for (Object row : query.getResultList()) {
            ids.add((UUID) ((Object[]) row)[0]);
        }
        return inOrder(ids);
    }

    public long count(ProposalFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = getEntityManager().createNativeQuery("SELECT count(*) FROM proposal p "
                + "JOIN proposal_session s ON s.id = p.session_id WHERE " + where(filter, params));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Loads proposals by id, keeping the order of the ids. */
    public List<Proposal> inOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Proposal> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String where(ProposalFilter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("true");
        if (f.sessionId() != null) {
            clauses.add("p.session_id = :session");
            params.put("session", f.sessionId());
        }
        if (f.year() != null) {
            clauses.add("s.year = :year");
            params.put("year", f.year());
        }
        if (f.kind() != null) {
            clauses.add("p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            clauses.add("p.status IN (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.topics() != null && !f.topics().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM proposal_topic t WHERE t.proposal_id = p.id AND t.topic_code IN (:topics))");
            params.put("topics", f.topics());
        }
        if (f.proposerId() != null) {
            clauses.add("(p.proposer_id = :proposer OR EXISTS (SELECT 1 FROM proposal_co_proposer c "
                    + "WHERE c.proposal_id = p.id AND c.person_id = :proposer))");
            params.put("proposer", f.proposerId());
        }
        if (f.unitId() != null) {
            clauses.add("EXISTS (SELECT 1 FROM proposal_handling h WHERE h.proposal_id = p.id AND h.unit_id = :unit)");
            params.put("unit", f.unitId());
        }
        if (f.searchQuery() != null) {
            clauses.add(ProposalSearchQueries.MATCHES);
            params.put("query", f.searchQuery());
        }
        return String.join(" AND ", clauses);
    }
}
