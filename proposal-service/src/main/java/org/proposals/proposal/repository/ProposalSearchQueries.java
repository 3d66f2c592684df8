package org.proposals.proposal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.proposals.events.ProposalKind;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The SQL behind searching proposals and finding similar ones, over the column {@code proposal.search_terms}
 * (a tsvector with a GIN index) that the entity does not map. The literals come from
 * {@link org.proposals.proposal.search.SearchTerms} and
 * {@link org.proposals.proposal.search.SimilarityScore} and are always bound as parameters and cast in SQL,
 * never spliced into it.
 */
@ApplicationScoped
public class ProposalSearchQueries {

    /** How many candidates the database hands over for similarity scoring, best ranked first. */
    public static final int SIMILAR_CANDIDATES = 200;

    /**
     * For a native list query with the parameter {@code :query}, a tsquery literal from
     * {@code SearchTerms.query}: the proposals that match. The GIN index answers it.
     */
    public static final String MATCHES = "search_terms @@ CAST(:query AS tsquery)";

    /**
     * For a native list query with the parameter {@code :query}: how well a proposal matches, for ORDER BY ...
     * DESC. Cover density, so terms close together count more; a match in the title (weight A, 1.0) counts ten
     * times one in the content (weight D, 0.1); divided by 1 + the log of the length, so long contents do not
     * win merely by being long.
     */
    public static final String RANK = "ts_rank_cd(search_terms, CAST(:query AS tsquery), 1)";

    static final String STORE_TERMS = "UPDATE proposal SET search_terms = CAST(?1 AS tsvector) WHERE id = ?2";

    static final String SIMILAR_CANDIDATES_SQL = """
            SELECT id, number, title, content, submitted_at, ts_rank(search_terms, CAST(?1 AS tsquery)) AS rank
              FROM proposal
             WHERE search_terms @@ CAST(?1 AS tsquery)
               AND submitted_at < ?2
               AND id <> ?3
               AND (CAST(?5 AS varchar) IS NULL OR kind = CAST(?5 AS varchar))
             ORDER BY rank DESC, submitted_at DESC, id
             LIMIT ?4""";

    static final String WITHOUT_TERMS_SQL = """
            SELECT id FROM proposal
             WHERE search_terms = CAST('' AS tsvector)
             ORDER BY submitted_at, id
             LIMIT ?1""";

    @Inject
    EntityManager entityManager;

    /** An earlier proposal that shares terms with the one at hand, and the database's rank of how many. */
    public record SimilarCandidate(UUID id, String number, String title, String content, OffsetDateTime submittedAt,
                                   double rank) {
    }

    /**
     * Stores the search terms of a proposal: the literal of {@code SearchTerms.document}. Call it whenever the
     * title, content or keywords are written, in the same transaction.
     *
     * @return 1, or 0 if there is no such proposal
     */
    public int storeSearchTerms(UUID proposalId, String documentLiteral) {
        entityManager.flush(); // a proposal registered in this transaction must be inserted before it is updated
        return entityManager.createNativeQuery(STORE_TERMS)
                .setParameter(1, documentLiteral)
                .setParameter(2, proposalId)
                .executeUpdate();
    }

    /**
     * Proposals submitted before the given one that match its candidate query (from
     * {@code SimilarityScore.candidateQuery}), best ranked first: a title match weighs more than one in the
     * content. The caller scores them with {@code SimilarityScore}, which is why the content comes along.
     */
    public List<SimilarCandidate> similarCandidates(UUID proposalId, ProposalKind kind, String candidateQuery,
                                                    OffsetDateTime submittedBefore, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SIMILAR_CANDIDATES_SQL)
                .setParameter(1, candidateQuery)
                .setParameter(2, submittedBefore)
                .setParameter(3, proposalId)
                .setParameter(4, limit)
                .setParameter(5, kind == null ? null : kind.name())
                .getResultList();
        return rows.stream().map(row -> new SimilarCandidate((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], NativeValues.offsetDateTime(row[4]), ((Number) row[5]).doubleValue())).toList();
    }

    /**
     * Proposals whose search terms were never written, oldest first: those registered before the column
     * existed. A proposal with neither title nor content stays among them, harmlessly.
     */
    public List<UUID> withoutSearchTerms(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(WITHOUT_TERMS_SQL)
                .setParameter(1, limit)
                .getResultList();
        return ids;
    }
}
