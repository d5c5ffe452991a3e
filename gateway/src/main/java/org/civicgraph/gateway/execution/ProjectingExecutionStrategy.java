package org.civicgraph.gateway.execution;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherResult;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * graphql-java's execution, except that a value made of maps and lists (a service's answer as decoded, or a part of
 * one) is completed in one pass over the selection: each selected field is read from its map as graphql-java's
 * property data fetcher reads it, scalars and enums are serialised by their types, and aliases, fragments and
 * {@code @skip}/{@code @include} apply as graphql-java's own field collection decides, once per selection rather than
 * once per record. graphql-java's completion builds a step info, parameters, a path and instrumentation contexts for
 * each of the thousands of fields in a view's answer, which was the largest part of the gateway's CPU time per area
 * profile.
 * <p>
 * Whenever the pass meets something that graphql-java would treat otherwise (a field with a data fetcher of its own,
 * an interface or union, a null for a non-null field, a value its type does not serialise, a value that is not a map
 * or list where one is expected, a future or a data fetcher result inside a record, deferred fields), the whole value is left to graphql-java, so errors, null bubbling
 * and data fetchers stay exactly graphql-java's. The projected fields pass no instrumentation hooks, which the
 * gateway's instrumentations do not use for property reads.
 */
final class ProjectingExecutionStrategy extends AsyncExecutionStrategy {

    /** What the pass returns when it leaves the value to graphql-java. */
    private static final Object UNHANDLED = new Object();

    ProjectingExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        Object source = parameters.getSource();
        if ((source instanceof Map<?, ?> || source instanceof List<?>) && !context.hasIncrementalSupport()) {
            Object projected = new Projection(context, fieldCollector).value(parameters.getExecutionStepInfo().getType(), parameters.getField(), source);
            if (projected != UNHANDLED) {
                return new FieldValueInfo(projected instanceof List<?> ? FieldValueInfo.CompleteValueType.LIST : FieldValueInfo.CompleteValueType.OBJECT,
                        projected);
            }
        }
        return super.completeValue(context, parameters);
    }

    /** One value's pass, with each selection collected once however many records share it. */
    private static final class Projection {

        private final ExecutionContext context;
        private final FieldCollector collector;
        /** By merged field: its type is one object type (interfaces and unions go to graphql-java), so the field alone decides. */
        private final Map<MergedField, Selection> selections = new IdentityHashMap<>();

        Projection(ExecutionContext context, FieldCollector collector) {
            this.context = context;
            this.collector = collector;
        }

        Object value(GraphQLOutputType type, MergedField field, Object raw) {
            Object value = context.getValueUnboxer().unbox(raw);
            boolean nonNull = type instanceof GraphQLNonNull;
            if (value == null) {
                return nonNull ? UNHANDLED : null;
            }
            if (value instanceof CompletionStage<?> || value instanceof DataFetcherResult<?>) {
                return UNHANDLED; // graphql-java awaits or unwraps it, where a String's serialisation would print it
            }
            GraphQLType unwrapped = nonNull ? ((GraphQLNonNull) type).getWrappedType() : type;
            if (unwrapped instanceof GraphQLList list) {
                return value instanceof List<?> items ? items(list, field, items) : UNHANDLED;
            }
            if (unwrapped instanceof GraphQLObjectType object) {
                return value instanceof Map<?, ?> record ? object(object, field, record) : UNHANDLED;
            }
            Object serialised = serialised(unwrapped, value);
            return serialised == null && nonNull ? UNHANDLED : serialised;
        }

        private Object items(GraphQLList list, MergedField field, List<?> items) {
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            List<Object> completed = new ArrayList<>(items.size());
            for (Object item : items) {
                Object value = value(itemType, field, item);
                if (value == UNHANDLED) {
                    return UNHANDLED;
                }
                completed.add(value);
            }
            return completed;
        }

        private Object object(GraphQLObjectType type, MergedField field, Map<?, ?> record) {
            Selection selection = selections.computeIfAbsent(field, key -> select(type, field));
            if (selection == null) {
                return UNHANDLED;
            }
            Map<String, Object> completed = new LinkedHashMap<>(selection.keys.length * 4 / 3 + 1);
            for (int i = 0; i < selection.keys.length; i++) {
                Object value = selection.types[i] == null ? type.getName() : value(selection.types[i], selection.fields[i], record.get(selection.names[i]));
                if (value == UNHANDLED) {
                    return UNHANDLED;
                }
                completed.put(selection.keys[i], value);
            }
            return completed;
        }

        private Object serialised(GraphQLType type, Object value) {
            try {
                if (type instanceof GraphQLScalarType scalar) {
                    return scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale());
                }
                if (type instanceof GraphQLEnumType enumeration) {
                    return enumeration.serialize(value, context.getGraphQLContext(), context.getLocale());
                }
            } catch (CoercingSerializeException e) {
                return UNHANDLED; // graphql-java reports it as the field's error
            }
            return UNHANDLED; // an interface or union: graphql-java resolves the type
        }

        /** The fields selected on a type, in answer order; null when one of them is not a plain property read. */
        private Selection select(GraphQLObjectType type, MergedField field) {
            FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
                    .schema(context.getGraphQLSchema())
                    .objectType(type)
                    .fragments(context.getFragmentsByName())
                    .variables(context.getCoercedVariables().toMap())
                    .graphQLContext(context.getGraphQLContext())
                    .build();
            MergedSelectionSet selected = collector.collectFields(parameters, field, false);
            int size = selected.size();
            Selection selection = new Selection(new String[size], new String[size], new GraphQLOutputType[size], new MergedField[size]);
            int i = 0;
            for (MergedField sub : selected.getSubFieldsList()) {
                selection.keys[i] = sub.getResultKey();
                selection.fields[i] = sub;
                if (!"__typename".equals(sub.getName())) {
                    GraphQLFieldDefinition definition = type.getField(sub.getName());
                    if (definition == null || !readsProperty(context.getGraphQLSchema().getCodeRegistry().getDataFetcher(type.getName(), sub.getName(), definition), definition)) {
                        return null;
                    }
                    selection.names[i] = definition.getName();
                    selection.types[i] = definition.getType();
                }
                i++;
            }
            return selection;
        }

        private static boolean readsProperty(DataFetcher<?> fetcher, GraphQLFieldDefinition definition) {
            return fetcher == SingletonPropertyDataFetcher.singleton()
                    || fetcher instanceof PropertyDataFetcher<?> property && definition.getName().equals(property.getPropertyName());
        }
    }

    /** Result keys, field names, types (null for {@code __typename}) and merged fields of one selection on one type. */
    private record Selection(String[] keys, String[] names, GraphQLOutputType[] types, MergedField[] fields) {
    }
}
