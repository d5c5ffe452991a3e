package org.civicgraph.platform.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Depth and alias count of a parsed GraphQL document, measured before it is validated. How much it asks for depends on
 * its variables and the schema, so that is measured when it is executed ({@link QueryComplexity}).
 */
record QueryShape(int depth, int aliases) {

    static QueryShape of(Document document) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        Walker walker = new Walker(fragments);
        int depth = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            depth = Math.max(depth, walker.depth(operation.getSelectionSet(), new HashSet<>()));
        }
        for (FragmentDefinition fragment : fragments.values()) {
            walker.countAliases(fragment.getSelectionSet());
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walker.countAliases(operation.getSelectionSet());
        }
        return new QueryShape(depth, walker.aliases);
    }

    private static final class Walker {

        private final Map<String, FragmentDefinition> fragments;
        private int aliases;

        Walker(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        int depth(SelectionSet selectionSet, Set<String> visiting) {
            int deepest = 0;
            for (Selection<?> selection : selections(selectionSet)) {
                if (selection instanceof Field field) {
                    if (!isIntrospection(field)) {
                        deepest = Math.max(deepest, 1 + depth(field.getSelectionSet(), visiting));
                    }
                } else {
                    deepest = Math.max(deepest, viaFragment(selection, visiting, s -> depth(s, visiting)));
                }
            }
            return deepest;
        }


        void countAliases(SelectionSet selectionSet) {
            for (Selection<?> selection : selections(selectionSet)) {
                if (selection instanceof Field field) {
                    if (field.getAlias() != null) {
                        aliases++;
                    }
                    countAliases(field.getSelectionSet());
                } else if (selection instanceof InlineFragment inline) {
                    countAliases(inline.getSelectionSet());
                }
            }
        }

        /** Follows a fragment once per path, so a fragment that spreads itself cannot loop (validation rejects it later). */
        private int viaFragment(Selection<?> selection, Set<String> visiting, Function<SelectionSet, Integer> measure) {
            if (selection instanceof InlineFragment inline) {
                return measure.apply(inline.getSelectionSet());
            }
            if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName()) && visiting.add(spread.getName())) {
                try {
                    return measure.apply(fragments.get(spread.getName()).getSelectionSet());
                } finally {
                    visiting.remove(spread.getName());
                }
            }
            return 0;
        }


        private static boolean isIntrospection(Field field) {
            return field.getName().startsWith("__");
        }

        private static Iterable<Selection> selections(SelectionSet selectionSet) {
            return selectionSet == null ? java.util.List.of() : selectionSet.getSelections();
        }
    }
}
