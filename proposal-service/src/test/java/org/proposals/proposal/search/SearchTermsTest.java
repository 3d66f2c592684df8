package org.proposals.proposal.search;

import org.junit.jupiter.api.Test;
import org.proposals.proposal.search.SearchTerms.Term;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTermsTest {

    /** One lexeme of a tsvector literal as PostgreSQL reads it: quoted, with positions and weights. */
    private static final String LEXEME = "'(?:[^'\\\\]|''|\\\\\\\\)+':\\d{1,5}[ABC]?(?:,\\d{1,5}[ABC]?)*";
    private static final Pattern TSVECTOR = Pattern.compile("(?:" + LEXEME + "(?: " + LEXEME + ")*)?");
    private static final Pattern POSITION = Pattern.compile("[:,](\\d+)");

    private static final List<String> HOSTILE = List.of(
            "", "   ", "'", "''", "\\", "\\'", "it's a \\\\ test", "a:1A b:2", "x & y | !z <-> (w) :* 'q':*",
            "专精特新'); DROP TABLE proposal; --", "😀 emoji 🇨🇳 👨‍👩‍👧", "\u0000\u0001\u0007\u001b[31m red\r\n\t",
            "\uD800 lone \uDC00 surrogates", "ＡＢＣ１２３：（）！", "$$ $q$ E'\\x00' U&'\\0041'", "𠀀𠀁 𪚥");

    private static List<String> texts(List<Term> terms) {
        return terms.stream().map(Term::text).toList();
    }

    @Test
    void chineseRunsBecomeOverlappingBigramsAndPunctuationSplitsThem() {
        assertEquals(List.of(
                        new Term("培育", 1), new Term("育专", 2), new Term("专精", 3), new Term("精特", 4), new Term("特新", 5),
                        new Term("小巨", 7), new Term("巨人", 8),
                        new Term("企业", 10)),
                SearchTerms.terms("培育专精特新“小巨人”企业"));
    }

    @Test
    void anIsolatedChineseCharacterIsAUnigram() {
        assertEquals(List.of(new Term("税", 1), new Term("个人", 2), new Term("人所", 3), new Term("所得", 4),
                new Term("得税", 5)), SearchTerms.terms("税，个人所得税"));
    }

    @Test
    void mixedChineseEnglishDigitsAndFullWidthText() {
        assertEquals(List.of("加快", "5g", "基站", "站建", "建设", "abc123", "digital", "economy", "2023", "年"),
                texts(SearchTerms.terms("加快5G基站建设（ＡＢＣ１２３）——Digital Economies，2023年")));
    }

    @Test
    void positionsCountChineseCharactersAndWords() {
        List<Term> terms = SearchTerms.terms("数字经济 digital economy 税");
        assertEquals(List.of(new Term("数字", 1), new Term("字经", 2), new Term("经济", 3), new Term("digital", 5),
                new Term("economy", 6), new Term("税", 7)), terms);
    }

    @Test
    void englishPluralsAreStemmedLightly() {
        assertEquals("policy", SearchTerms.stem("policies"));
        assertEquals("enterprise", SearchTerms.stem("enterprises"));
        assertEquals("city", SearchTerms.stem("cities"));
        assertEquals("bus", SearchTerms.stem("bus"));
        assertEquals("goes", SearchTerms.stem("goes"));
        assertEquals("new", SearchTerms.stem("news"));
        assertEquals("is", SearchTerms.stem("is"));
        assertEquals(List.of("covid19s", "5gs"), texts(SearchTerms.terms("COVID19s 5Gs")));
    }

    @Test
    void normalisationFoldsWidthAndCase() {
        assertEquals("abc123 digital", SearchTerms.normalise("ＡＢＣ１２３ DIGITAL"));
        assertEquals(List.of("1", "株", "finance", "viii"), texts(SearchTerms.terms("① ㈱ ﬁnance Ⅷ")));
    }

    @Test
    void kanaHangulAndCharactersBeyondTheBmpAreCjk() {
        assertEquals(List.of("デジ", "ジタ", "タル", "ル化", "スー", "ーパ", "パー", "중소", "소기", "기업", "𠀀𠀁"),
                texts(SearchTerms.terms("デジタル化 スーパー 중소기업 𠀀𠀁")));
    }

    @Test
    void invisibleCharactersSplitNothingAndEmojiSplitEverything() {
        assertEquals(List.of("专精", "information"), texts(SearchTerms.terms("专\u200B精 infor\u00ADmation")));
        assertEquals(List.of("专", "精", "a", "b"), texts(SearchTerms.terms("专😀精 a👨‍👩‍👧b")));
    }

    @Test
    void combiningMarksStayWithTheirLetterAndVariationSelectorsAreIgnored() {
        assertEquals(List.of("école", "naïve", "葛城"), texts(SearchTerms.terms("e\u0301cole nai\u0308ve 葛\uDB40\uDD00城")));
    }

    @Test
    void overlongWordsAreNotIndexed() {
        String hash = "a".repeat(SearchTerms.MAX_WORD_LENGTH + 1);
        assertEquals(List.of("sha", "end"), texts(SearchTerms.terms("sha " + hash + " end")));
        assertEquals(Optional.empty(), SearchTerms.query(hash));
    }

    @Test
    void documentWeighsTitleKeywordsAndContentAndRunsPositionsOn() {
        assertEquals("'policy':7 '专':1A '专精':1A '字':6B '数':5B '数字':5B '新':4A '特':3A '特新':3A '税':8 '精':2A"
                        + " '精特':2A",
                SearchTerms.document("专精特新", "policies，税", List.of("数字")));
    }

    @Test
    void documentListsLexemesInPostgresOrderWithAllPositions() {
        assertEquals("'digital':1A,4 'economy':2A 'zone':3B",
                SearchTerms.document("Digital economy", "digital", List.of("zones")));
    }

    @Test
    void documentOfNothingIsTheEmptyTsvector() {
        assertEquals("", SearchTerms.document(null, null, null));
        assertEquals("", SearchTerms.document("", "  ，。！", List.of("", "——")));
        assertEquals("'a':1A", SearchTerms.document("a", null, Arrays.asList((String) null)));
    }

    @Test
    void quotesAndBackslashesInALexemeAreDoubled() {
        assertEquals("'it''s'", SearchTerms.quote("it's"));
        assertEquals("'a\\\\b'", SearchTerms.quote("a\\b"));
    }

    @Test
    void hostileTextMakesAWellFormedDocument() {
        for (String text : HOSTILE) {
            String literal = SearchTerms.document(text, text, List.of(text));
            assertTrue(TSVECTOR.matcher(literal).matches(), () -> "not a tsvector literal: " + literal + " for " + text);
            assertTrue(literal.codePoints().noneMatch(Character::isISOControl), literal);
            assertFalse(literal.contains("\\"), literal);
        }
        assertEquals("'31m':1A 'red':2A,3B,4", SearchTerms.document("\u0000\u001b[31m red", "\u0000red", List.of("red\u0007")));
        assertEquals("'drop':5A 'proposal':7A 'table':6A '专':1A '专精':1A '新':4A '特':3A '特新':3A '精':2A '精特':2A",
                SearchTerms.document("专精特新'); DROP TABLE proposal; --", null, null));
    }

    @Test
    void longContentIsCutAtPostgresLastPosition() {
        String content = "数据".repeat(20_000);
        String literal = SearchTerms.document("标题", content, null);
        int max = 0;
        Matcher positions = POSITION.matcher(literal);
        while (positions.find()) {
            max = Math.max(max, Integer.parseInt(positions.group(1)));
        }
        assertTrue(max <= SearchTerms.MAX_POSITION, "largest position " + max);
        for (String lexeme : literal.split(" ")) {
            long count = lexeme.chars().filter(c -> c == ',').count() + 1;
            assertTrue(count <= 256, () -> lexeme.substring(0, 10) + " has " + count + " positions");
        }
        assertTrue(literal.startsWith("'据':"), literal.substring(0, 20));
    }

    @Test
    void manyDistinctWordsStayWithinPostgresSizeLimit() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 16_000; i++) {
            for (int k = 0; k < 60; k++) {
                text.append((char) ('а' + random.nextInt(32)));
            }
            text.append(' ');
        }
        String literal = SearchTerms.document(null, text.toString(), null);
        Set<String> lexemes = new HashSet<>();
        int bytes = 0;
        for (String entry : literal.split(" ")) {
            String lexeme = entry.substring(1, entry.lastIndexOf('\''));
            if (lexemes.add(lexeme)) {
                bytes += lexeme.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        assertTrue(bytes <= SearchTerms.MAX_LEXEME_BYTES, bytes + " bytes");
        assertTrue(lexemes.size() > 4000, lexemes.size() + " lexemes");
    }

    @Test
    void chineseQueryIsAPhraseOfItsBigrams() {
        assertEquals(Optional.of("'专精' <-> '精特' <-> '特新'"), SearchTerms.query("专精特新"));
        assertEquals(Optional.of("'数字' <-> '字化' <-> '化转' <-> '转型'"), SearchTerms.query(" 数字化转型 "));
        assertEquals(Optional.of("'中小'"), SearchTerms.query("中小"));
    }

    @Test
    void wordsAndRunsAreAllRequired() {
        assertEquals(Optional.of("'digital' & 'economy'"), SearchTerms.query("Digital Economies"));
        assertEquals(Optional.of("('小巨' <-> '巨人') & '融资' & '5g'"), SearchTerms.query("“小巨人”融资 5G 融资"));
    }

    @Test
    void aSingleCharacterQueryFindsTheCharacterAnywhereInARun() {
        assertEquals(Optional.of("'税'"), SearchTerms.query("税"));
        // 税 ends the run 个人所得税, so it begins no bigram: the document holds it as a character of its own.
        assertTrue(SearchTerms.document("个人所得税", null, null).contains("'税':5A"));
    }

    @Test
    void queryWithoutSearchableTermsIsEmpty() {
        for (String query : List.of("", "   ", "，。！？", "&|!<->()", ":*", "'", "\\", "😀")) {
            assertEquals(Optional.empty(), SearchTerms.query(query), query);
        }
        assertEquals(Optional.empty(), SearchTerms.query(null));
    }

    @Test
    void hostileQueryKeepsOnlyItsWords() {
        assertEquals(Optional.of("'专精' & 'drop' & 'table' & 'x'"), SearchTerms.query("专精'); DROP TABLE x; --"));
        assertEquals(Optional.of("'x' & 'y' & 'z' & 'w' & 'q'"), SearchTerms.query("x & y | !z <-> (w) :* 'q':*"));
        for (String text : HOSTILE) {
            SearchTerms.query(text).ifPresent(q -> {
                String withoutLexemes = q.replaceAll("'(?:[^'\\\\]|''|\\\\\\\\)+'", "L");
                assertTrue(withoutLexemes.matches("\\(?L(?: <-> L)*\\)?(?: & \\(?L(?: <-> L)*\\)?)*"), q);
            });
        }
    }

    @Test
    void aPastedParagraphMakesABoundedQuery() {
        String paragraph = SampleProposals.LITTLE_GIANTS.content();
        String query = SearchTerms.query(paragraph).orElseThrow();
        assertTrue(query.split("'", -1).length / 2 <= SearchTerms.MAX_QUERY_TERMS, query);
    }

    @Test
    void anyOfJoinsDistinctLexemes() {
        assertEquals(Optional.of("'专精' | 'it''s'"), SearchTerms.anyOf(List.of("专精", "it's", "专精", "")));
        assertEquals(Optional.empty(), SearchTerms.anyOf(new ArrayList<>()));
    }
}
