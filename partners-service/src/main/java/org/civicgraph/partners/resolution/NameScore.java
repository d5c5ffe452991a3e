package org.civicgraph.partners.resolution;

import org.civicgraph.partners.name.NameText;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a name as written in a document matches a partner's names, from 0 to 1. Every name the partner goes by
 * is tried and the best counts:
 * <ul>
 *   <li>1.00 NAME: the partner's own name, once case, punctuation, apostrophes and spaces are set aside
 *       ("BARNARDOS" for Barnardo's);</li>
 *   <li>0.97 OTHER_NAME: likewise one of its recorded other names or abbreviations ("LPFT", "Clinical Commissioning
 *       Group"). Two partners sharing a recorded abbreviation ("LCC") therefore tie, and the tie is reported, not broken;</li>
 *   <li>0.95 SAME_WORDS (0.93 against another name): the same words in any order once stop words are dropped and
 *       abbreviations written inside names are expanded ("Lincolnshire Partnership NHS FT");</li>
 *   <li>0.80 INITIALS: one word that is the initials of a name of several words but is not recorded as an
 *       abbreviation ("LCHS"): suggestive, never enough on its own;</li>
 *   <li>up to 0.90 SIMILAR_WORDS: 0.9 times the weighted overlap of the words (Dice coefficient), where words saying
 *       what kind of body it is ("council", "NHS", "trust") weigh 0.3 and the others 1, and a word one letter off
 *       a word of five letters or more counts 0.8 of a match.</li>
 * </ul>
 * When the document's area is known, a partner serving neither it nor the whole country scores 0.85 of this
 * ({@link NameResolver}); the resolver then resolves only above a threshold and with a clear margin.
 */
final class NameScore {

    static final double NAME = 1.0;
    static final double OTHER_NAME = 0.97;
    static final double SAME_WORDS = 0.95;
    static final double SAME_WORDS_OTHER_NAME = 0.93;
    static final double INITIALS = 0.80;
    static final double SIMILAR_WORDS_AT_MOST = 0.90;
    static final double NEAR_WORD = 0.8;

    private NameScore() {
    }

    record Scored(double score, String matchedName, NameMatch match) {
    }

    /** The best match of the written name against the names, the partner's own name first. */
    static Scored best(String written, List<String> names) {
        String compact = NameText.compact(written);
        List<String> tokens = NameText.tokens(written);
        Scored best = new Scored(0, names.get(0), NameMatch.SIMILAR_WORDS);
        for (int i = 0; i < names.size(); i++) {
            Scored scored = score(compact, tokens, names.get(i), i == 0);
            if (scored.score() > best.score()) {
                best = scored;
            }
        }
        return best;
    }

    private static Scored score(String compact, List<String> tokens, String name, boolean ownName) {
        if (!compact.isEmpty() && compact.equals(NameText.compact(name))) {
            return new Scored(ownName ? NAME : OTHER_NAME, name, ownName ? NameMatch.NAME : NameMatch.OTHER_NAME);
        }
        List<String> nameTokens = NameText.tokens(name);
        if (!tokens.isEmpty() && sorted(tokens).equals(sorted(nameTokens))) {
            return new Scored(ownName ? SAME_WORDS : SAME_WORDS_OTHER_NAME, name, NameMatch.SAME_WORDS);
        }
        if (tokens.size() == 1 && NameText.initials(name).contains(tokens.get(0))) {
            return new Scored(INITIALS, name, NameMatch.INITIALS);
        }
        return new Scored(SIMILAR_WORDS_AT_MOST * overlap(tokens, nameTokens), name, NameMatch.SIMILAR_WORDS);
    }

    /** Weighted Dice coefficient of the two word lists; each written word matches at most one word of the name. */
    static double overlap(List<String> written, List<String> name) {
        double total = weight(written) + weight(name);
        if (total == 0) {
            return 0;
        }
        List<String> unmatched = new ArrayList<>(name);
        double common = 0;
        for (String word : written) {
            String bestWord = null;
            double bestSimilarity = 0;
            for (String candidate : unmatched) {
                double similarity = similarity(word, candidate);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    bestWord = candidate;
                }
            }
            if (bestWord != null) {
                unmatched.remove(bestWord);
                common += bestSimilarity * (NameText.weight(word) + NameText.weight(bestWord)) / 2;
            }
        }
        return 2 * common / total;
    }

    private static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return a.length() >= 5 && b.length() >= 5 && withinOneEdit(a, b) ? NEAR_WORD : 0;
    }

    /** Whether one insertion, deletion or substitution turns one word into the other. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        if (i == shorter.length()) {
            return true;
        }
        String restOfLonger = longer.substring(i + 1);
        return shorter.substring(shorter.length() == longer.length() ? i + 1 : i).equals(restOfLonger);
    }

    private static double weight(List<String> words) {
        return words.stream().mapToDouble(NameText::weight).sum();
    }

    private static List<String> sorted(List<String> tokens) {
        return tokens.stream().sorted().toList();
    }
}
