package org.civicgraph.partners.name;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The keys a record is found by, stored as an indexed array next to its names, so that name search and name
 * resolution are index lookups ({@code $all}/{@code $in}) on any MongoDB server rather than a scan with an unanchored
 * regular expression (and without {@code $text}, which the embedded server lacks):
 * <ul>
 *   <li>{@code n:} the compact form of each whole name ("n:barnardos");</li>
 *   <li>{@code w:} each token ("w:lincolnshire");</li>
 *   <li>{@code p:} each beginning of a token of two letters or more ("p:li" ... "p:lincolnshire");</li>
 *   <li>{@code i:} the initials of each name of several words ("i:lcc").</li>
 * </ul>
 */
public final class SearchKeys {

    static final int SHORTEST_PREFIX = 2;

    private SearchKeys() {
    }

    public static List<String> of(Collection<String> names) {
        TreeSet<String> keys = new TreeSet<>();
        for (String name : names) {
            String compact = NameText.compact(name);
            if (compact.isEmpty()) {
                continue;
            }
            keys.add(name(compact));
            for (String token : NameText.tokens(name)) {
                keys.add(word(token));
                for (int length = SHORTEST_PREFIX; length <= token.length(); length++) {
                    keys.add(prefix(token.substring(0, length)));
                }
            }
            NameText.initials(name).forEach(initials -> keys.add(initials(initials)));
        }
        return List.copyOf(keys);
    }

    public static String name(String compactName) {
        return "n:" + compactName;
    }

    public static String word(String token) {
        return "w:" + token;
    }

    public static String prefix(String beginning) {
        return "p:" + beginning;
    }

    public static String initials(String initials) {
        return "i:" + initials;
    }

    /**
     * What a name typed into a search box matches: every word of two letters or more must begin a word of one of the
     * record's names; a single such word may instead be the initials of a name; with no such word, the whole name.
     */
    public static KeyQuery search(String typed) {
        List<String> prefixes = NameText.tokens(typed).stream().filter(SearchKeys::searchable).map(SearchKeys::prefix).toList();
        String compact = NameText.compact(typed);
        if (prefixes.isEmpty()) {
            return compact.isEmpty() ? new KeyQuery(List.of()) : KeyQuery.anyOf(List.of(name(compact)));
        }
        return prefixes.size() == 1 ? KeyQuery.anyOf(List.of(prefixes.get(0), initials(compact))) : KeyQuery.allOf(prefixes);
    }

    /** Whether a token typed into a search box is long enough to have a prefix key. */
    public static boolean searchable(String token) {
        return token.length() >= SHORTEST_PREFIX;
    }
}
