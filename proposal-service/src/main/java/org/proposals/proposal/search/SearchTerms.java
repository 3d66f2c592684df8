package org.proposals.proposal.search;

import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The terms under which a proposal is found: Chinese as overlapping character bigrams, English and numbers as
 * words, handed to PostgreSQL as ready-made {@code tsvector} and {@code tsquery} literals.
 *
 * <p>PostgreSQL's own parsers do not split Chinese into words (a whole title comes out as one lexeme, and
 * what they do depends on the cluster's locale), and a word-splitting extension cannot be assumed on the
 * city's servers. Bigrams need no dictionary: 专精特新 is indexed as 专精, 精特, 特新, and a search for 专精特新
 * asks for those three one after another, so it finds the title that contains the four characters in that
 * order and nothing else. Every Chinese character is also indexed on its own, so that a one-character
 * search such as 税 finds 个人所得税, where the character ends its run and begins no bigram.
 *
 * <p>Text is first normalised with NFKC (full-width letters and digits become ASCII) and lower-cased.
 * Punctuation, Chinese or ASCII, and spaces separate runs; bigrams never cross them, nor the border between
 * title, keywords and content. Letters and digits of other scripts form words; an English plural "s" is
 * removed as Harman's S-stemmer does (policies → policy, enterprises → enterprise, news → new), the same way
 * when indexing and when searching. Invisible format characters (zero-width space, soft hyphen, byte-order
 * mark) split nothing.
 *
 * <p>Lexemes consist of letters and digits only, so the literals cannot carry tsvector or tsquery syntax;
 * quotes and backslashes are escaped all the same. Pass them as bind parameters:
 * {@code CAST(?1 AS tsvector)}, {@code CAST(?1 AS tsquery)}.
 */
public final class SearchTerms {

    /** The largest position PostgreSQL stores; terms after it are not indexed, which cuts very long contents. */
    public static final int MAX_POSITION = 16_383;
    /** PostgreSQL keeps 256 positions of one lexeme; later ones are left out here rather than there. */
    static final int MAX_POSITIONS_PER_LEXEME = 256;
    /** A longer run of letters and digits is no word but a hash or encoded data, and is not indexed. */
    static final int MAX_WORD_LENGTH = 64;
    /**
     * The distinct lexemes of one document in UTF-8 bytes; PostgreSQL refuses a tsvector with more than 1 MiB
     * of them. Ordinary text stays far below: 16,383 positions of Chinese make under 150 KiB of bigrams and
     * characters. Only long runs of distinct made-up words could reach it; the rest of such a text is left out.
     */
    static final int MAX_LEXEME_BYTES = 512 * 1024;
    /** A pasted paragraph makes a query this long at most; a longer phrase is shortened to its beginning. */
    static final int MAX_QUERY_TERMS = 64;

    private SearchTerms() {
    }

    /** A term and its position in the text, counted from 1 over Chinese characters and words. */
    public record Term(String text, int position) {
    }

    /** NFKC, so that full-width ＡＢＣ１２３ is abc123 and ① is 1, then lower case. */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The terms of a text in order: overlapping bigrams of each run of Chinese (or Japanese, Korean)
     * characters, a run of one character as that character, and words.
     */
    public static List<Term> terms(String text) {
        List<Term> terms = new ArrayList<>();
        for (Run run : runs(text)) {
            if (!run.cjk()) {
                terms.add(new Term(run.word(), run.position()));
            } else if (run.length() == 1) {
                terms.add(new Term(run.chars().get(0), run.position()));
            } else {
                for (int i = 0; i + 1 < run.length(); i++) {
                    terms.add(new Term(run.bigram(i), run.position() + i));
                }
            }
        }
        return terms;
    }

    /**
     * The tsvector literal of a proposal: title terms weighted A, keywords B, content D, positions running on
     * from one to the next. Besides the bigrams it holds every Chinese character on its own, for
     * one-character searches. Lexemes are in PostgreSQL's order, so the literal reads back unchanged; an
     * empty text gives the empty tsvector {@code ''}.
     *
     * @param content  may be null
     * @param keywords may be null; each keyword is a text of its own
     */
    public static String document(String title, String content, Collection<String> keywords) {
        DocumentBuilder document = new DocumentBuilder();
        document.add(title, 'A');
        if (keywords != null) {
            for (String keyword : keywords) {
                document.add(keyword, 'B');
            }
        }
        document.add(content, 'D');
        return document.literal();
    }

