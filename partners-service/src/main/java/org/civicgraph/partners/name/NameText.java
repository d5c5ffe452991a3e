package org.civicgraph.partners.name;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names are compared: case, accents, punctuation, apostrophes ("Barnardo's" = "Barnardos"), "&" versus "and",
 * dotted initials ("L.P.F.T." = "LPFT") and a few abbreviations people write inside names ("Ltd", "Lincs", "FT")
 * make no difference. Search keys and name resolution both use these rules, so a name that is found is also resolved.
 */
public final class NameText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019`\u00b4]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> STOP_WORDS = Set.of("and", "of", "the", "for", "in", "at", "on", "a", "an", "to");
    private static final Map<String, List<String>> WRITTEN_AS = Map.ofEntries(
            Map.entry("ltd", List.of("limited")),
            Map.entry("lincs", List.of("lincolnshire")),
            Map.entry("ft", List.of("foundation", "trust")),
            Map.entry("dept", List.of("department")),
            Map.entry("st", List.of("saint")),
            Map.entry("uni", List.of("university")),
            Map.entry("assoc", List.of("association")),
            Map.entry("center", List.of("centre")),
            Map.entry("organization", List.of("organisation")),
            Map.entry("organizations", List.of("organisations")));
    /** Words that say what kind of body something is rather than which one; they count for less when scoring. */
    private static final Set<String> GENERIC_WORDS = Set.of("nhs", "council", "county", "district", "borough", "city",
            "trust", "foundation", "limited", "plc", "group", "services", "service", "team", "teams", "board",
            "partnership", "department", "company", "association", "england", "national", "local", "uk", "organisation",
            "organisations", "providers", "provider");

    private NameText() {
    }

    /** Lower case, letters and digits separated by single spaces; "&" becomes "and"; apostrophes vanish. */
    public static String normalise(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        folded = APOSTROPHES.matcher(folded).replaceAll("").replace("&", " and ").replace("+", " and ");
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").trim();
    }

    /** The normalised name without spaces, so that "L.P.F.T." and "LPFT" or "Barnardo's" and "Barnardos" are equal. */
    public static String compact(String name) {
        return normalise(name).replace(" ", "");
    }

    /** The words as written, normalised, with runs of single letters joined ("l p f t" becomes "lpft"). */
    public static List<String> words(String name) {
        String normalised = normalise(name);
        List<String> words = new ArrayList<>();
        if (normalised.isEmpty()) {
            return words;
        }
        StringBuilder initials = new StringBuilder();
        for (String word : normalised.split(" ")) {
            if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
                initials.append(word);
                continue;
            }
            flushInitials(initials, words);
            words.add(word);
        }
        flushInitials(initials, words);
        return words;
    }

    /**
     * The words that identify: stop words dropped (unless nothing else is left) and abbreviations written inside names
     * expanded, so "Lincs Partnership NHS FT" gives lincolnshire, partnership, nhs, foundation, trust.
     */
    public static List<String> tokens(String name) {
        List<String> words = significant(words(name));
        List<String> tokens = new ArrayList<>();
        for (String word : words) {
            tokens.addAll(WRITTEN_AS.getOrDefault(word, List.of(word)));
        }
        return tokens;
    }

    /**
     * Initials of the significant words, with and without "NHS": "Lincolnshire Partnership NHS Foundation Trust" gives
     * lpnft and lpft. Names of one word have none.
     */
    public static Set<String> initials(String name) {
        List<String> words = significant(words(name));
        Set<String> initials = new LinkedHashSet<>();
        if (words.size() < 2) {
            return initials;
        }
        initials.add(initialsOf(words));
        List<String> withoutNhs = words.stream().filter(word -> !word.equals("nhs")).toList();
        if (withoutNhs.size() >= 2) {
            initials.add(initialsOf(withoutNhs));
        }
        return initials;
    }

    /** How much a token says about which body is meant: generic words such as "council" count for less. */
    public static double weight(String token) {
        return GENERIC_WORDS.contains(token) ? 0.3 : 1.0;
    }

    private static List<String> significant(List<String> words) {
        List<String> significant = words.stream().filter(word -> !STOP_WORDS.contains(word)).toList();
        return significant.isEmpty() ? words : significant;
    }

    private static String initialsOf(List<String> words) {
        StringBuilder initials = new StringBuilder();
        words.forEach(word -> initials.append(word.charAt(0)));
        return initials.toString();
    }

    private static void flushInitials(StringBuilder initials, List<String> words) {
        if (initials.length() > 0) {
            words.add(initials.toString());
            initials.setLength(0);
        }
    }
}
