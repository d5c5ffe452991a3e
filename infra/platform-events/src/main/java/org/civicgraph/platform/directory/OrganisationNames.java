package org.civicgraph.platform.directory;

import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The partner directory's current names of organisations, as this service last heard them on the directory's topic
 * ({@link PartnerDirectoryListener} keeps them). Services name organisations by id and keep names as their sources
 * write them; they show these names beside them. Looked up for many ids at once: one query, and one more per step of
 * a merge chain when a merged organisation is asked for.
 */
public class OrganisationNames {

    private static final int MOST_HOPS = 20;

    private final DirectoryEntries entries;

    OrganisationNames(DirectoryEntries entries) {
        this.entries = entries;
    }

    /**
     * The current name of each of the given items (a service's own view of an organisation, say) whose organisation the
     * directory has told this service of; the others are absent. One lookup for all of them.
     */
    public <T> Map<T, String> currentNamesOf(Collection<T> items, Function<T, String> organisationId) {
        Map<String, String> current = currentNames(items.stream().map(organisationId).distinct().toList());
        Map<T, String> byItem = new HashMap<>();
        items.forEach(item -> {
            String name = current.get(organisationId.apply(item));
            if (name != null) {
                byItem.put(item, name);
            }
        });
        return byItem;
    }

    /**
     * The current name of each organisation the directory has told this service of, by id; ids it has not told of are
     * absent. An organisation merged into another has the survivor's name, since the survivor stands for it now.
     */
    public Map<String, String> currentNames(Collection<String> organisationIds) {
        Set<String> asked = new HashSet<>(organisationIds);
        Map<String, Document> known = entries.find(asked);
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            Set<String> survivors = new HashSet<>();
            known.values().forEach(entry -> {
                String survivor = entry.getString("mergedInto");
                if (survivor != null && !known.containsKey(survivor)) {
                    survivors.add(survivor);
                }
            });
            if (survivors.isEmpty()) {
                break;
            }
            Map<String, Document> found = entries.find(survivors);
            survivors.forEach(survivor -> found.putIfAbsent(survivor, new Document("_id", survivor))); // asked once only
            known.putAll(found);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : asked) {
            String name = nameOf(id, known);
            if (name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    /** The name at the end of the id's merge chain, or the last one named along it; null when the directory has not named it. */
    private static String nameOf(String id, Map<String, Document> known) {
        Document entry = known.get(id);
        String name = null;
        Set<String> seen = new HashSet<>();
        while (entry != null && seen.add(entry.getString("_id"))) {
            name = entry.getString("name") != null ? entry.getString("name") : name;
            entry = entry.getString("mergedInto") == null ? null : known.get(entry.getString("mergedInto"));
        }
        return name;
    }
}