    /**
     * The tsquery literal for what someone typed: each Chinese run a phrase of its bigrams (a single character
     * on its own), and all of them and the words required, e.g. {@code ('专精' <-> '精特' <-> '特新') & 'digital'}.
     * Empty when nothing in it can be searched for (only punctuation, say).
     */
    public static Optional<String> query(String userQuery) {
        Set<String> parts = new LinkedHashSet<>();
        int budget = MAX_QUERY_TERMS;
        for (Run run : runs(userQuery)) {
            if (budget == 0) {
                break;
            }
            if (!run.cjk()) {
                parts.add(quote(run.word()));
                budget--;
            } else if (run.length() == 1) {
                parts.add(quote(run.chars().get(0)));
                budget--;
            } else {
                int bigrams = Math.min(run.length() - 1, budget);
                List<String> phrase = new ArrayList<>(bigrams);
                for (int i = 0; i < bigrams; i++) {
                    phrase.add(quote(run.bigram(i)));
                }
                budget -= bigrams;
                parts.add(String.join(" <-> ", phrase));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return Optional.of(parts.iterator().next());
        }
        return Optional.of(String.join(" & ", parts.stream().map(p -> p.contains(" <-> ") ? "(" + p + ")" : p).toList()));
    }

    /** The tsquery literal that matches any of the given lexemes; empty when there are none. */
    public static Optional<String> anyOf(Collection<String> lexemes) {
        List<String> quoted = new LinkedHashSet<>(lexemes).stream().filter(l -> l != null && !l.isEmpty())
                .map(SearchTerms::quote).toList();
        return quoted.isEmpty() ? Optional.empty() : Optional.of(String.join(" | ", quoted));
    }

    /** A lexeme as tsvector and tsquery literals quote it: backslashes and quotes doubled. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Harman's S-stemmer, as Lucene's EnglishMinimalStemmer: plural endings only, and only of plain English words. */
    static String stem(String word) {
        int len = word.length();
        if (len < 3 || word.charAt(len - 1) != 's' || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        switch (word.charAt(len - 2)) {
            case 'u', 's':
                return word;
            case 'e':
                if (len > 3 && word.charAt(len - 3) == 'i' && word.charAt(len - 4) != 'a' && word.charAt(len - 4) != 'e') {
                    return word.substring(0, len - 3) + "y";
                }
                if ("iaoe".indexOf(word.charAt(len - 3)) >= 0) {
                    return word;
                }
                return word.substring(0, len - 1);
            default:
                return word.substring(0, len - 1);
        }
    }

    /**
     * A run of CJK characters (each a string, as some lie outside the BMP) or one word; position is that of
     * its first character or of the word.
     */
    record Run(boolean cjk, List<String> chars, String word, int position) {

        int length() {
            return chars.size();
        }

        String bigram(int i) {
            return chars.get(i) + chars.get(i + 1);
        }

        /** The positions this run takes up. */
        int width() {
            return cjk ? chars.size() : 1;
        }
    }

    static List<Run> runs(String text) {
        String normalised = normalise(text);
        List<Run> runs = new ArrayList<>();
        List<String> cjk = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int position = 1;
        int i = 0;
        while (i < normalised.length()) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (isCjk(cp)) {
                position = endWord(word, runs, position);
                cjk.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                position = endCjk(cjk, runs, position);
                word.appendCodePoint(cp);
            } else if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                // A combining mark belongs to the letter before it; after a Chinese character it is a
                // variation selector, which does not change the character.
                if (word.length() > 0) {
                    word.appendCodePoint(cp);
                }
            } else if (type != Character.FORMAT) {
                position = endWord(word, runs, position);
                position = endCjk(cjk, runs, position);
            }
        }
        position = endWord(word, runs, position);
        endCjk(cjk, runs, position);
        return runs;
    }

    private static int endWord(StringBuilder word, List<Run> runs, int position) {
        if (word.length() == 0) {
            return position;
        }
        String text = word.toString();
        word.setLength(0);
        if (text.codePointCount(0, text.length()) > MAX_WORD_LENGTH) {
            return position;
        }
        runs.add(new Run(false, List.of(), stem(text), position));
        return position + 1;
    }

    private static int endCjk(List<String> cjk, List<Run> runs, int position) {
        if (cjk.isEmpty()) {
            return position;
        }
        runs.add(new Run(true, List.copyOf(cjk), null, position));
        int next = position + cjk.size();
        cjk.clear();
        return next;
    }

    /** Han, kana, hangul and bopomofo letters, Chinese numerals such as 〇, and the Japanese length mark ー. */
    static boolean isCjk(int cp) {
        if (cp == 0x30FC) {
            return true;
        }
        if (!Character.isLetter(cp) && Character.getType(cp) != Character.LETTER_NUMBER) {
            return false;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.HANGUL || script == UnicodeScript.BOPOMOFO;
    }

    /** Collects lexemes with their positions and weights, within PostgreSQL's limits. */
    private static final class DocumentBuilder {
        private final Map<String, StringBuilder> positions = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private int offset;
        private int lexemeBytes;
        private boolean full;

        void add(String text, char weight) {
            if (full || text == null) {
                return;
            }
            int end = offset;
            for (Run run : runs(text)) {
                int start = offset + run.position();
                if (run.cjk()) {
                    for (int i = 0; i < run.length(); i++) {
                        if (i + 1 < run.length()) {
                            put(run.bigram(i), start + i, weight);
                        }
                        put(run.chars().get(i), start + i, weight);
                    }
                } else {
                    put(run.word(), start, weight);
                }
                end = start + run.width() - 1;
            }
            offset = end;
        }

        private void put(String lexeme, int position, char weight) {
            if (position > MAX_POSITION) {
                full = true;
            }
            if (full) {
                return;
            }
            StringBuilder at = positions.get(lexeme);
            if (at == null) {
                int bytes = lexeme.getBytes(StandardCharsets.UTF_8).length;
                if (lexemeBytes + bytes > MAX_LEXEME_BYTES) {
                    full = true;
                    return;
                }
                lexemeBytes += bytes;
                at = new StringBuilder();
                positions.put(lexeme, at);
            } else {
                int count = counts.getOrDefault(lexeme, 1);
                if (count >= MAX_POSITIONS_PER_LEXEME) {
                    return;
                }
                counts.put(lexeme, count + 1);
                at.append(',');
            }
            at.append(position);
            if (weight != 'D') {
                at.append(weight);
            }
        }

        /** In PostgreSQL's own order (UTF-8 bytes, unsigned), so that the literal reads back as it was written. */
        String literal() {
            Map<byte[], String> sorted = new TreeMap<>(Arrays::compareUnsigned);
            positions.keySet().forEach(l -> sorted.put(l.getBytes(StandardCharsets.UTF_8), l));
            StringBuilder literal = new StringBuilder();
            for (String lexeme : sorted.values()) {
                if (literal.length() > 0) {
                    literal.append(' ');
                }
                literal.append(quote(lexeme)).append(':').append(positions.get(lexeme));
            }
            return literal.toString();
        }
    }
}
