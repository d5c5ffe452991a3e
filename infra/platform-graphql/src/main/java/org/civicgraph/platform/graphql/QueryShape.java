package org.civicgraph.platform.graphql;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Depth, complexity and alias count of a parsed GraphQL document, measured before it is executed. */
record QueryShape(int depth, long complexity, int aliases) {

    static QueryShape of(Document document, int maxPageSize) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        Walker walker = new Walker(fragments, maxPageSize);
        int depth = 0;
        long complexity = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            depth = Math.max(depth, walker.depth(operation.getSelectionSet(), new HashSet<>()));
            complexity += walker.complexity(operation.getSelectionSet(), new HashSet<>());
        }
        for (FragmentDefinition fragment : fragments.values()) {
            walker.countAliases(fragment.getSelectionSet());
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walker.countAliases(operation.getSelectionSet());
        }
        return new QueryShape(depth, complexity, walker.aliases);
    }

    private static final class Walker {

        private final Map<String, FragmentDefinition> fragments;
        private final int maxPageSize;
        private int aliases;

        Walker(Map<String, FragmentDefinition> fragments, int maxPageSize) {
            this.fragments = fragments;
            this.maxPageSize = maxPageSize;
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

        long complexity(SelectionSet selectionSet, Set<String> visiting) {
            long total = 0;
            for (Selection<?> selection : selections(selectionSet)) {
                if (selection instanceof Field field) {
                    if (!isIntrospection(field)) {
                        total += 1 + pageSize(field) * complexity(field.getSelectionSet(), visiting);
                    }
                } else {
                    total += viaFragment(selection, visiting, s -> (int) Math.min(Integer.MAX_VALUE, complexity(s, visiting)));
                }
            }
            return total;
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

        private long pageSize(Field field) {
            for (Argument argument : field.getArguments()) {
                if ((argument.getName().equals("first") || argument.getName().equals("last"))
                        && argument.getValue() instanceof IntValue value) {
                    return Math.max(1, Math.min(value.getValue().longValue(), maxPageSize));
                }
            }
            return 1;
        }

        private static boolean isIntrospection(Field field) {
            return field.getName().startsWith("__");
        }

        private static Iterable<Selection> selections(SelectionSet selectionSet) {
            return selectionSet == null ? java.util.List.of() : selectionSet.getSelections();
        }
    }
}
