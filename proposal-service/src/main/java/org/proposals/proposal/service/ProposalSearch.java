package org.proposals.proposal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proposals.events.ProposalKind;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.repository.ProposalRepository;
import org.proposals.proposal.repository.ProposalSearchQueries;
import org.proposals.proposal.search.SearchTerms;
import org.proposals.proposal.search.SimilarityScore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Full-text search over proposals (Chinese and English) and the earlier proposals most like a given one. */
@ApplicationScoped
public class ProposalSearch {

    private static final Logger LOG = Logger.getLogger(ProposalSearch.class);
    private static final int BACKFILL_BATCH = 500;

    /** An earlier proposal and how alike the two are, from 0 (nothing shared) to 1 (the same text). */
    public record Similar(Proposal proposal, double score) {
    }

    @Inject
    ProposalSearchQueries queries;

    @Inject
    ProposalRepository proposals;

    /** Gives a proposal not yet stored its search terms, which are written with its row. */
    public void indexNew(Proposal proposal) {
        proposal.searchTerms = SearchTerms.document(proposal.title, proposal.content, proposal.keywords);
    }

    /** Writes a stored proposal's search terms; called whenever its title, content or keywords are changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Proposal proposal) {
        queries.storeSearchTerms(proposal.id, SearchTerms.document(proposal.title, proposal.content, proposal.keywords));
    }

    /** The tsquery literal for what the caller typed; a query with nothing searchable in it is refused. */
    public String query(String words) {
        return SearchTerms.query(words)
                .orElseThrow(() -> ApiProblem.invalid("q", "has no words or characters to search for"));
    }

    /** Earlier proposals from any session (of one kind, or both) most like this one, best first, scored on title, keywords and content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Similar> similarTo(Proposal proposal, ProposalKind kind, int limit, double minimumScore) {
        Optional<String> candidates = SimilarityScore.candidateQuery(proposal.title, proposal.keywords);
        if (candidates.isEmpty()) {
            return List.of();
        }
        SimilarityScore.Profile subject = SimilarityScore.profile(proposal.title, proposal.content, proposal.keywords);
        List<SimilarityScore.Scored<ProposalSearchQueries.SimilarCandidate>> ranked = SimilarityScore.rank(subject,
                queries.similarCandidates(proposal.id, kind, candidates.get(), proposal.submittedAt, ProposalSearchQueries.SIMILAR_CANDIDATES),
                c -> SimilarityScore.profile(c.title(), c.content(), null));
        List<SimilarityScore.Scored<ProposalSearchQueries.SimilarCandidate>> best = ranked.stream()
                .filter(s -> s.score() >= minimumScore).limit(limit).toList();
        Map<UUID, Proposal> byId = proposals.inOrder(best.stream().map(s -> s.candidate().id()).toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return best.stream().map(s -> new Similar(byId.get(s.candidate().id()), s.score())).toList();
    }

    /** Proposals stored before search existed get their terms at start, in small transactions. */
    void backfill(@Observes StartupEvent start) {
        int indexed = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = queries.withoutSearchTerms(BACKFILL_BATCH);
                List<Proposal> missing = proposals.inOrder(ids).stream()
                        .filter(p -> !SearchTerms.document(p.title, p.content, p.keywords).isEmpty()).toList();
                missing.forEach(this::index);
                return missing.size();
            });
            indexed += batch;
            if (batch < BACKFILL_BATCH) {
                break;
            }
        }
        if (indexed > 0) {
            LOG.infof("wrote the search terms of %d proposals stored before search existed", indexed);
        }
    }
}
