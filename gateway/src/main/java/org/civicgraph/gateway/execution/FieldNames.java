package org.civicgraph.gateway.execution;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names of the fields a selection set asks for, through inline fragments and fragment spreads, read from the
 * document alone: without the variables, so a field under {@code @skip} or {@code @include} counts as asked for.
 */
public final class FieldNames {

    private FieldNames() {
    }

    public static Set<String> of(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        Set<String> names = new LinkedHashSet<>();
        collect(selections, fragments, names, new LinkedHashSet<>());
        return names;
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> names, Set<String> seenFragments) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                names.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, names, seenFragments);
            } else if (selection instanceof FragmentSpread spread && seenFragments.add(spread.getName()) && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, names, seenFragments);
            }
        }
    }
}
