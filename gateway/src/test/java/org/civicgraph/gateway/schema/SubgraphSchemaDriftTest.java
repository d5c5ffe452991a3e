package org.civicgraph.gateway.schema;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's schema repeats the parts of the services' types that its views return. This check fails the build
 * when such a type asks for a field its service no longer has, or promises a value (non-null, a list, an object)
 * that the service does not promise.
 */
class SubgraphSchemaDriftTest {

    private static final TypeDefinitionRegistry GATEWAY = parse(Path.of("src/main/resources/graphql"));

    /** Gateway type -> service module and the service's type it mirrors. */
    private static final Map<String, Mirror> MIRRORS = Map.ofEntries(
            Map.entry("Organisation", new Mirror("partners-service", "Organisation")),
            Map.entry("Plan", new Mirror("plans-service", "Plan")),
            Map.entry("Area", new Mirror("indicators-service", "Area")),
            Map.entry("AreaRef", new Mirror("indicators-service", "Area")),
            Map.entry("ContractSummary", new Mirror("contracts-service", "Contract")),
            Map.entry("StrategySummary", new Mirror("contracts-service", "CommissioningStrategy")),
            Map.entry("ActivitySummary", new Mirror("plans-service", "Activity")),
            Map.entry("ExceptionCounts", new Mirror("plans-service", "ExceptionCounts")),
            Map.entry("ActivitySummaryRef", new Mirror("plans-service", "Activity")),
            Map.entry("StatusReport", new Mirror("plans-service", "ProgressUpdate")),
            Map.entry("OverdueMilestoneEntry", new Mirror("plans-service", "OverdueMilestone")),
            Map.entry("MilestoneSummary", new Mirror("plans-service", "Milestone")),
            Map.entry("RatedContract", new Mirror("contracts-service", "Contract")),
            Map.entry("MissedTarget", new Mirror("indicators-service", "Target")),
            Map.entry("ContractDecisionSummary", new Mirror("contracts-service", "ContractDecision")),
            Map.entry("ContractRef", new Mirror("contracts-service", "Contract")),
            Map.entry("AreaName", new Mirror("indicators-service", "Area")),
            Map.entry("IndicatorName", new Mirror("indicators-service", "Indicator")),
            Map.entry("ComparisonOutcomeOnly", new Mirror("indicators-service", "Comparison")),
            Map.entry("TrendAssessmentOnly", new Mirror("indicators-service", "Trend")),
            Map.entry("AreaIndicators", new Mirror("indicators-service", "AreaIndicatorProfile")),
            Map.entry("AreaIndicator", new Mirror("indicators-service", "ProfileEntry")),
            Map.entry("IndicatorSummary", new Mirror("indicators-service", "Indicator")),
            Map.entry("LatestValue", new Mirror("indicators-service", "IndicatorValue")),
            Map.entry("PeriodLabel", new Mirror("indicators-service", "Period")),
            Map.entry("ComparisonSummary", new Mirror("indicators-service", "Comparison")),
            Map.entry("TrendSummary", new Mirror("indicators-service", "Trend")),
            Map.entry("LatestStatus", new Mirror("plans-service", "ProgressUpdate")),
            Map.entry("AreaContract", new Mirror("contracts-service", "ContractServingArea")),
            Map.entry("AreaContractSummary", new Mirror("contracts-service", "Contract")),
            Map.entry("RatingSummary", new Mirror("contracts-service", "PerformanceRating")),
            Map.entry("ThemeSummary", new Mirror("plans-service", "Theme")),
            Map.entry("ObjectiveSummary", new Mirror("plans-service", "Objective")),
            Map.entry("LeverAreaPartnership", new Mirror("partners-service", "Partnership")),
            Map.entry("PartnershipMemberSummary", new Mirror("partners-service", "PartnershipMember")),
            Map.entry("PartnerSummary", new Mirror("partners-service", "Partner")));

    record Mirror(String module, String type) {
    }

    static Stream<Arguments> mirroredTypes() {
        return MIRRORS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "gateway {0} matches {1}")
    @MethodSource("mirroredTypes")
    void everyMirroredFieldExistsInTheServiceWithACompatibleType(String gatewayType, Mirror mirror) {
        TypeDefinitionRegistry service = parse(Path.of("..", mirror.module(), "src/main/resources/graphql"));
        ObjectTypeDefinition ours = GATEWAY.getType(gatewayType, ObjectTypeDefinition.class).orElseThrow();
        // a service interface (partners' Partner) promises its fields as an object type does
        List<FieldDefinition> theirFields = service.getType(mirror.type())
                .map(type -> type instanceof ObjectTypeDefinition object ? object.getFieldDefinitions()
                        : type instanceof InterfaceTypeDefinition anInterface ? anInterface.getFieldDefinitions() : null)
                .orElseThrow(() -> new AssertionError(mirror.module() + " has no object or interface type " + mirror.type()));

        List<String> problems = new ArrayList<>();
        for (FieldDefinition field : ours.getFieldDefinitions()) {
            FieldDefinition serviceField = theirFields.stream()
                    .filter(candidate -> candidate.getName().equals(field.getName())).findFirst().orElse(null);
            if (serviceField == null) {
                problems.add(field.getName() + ": " + mirror.module() + " has no such field on " + mirror.type());
            } else if (!compatible(field.getType(), serviceField.getType(), service)) {
                problems.add(field.getName() + ": gateway says " + describe(field.getType()) + ", "
                        + mirror.module() + " says " + describe(serviceField.getType()));
            }
        }
        assertThat(problems).as("%s drifted from %s.%s", gatewayType, mirror.module(), mirror.type()).isEmpty();
    }

    /** Whether a value the service returns for its type can always be returned as the gateway's type. */
    private static boolean compatible(Type<?> ours, Type<?> theirs, TypeDefinitionRegistry service) {
        if (ours instanceof NonNullType nonNull) {
            return theirs instanceof NonNullType theirsNonNull && compatible(nonNull.getType(), theirsNonNull.getType(), service);
        }
        Type<?> theirsNullable = theirs instanceof NonNullType nonNull ? nonNull.getType() : theirs;
        if (ours instanceof ListType list) {
            return theirsNullable instanceof ListType theirsList && compatible(list.getType(), theirsList.getType(), service);
        }
        if (!(ours instanceof TypeName ourName) || !(theirsNullable instanceof TypeName theirName)) {
            return false;
        }
        if (ourName.getName().equals(theirName.getName())) {
            return true;
        }
        Mirror mirror = MIRRORS.get(ourName.getName());
        if (mirror != null) {
            return mirror.type().equals(theirName.getName());
        }
        // A service enum or ID reaches the gateway as its name: a String there loses nothing.
        boolean serviceEnum = service.getType(theirName.getName()).map(t -> t instanceof graphql.language.EnumTypeDefinition).orElse(false);
        return ourName.getName().equals("String") && (serviceEnum || theirName.getName().equals("ID"))
                || ourName.getName().equals("ID") && theirName.getName().equals("String");
    }

    private static String describe(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return describe(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + describe(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    private static TypeDefinitionRegistry parse(Path schemaDir) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(schemaDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registry;
    }
}
