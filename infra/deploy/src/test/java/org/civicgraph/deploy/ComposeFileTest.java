package org.civicgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.deploy.Yamls.get;
import static org.civicgraph.deploy.Yamls.list;
import static org.civicgraph.deploy.Yamls.map;
import static org.civicgraph.deploy.Yamls.string;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks compose/compose.yaml, parsed as YAML (merge keys resolved), without needing Docker. */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("compose/compose.yaml");
    private static final String REPLICA_SET = "rs0";
    private static final List<String> MONGO_MEMBERS = List.of("mongo1", "mongo2", "mongo3");
    private static final List<String> TOPICS = List.of(
            "civicgraph.plans.v1", "civicgraph.contracts.v1", "civicgraph.indicators.v1", "civicgraph.partners.v1",
            "civicgraph.webhooks.v1");

    private static Map<String, Object> compose;

    @BeforeAll
    static void loadComposeFile() {
        compose = Yamls.load(COMPOSE_FILE);
    }

    // --- the six applications --------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void appRunsItsImageOnItsPortPublishedOnLoopbackOnly(CivicGraphApp app) {
        Map<String, Object> service = service(app.serviceName());

        assertThat(service.get("image")).isEqualTo(app.image());
        assertThat(environment(service)).containsEntry("SERVER_PORT", String.valueOf(app.port()));
        assertThat(list(service, "ports")).containsExactly("127.0.0.1:%1$d:%1$d".formatted(app.port()));
        assertThat(service.get("restart")).isEqualTo("unless-stopped");
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void appGetsKafkaIssuerLoggingAndIntrospectionSettings(CivicGraphApp app) {
        Map<String, String> env = environment(service(app.serviceName()));

        assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafkaAdvertisedAddress());
        assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .as("issuer must come from the environment and be required")
                .startsWith("${CIVICGRAPH_OIDC_ISSUER:?");
        assertThat(env).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .containsEntry("CIVICGRAPH_GRAPHQL_INTROSPECTION", "false")
                .containsKey("JAVA_TOOL_OPTIONS");
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void appHealthCheckRequestsReadinessOnItsOwnPort(CivicGraphApp app) {
        Map<String, Object> service = service(app.serviceName());
        Map<String, String> env = environment(service);

        assertThat(list(service, "healthcheck", "test")).isNotEmpty();
        assertThat(env).containsEntry("THC_PATH", "/actuator/health/readiness")
                .containsEntry("THC_PORT", String.valueOf(app.port()))
                .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
    }

    @ParameterizedTest
    @EnumSource(value = CivicGraphApp.class, names = CivicGraphApp.GATEWAY_NAME, mode = Mode.EXCLUDE)
    void serviceUsesItsOwnDatabaseOnTheReplicaSet(CivicGraphApp app) {
        MongoUri uri = MongoUri.parse(environment(service(app.serviceName())).get("SPRING_MONGODB_URI"));

        assertThat(uri.database()).isEqualTo(app.database());
        assertThat(uri.options()).containsEntry("replicaSet", REPLICA_SET);
        assertThat(uri.hosts()).containsExactlyInAnyOrderElementsOf(
                MONGO_MEMBERS.stream().map(member -> member + ":27017").toList());
    }

    @ParameterizedTest
    @EnumSource(value = CivicGraphApp.class, names = CivicGraphApp.GATEWAY_NAME, mode = Mode.EXCLUDE)
    void serviceStartsAfterReplicaSetAndTopicsAreReady(CivicGraphApp app) {
        Map<String, Object> service = service(app.serviceName());

        assertThat(dependencyCondition(service, "mongo-init")).isEqualTo("service_completed_successfully");
        assertThat(dependencyCondition(service, "kafka-init")).isEqualTo("service_completed_successfully");
    }

    @ParameterizedTest
    @EnumSource(value = CivicGraphApp.class, names = CivicGraphApp.GATEWAY_NAME, mode = Mode.EXCLUDE)
    void gatewayRoutesToServiceAndWaitsForItToBeHealthy(CivicGraphApp app) {
        Map<String, Object> gateway = service(CivicGraphApp.GATEWAY.serviceName());

        assertThat(environment(gateway)).containsEntry(app.gatewayUrlVariable(), app.graphqlUrl());
        assertThat(dependencyCondition(gateway, app.serviceName())).isEqualTo("service_healthy");
    }

    @Test
    void gatewayHasNoDatabase() {
        assertThat(environment(service(CivicGraphApp.GATEWAY.serviceName())))
                .doesNotContainKey("SPRING_MONGODB_URI");
    }

    // --- MongoDB replica set ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"mongo1", "mongo2", "mongo3"})
    void mongoMemberRunsWithReplSetAndKeepsDataInANamedVolume(String member) {
        Map<String, Object> service = service(member);

        assertThat(service.get("image")).isEqualTo("mongo:8.0");
        assertThat(argumentAfter(list(service, "command"), "--replSet")).isEqualTo(REPLICA_SET);
        assertThat(service).containsKey("healthcheck");
        String volume = String.valueOf(list(service, "volumes").get(0));
        assertThat(volume).endsWith(":/data/db");
        assertThat(map(compose, "volumes")).containsKey(volume.substring(0, volume.indexOf(':')));
    }

    @Test
    void mongoInitInitiatesTheReplicaSetWithAllMembersOnceTheyAreHealthy() {
        Map<String, Object> init = service("mongo-init");
        String script = script(init);

        assertThat(script).contains("rs.initiate", "_id: '" + REPLICA_SET + "'");
        MONGO_MEMBERS.forEach(member -> {
            assertThat(script).contains("host: '" + member + ":27017'");
            assertThat(dependencyCondition(init, member)).isEqualTo("service_healthy");
        });
        assertThat(init.get("restart")).isEqualTo("no");
    }

    // --- Kafka -----------------------------------------------------------------------------

    @Test
    void kafkaRunsInKraftModeWithReplicationFactorOne() {
        Map<String, Object> kafka = service("kafka");
        Map<String, String> env = environment(kafka);

        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.0");
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
        assertThat(env).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        assertThat(env.keySet()).noneMatch(key -> key.contains("ZOOKEEPER"));
        assertThat(map(compose, "services").keySet()).noneMatch(name -> name.contains("zookeeper"));
    }

    @Test
    void kafkaInitCreatesEveryTopicAndItsDeadLetterTopic() {
        Map<String, Object> init = service("kafka-init");
        List<String> words = List.of(script(init).split("[\\s;]+"));

        assertThat(environment(service("kafka"))).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(dependencyCondition(init, "kafka")).isEqualTo("service_healthy");
        assertThat(words).contains("--create", "--if-not-exists", "--replication-factor", "1");
        TOPICS.forEach(topic -> assertThat(words).contains(topic, topic + ".dlt"));
    }

    // --- whole file ------------------------------------------------------------------------

    @Test
    void usesTheComposeSpecificationWithoutObsoleteVersionKey() {
        assertThat(compose).doesNotContainKey("version").containsKey("services");
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        map(compose, "services").forEach((name, service) -> {
            Object ports = Yamls.asMap(service, name).get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as("ports of %s", name)
                        .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
            }
        });
    }

    @Test
    void everyLongRunningServiceRestartsUnlessStopped() {
        map(compose, "services").forEach((name, service) -> {
            Object restart = Yamls.asMap(service, name).get("restart");
            assertThat(restart).as("restart policy of %s", name)
                    .isEqualTo(name.endsWith("-init") ? "no" : "unless-stopped");
        });
    }

    // --- helpers ---------------------------------------------------------------------------

    private static Map<String, Object> service(String name) {
        return map(compose, "services", name);
    }

    /** A service's environment as text, whether written as a mapping or as a list of KEY=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = get(service, "environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof List<?> entries) {
            entries.stream().map(String::valueOf).map(entry -> entry.split("=", 2))
                    .forEach(keyValue -> env.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : null));
        } else {
            Yamls.asMap(environment, "environment").forEach((key, value) -> env.put(key, String.valueOf(value)));
        }
        return env;
    }

    private static String dependencyCondition(Map<String, Object> service, String dependency) {
        return string(service, "depends_on", dependency, "condition");
    }

    /** The command of a one-shot container, joined into one text. */
    private static String script(Map<String, Object> service) {
        return String.join("\n", list(service, "command").stream().map(String::valueOf).toList());
    }

    private static String argumentAfter(List<Object> command, String flag) {
        int index = command.indexOf(flag);
        assertThat(index).as("%s in %s", flag, command).isNotNegative().isLessThan(command.size() - 1);
        return String.valueOf(command.get(index + 1));
    }

    /** host:port of the broker's PLAINTEXT listener as advertised to clients. */
    private static String kafkaAdvertisedAddress() {
        String listeners = environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(listeners).startsWith("PLAINTEXT://");
        return listeners.split(",")[0].substring("PLAINTEXT://".length());
    }
}
