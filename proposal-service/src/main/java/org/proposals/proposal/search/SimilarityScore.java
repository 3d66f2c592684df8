package org.proposals.proposal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How alike two proposals are, from 0 (nothing in common) to 1 (the same terms), so that the committee sees
 * earlier proposals on the same subject next to a new one.
 *
 * <p>The score is half the cosine of the two subjects (title and keywords) and half the cosine of the whole
 * texts (title, keywords and content), each over term frequencies damped as 1 + ln(tf). The title thus counts
 * twice: it says what a proposal is about, while contents share a good deal of common vocabulary.
 *
 * <p>Two things every proposal has in common are left out, or everything would look alike: the frame of the
 * title, 关于 … 的提案 / 的建议 / 的议案, and any term with 的, the particle that joins words and so makes bigrams
 * across them (企业的, 的发展). Subject words such as 加快, 推进 or 发展 stay: they are common, but in a title they
 * say something, and the cosine weighs a shared common word lightly against a shared subject.
 *
 * <p>The database narrows the candidates first: {@link #candidateQuery} asks for any of the subject's terms,
 * which the GIN index on the proposals' search terms answers; the best-ranked candidates are then scored here.
 */
public final class SimilarityScore {

    /** Enough terms to catch a proposal on the same subject named differently, few enough to stay selective. */
    public static final int MAX_CANDIDATE_TERMS = 30;
    /** The share of the score that comes from the subjects; the rest comes from the whole texts. */
    static final double SUBJECT_SHARE = 0.5;

    private static final Pattern TITLE_START = Pattern.compile("^\\s*关于");
    private static final Pattern TITLE_END = Pattern.compile("的?(提案|建议|议案)[\\p{P}\\s]*$");

    private SimilarityScore() {
    }

    /** The weighted terms of one proposal, computed once and compared with many. */
    public static final class Profile {
        private final Map<String, Double> subject;
        private final double subjectNorm;
        private final Map<String, Double> text;
        private final double textNorm;

        private Profile(List<String> subjectTerms, List<String> contentTerms) {
            this.subject = weights(subjectTerms);
            List<String> all = new ArrayList<>(subjectTerms);
            all.addAll(contentTerms);
            this.text = weights(all);
            this.subjectNorm = norm(subject);
            this.textNorm = norm(text);
        }

        /** True when nothing in the proposal can be compared, e.g. a title that is only its frame. */
        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /** A candidate and its score. */
    public record Scored<T>(T candidate, double score) {
    }

    /**
     * @param content  may be null
     * @param keywords may be null
     */
    public static Profile profile(String title, String content, Collection<String> keywords) {
        return new Profile(subjectTerms(title, keywords), comparable(SearchTerms.terms(content)));
    }

    /** In [0, 1]; symmetric; 0 when either side is empty. */
    public static double score(Profile a, Profile b) {
        double score = SUBJECT_SHARE * cosine(a.subject, a.subjectNorm, b.subject, b.subjectNorm)
                + (1 - SUBJECT_SHARE) * cosine(a.text, a.textNorm, b.text, b.textNorm);
        return Math.min(1.0, Math.max(0.0, score));
    }

    /**
     * The candidates, most similar first, each with its score; among equal scores the given order (the
     * database's rank) is kept.
     */
    public static <T> List<Scored<T>> rank(Profile subject, Collection<T> candidates, Function<T, Profile> profileOf) {
        List<Scored<T>> scored = new ArrayList<>(candidates.size());
        for (T candidate : candidates) {
            scored.add(new Scored<>(candidate, score(subject, profileOf.apply(candidate))));
        }
        scored.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
        return scored;
    }

    /**
     * The tsquery literal that finds candidates for proposals similar to this one: any of up to
     * {@link #MAX_CANDIDATE_TERMS} terms of its keywords and title (without the title's frame), bigrams and
     * words before single characters, which are found in nearly every text. Empty when the title and keywords
     * have no such terms.
     */
    public static Optional<String> candidateQuery(String title, Collection<String> keywords) {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(subjectTerms(title, keywords)));
        terms.sort(Comparator.comparingInt(SimilarityScore::isSingleCjkCharacter));
        return SearchTerms.anyOf(terms.subList(0, Math.min(terms.size(), MAX_CANDIDATE_TERMS)));
    }

    /** The title without 关于 before and 的提案, 的建议 or 的议案 after. */
    static String withoutFrame(String title) {
        String normalised = SearchTerms.normalise(title);
        return TITLE_END.matcher(TITLE_START.matcher(normalised).replaceFirst("")).replaceFirst("");
    }

    private static List<String> subjectTerms(String title, Collection<String> keywords) {
        List<String> terms = new ArrayList<>();
        if (keywords != null) {
            for (String keyword : keywords) {
                terms.addAll(comparable(SearchTerms.terms(keyword)));
            }
        }
        terms.addAll(comparable(SearchTerms.terms(withoutFrame(title))));
        return terms;
    }

    private static List<String> comparable(List<SearchTerms.Term> terms) {
        return terms.stream().map(SearchTerms.Term::text).filter(t -> !t.contains("的")).toList();
    }

    private static int isSingleCjkCharacter(String term) {
        return term.codePointCount(0, term.length()) == 1 && SearchTerms.isCjk(term.codePointAt(0)) ? 1 : 0;
    }

    private static Map<String, Double> weights(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        terms.forEach(t -> counts.merge(t, 1, Integer::sum));
        Map<String, Double> weights = new HashMap<>();
        counts.forEach((term, count) -> weights.put(term, 1 + Math.log(count)));
        return weights;
    }

    private static double norm(Map<String, Double> weights) {
        double sum = 0;
        for (double w : weights.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(Map<String, Double> a, double normA, Map<String, Double> b, double normB) {
        if (normA == 0 || normB == 0) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot / (normA * normB);
    }
}
