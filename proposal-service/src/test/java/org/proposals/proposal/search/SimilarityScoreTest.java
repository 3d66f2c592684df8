package org.proposals.proposal.search;

import org.junit.jupiter.api.Test;
import org.proposals.proposal.search.SampleProposals.Sample;
import org.proposals.proposal.search.SimilarityScore.Profile;
import org.proposals.proposal.search.SimilarityScore.Scored;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.proposal.search.SampleProposals.BUSINESS_ENVIRONMENT;
import static org.proposals.proposal.search.SampleProposals.EARLIER;
import static org.proposals.proposal.search.SampleProposals.INDUSTRIAL_INTERNET;
import static org.proposals.proposal.search.SampleProposals.LITTLE_GIANTS;
import static org.proposals.proposal.search.SampleProposals.MANUFACTURING_DIGITAL;
import static org.proposals.proposal.search.SampleProposals.NEW_LITTLE_GIANTS;
import static org.proposals.proposal.search.SampleProposals.NEW_SME_DIGITAL;
import static org.proposals.proposal.search.SampleProposals.SCHOOL_MENTAL_HEALTH;
import static org.proposals.proposal.search.SampleProposals.WASTE_SORTING;

class SimilarityScoreTest {

    private static Profile profile(Sample sample) {
        return SimilarityScore.profile(sample.title(), sample.content(), null);
    }

    private static List<Sample> ranked(Sample proposal) {
        return SimilarityScore.rank(profile(proposal), EARLIER, SimilarityScoreTest::profile).stream()
                .map(Scored::candidate).toList();
    }

    private static double score(Sample a, Sample b) {
        return SimilarityScore.score(profile(a), profile(b));
    }

    @Test
    void earlierProposalOnTheSameSubjectComesFirstAndUnrelatedOneLast() {
        List<Sample> ranked = ranked(NEW_LITTLE_GIANTS);
        assertEquals(LITTLE_GIANTS, ranked.get(0));
        assertTrue(ranked.indexOf(MANUFACTURING_DIGITAL) < ranked.indexOf(WASTE_SORTING), ranked::toString);
        assertEquals(WASTE_SORTING, ranked.get(ranked.size() - 1));
        assertTrue(score(NEW_LITTLE_GIANTS, LITTLE_GIANTS) > 2 * score(NEW_LITTLE_GIANTS, MANUFACTURING_DIGITAL));
    }

    @Test
    void digitalTransformationOfSmallFirmsIsClosestToThatOfManufacturing() {
        List<Sample> ranked = ranked(NEW_SME_DIGITAL);
        assertEquals(MANUFACTURING_DIGITAL, ranked.get(0));
        assertEquals(WASTE_SORTING, ranked.get(ranked.size() - 1));
        assertTrue(score(NEW_SME_DIGITAL, MANUFACTURING_DIGITAL) > score(NEW_SME_DIGITAL, INDUSTRIAL_INTERNET));
    }

    @Test
    void sameBigramInDifferentWordsWeighsLessThanASharedSubject() {
        // 中小 is in 中小企业 and in 中小学生: a bigram match, not a subject match.
        assertTrue(score(NEW_SME_DIGITAL, SCHOOL_MENTAL_HEALTH) < score(NEW_SME_DIGITAL, LITTLE_GIANTS));
        assertTrue(score(NEW_LITTLE_GIANTS, SCHOOL_MENTAL_HEALTH) < score(NEW_LITTLE_GIANTS, BUSINESS_ENVIRONMENT));
    }

    @Test
    void theTitleFrameMakesNothingSimilar() {
        Profile a = SimilarityScore.profile("关于加强城市生活垃圾分类管理的建议", null, null);
        Profile b = SimilarityScore.profile("关于培育专精特新企业的建议", null, null);
        assertEquals(0.0, SimilarityScore.score(a, b));
        assertEquals("加强城市生活垃圾分类管理", SimilarityScore.withoutFrame("关于加强城市生活垃圾分类管理的建议"));
        assertEquals("培育专精特新企业", SimilarityScore.withoutFrame(" 关于培育专精特新企业的提案。"));
        assertEquals("修改物业管理条例", SimilarityScore.withoutFrame("关于修改物业管理条例的议案"));
        assertEquals("建议书范本", SimilarityScore.withoutFrame("建议书范本"));
    }

    @Test
    void scoreIsBetweenZeroAndOneSymmetricAndOneForTheSameText() {
        for (Sample a : EARLIER) {
            assertEquals(1.0, score(a, a), 1e-9, a.title());
            for (Sample b : EARLIER) {
                double score = score(a, b);
                assertTrue(score >= 0 && score <= 1, a.title() + " / " + b.title() + ": " + score);
                assertEquals(score, score(b, a), 1e-12);
            }
        }
    }

    @Test
    void nothingToCompareScoresZero() {
        Profile empty = SimilarityScore.profile("关于的提案", "", List.of());
        assertTrue(empty.isEmpty());
        assertEquals(0.0, SimilarityScore.score(empty, profile(LITTLE_GIANTS)));
        assertEquals(0.0, SimilarityScore.score(empty, empty));
    }

    @Test
    void keywordsCountAsSubject() {
        Profile tagged = SimilarityScore.profile("关于扶持优质中小企业做大做强的建议", null, List.of("专精特新", "小巨人"));
        Profile untagged = SimilarityScore.profile("关于扶持优质中小企业做大做强的建议", null, null);
        Profile earlier = profile(LITTLE_GIANTS);
        assertTrue(SimilarityScore.score(tagged, earlier) > SimilarityScore.score(untagged, earlier));
    }

    @Test
    void equalScoresKeepTheDatabaseOrder() {
        Profile subject = SimilarityScore.profile("专精特新", null, null);
        List<Scored<String>> ranked = SimilarityScore.rank(subject, List.of("b", "a", "c"),
                c -> SimilarityScore.profile("垃圾分类", null, null));
        assertEquals(List.of("b", "a", "c"), ranked.stream().map(Scored::candidate).toList());
    }

    @Test
    void candidateQueryAsksForAnyTermOfKeywordsAndTitleWithoutItsFrame() {
        assertEquals(Optional.of("'推进' | '进制' | '制造' | '造业' | '业数' | '数字' | '字化' | '化转' | '转型'"),
                SimilarityScore.candidateQuery(MANUFACTURING_DIGITAL.title(), null));
        assertEquals(Optional.of("'小巨' | '巨人' | '企业' | '培育' | '育专' | '专精' | '精特' | '特新' | '新企'"),
                SimilarityScore.candidateQuery("关于培育专精特新企业的提案", List.of("小巨人", "企业")));
    }

    @Test
    void candidateQueryPutsSingleCharactersLastAndStopsAtThirtyTerms() {
        assertEquals(Optional.of("'污染' | '染防' | '防治' | '水' | '气' | '土'"),
                SimilarityScore.candidateQuery("关于“水”“气”“土”污染防治的建议", null));
        String longTitle = "关于" + "进一步完善城市基层治理体系推动社会治理重心向基层下移提高共建共治共享水平".repeat(2) + "的提案";
        String query = SimilarityScore.candidateQuery(longTitle, null).orElseThrow();
        assertEquals(SimilarityScore.MAX_CANDIDATE_TERMS, query.split(" \\| ").length);
        assertEquals(Optional.empty(), SimilarityScore.candidateQuery("关于的建议", List.of()));
        assertEquals(Optional.empty(), SimilarityScore.candidateQuery(null, null));
    }
}
