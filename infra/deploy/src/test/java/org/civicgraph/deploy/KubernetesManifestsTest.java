package org.civicgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.deploy.Yamls.get;
import static org.civicgraph.deploy.Yamls.list;
import static org.civicgraph.deploy.Yamls.map;
import static org.civicgraph.deploy.Yamls.string;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/** Checks the plain manifests in k8s/, parsed as YAML, without needing a cluster. */
class KubernetesManifestsTest {

    private static final Path K8S_DIR = Path.of("k8s");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String NAMESPACE = "civicgraph";
    private static final String CONFIG_MAP = "civicgraph-config";
    private static final String SECRET = "civicgraph-secrets";

    /** Every document of every manifest file, i.e. everything except the kustomization. */
    private static List<Map<String, Object>> resources;

    @BeforeAll
    static void loadManifests() {
        resources = new ArrayList<>();
        manifestFiles().forEach(file -> resources.addAll(Yamls.loadAll(K8S_DIR.resolve(file))));
    }

    // --- kustomization and namespace -------------------------------------------------------

    @Test
    void kustomizationListsEveryManifestFileOnceAndSetsTheNamespace() {
        Map<String, Object> kustomization = Yamls.load(K8S_DIR.resolve(KUSTOMIZATION));

        assertThat(list(kustomization, "resources")).containsExactlyInAnyOrderElementsOf(manifestFiles());
        assertThat(kustomization.get("namespace")).isEqualTo(NAMESPACE);
    }

    @Test
    void namespaceIsDefinedAndNoResourcePointsElsewhere() {
        assertThat(resource("Namespace", NAMESPACE)).isNotNull();
        assertThat(resources).allSatisfy(resource ->
                assertThat(map(resource, "metadata").getOrDefault("namespace", NAMESPACE)).isEqualTo(NAMESPACE));
    }

    // --- every application -----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void deploymentRunsItsReplicasOfTheImageOnTheAppPort(CivicGraphApp app) {
        Map<String, Object> container = container(app);

        assertThat(string(deployment(app), "spec", "replicas")).isEqualTo(String.valueOf(app.replicas()));
        assertThat(container.get("image")).isEqualTo(app.image());
        assertThat(list(container, "ports")).extracting(port -> string(port, "containerPort"))
                .containsExactly(String.valueOf(app.port()));
        assertThat(envValue(container, "SERVER_PORT")).contains(String.valueOf(app.port()));
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void probesUseTheActuatorHealthGroupsOnTheContainerPort(CivicGraphApp app) {
        Map<String, Object> container = container(app);

        assertThat(string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(string(container, "startupProbe", "httpGet", "path")).startsWith("/actuator/health/");
        Stream.of("livenessProbe", "readinessProbe", "startupProbe").forEach(probe ->
                assertThat(resolvePort(container, get(container, probe, "httpGet", "port")))
                        .as("%s port", probe).isEqualTo(app.port()));
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void containerHasCpuAndMemoryRequestsAndLimits(CivicGraphApp app) {
        Map<String, Object> resourceSettings = map(container(app), "resources");

        Stream.of("requests", "limits").forEach(kind ->
                assertThat(map(resourceSettings, kind)).as(kind).containsKeys("cpu", "memory"));
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void clusterIpServiceSelectsThePodsAndTargetsTheContainerPort(CivicGraphApp app) {
        Map<String, Object> service = resource("Service", app.serviceName());
        Map<String, Object> servicePort = Yamls.asMap(list(service, "spec", "ports").get(0), "Service port");

        assertThat(string(service, "spec", "type")).isEqualTo("ClusterIP");
        assertThat(map(deployment(app), "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(map(service, "spec", "selector"));
        assertThat(string(servicePort, "port")).isEqualTo(String.valueOf(app.port()));
        assertThat(resolvePort(container(app), servicePort.get("targetPort"))).isEqualTo(app.port());
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void podIsScrapedByPrometheusOnItsPort(CivicGraphApp app) {
        assertThat(map(deployment(app), "spec", "template", "metadata", "annotations"))
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(app.port()))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void runsAsNonRootOnReadOnlyRootFilesystemWithWritableTmp(CivicGraphApp app) {
        Map<String, Object> podSpec = map(deployment(app), "spec", "template", "spec");
        Map<String, Object> container = container(app);

        assertThat(get(podSpec, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(get(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        String tmpVolume = list(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(string(mount, "mountPath")))
                .map(mount -> string(mount, "name")).findFirst().orElseThrow();
        assertThat(list(podSpec, "volumes"))
                .anySatisfy(volume -> {
                    assertThat(string(volume, "name")).isEqualTo(tmpVolume);
                    assertThat(Yamls.asMap(volume, "volume")).containsKey("emptyDir");
                });
    }

    @ParameterizedTest
    @EnumSource(CivicGraphApp.class)
    void sharedSettingsComeFromTheConfigMap(CivicGraphApp app) {
        assertThat(list(container(app), "envFrom"))
                .anySatisfy(source -> assertThat(string(source, "configMapRef", "name")).isEqualTo(CONFIG_MAP));
    }

    // --- services with a database, and the gateway -----------------------------------------

    @ParameterizedTest
    @EnumSource(value = CivicGraphApp.class, names = CivicGraphApp.GATEWAY_NAME, mode = Mode.EXCLUDE)
    void mongoUriComesFromTheSecretAndNamesTheServicesOwnDatabase(CivicGraphApp app) {
        Map<String, Object> variable = envVar(container(app), "SPRING_MONGODB_URI").orElseThrow();
        Map<String, Object> secretRef = map(variable, "valueFrom", "secretKeyRef");
        assertThat(secretRef.get("name")).isEqualTo(SECRET);

        MongoUri uri = MongoUri.parse(string(resource("Secret", SECRET), "stringData", string(secretRef, "key")));
        assertThat(uri.database()).isEqualTo(app.database());
        assertThat(uri.options()).containsKey("replicaSet");
        assertThat(uri.hosts()).isNotEmpty();
    }

    @Test
    void theSingleWebhooksInstanceIsReplacedNotRolledSoTwoNeverDeliverAtOnce() {
        assertThat(string(deployment(CivicGraphApp.WEBHOOKS), "spec", "strategy", "type")).isEqualTo("Recreate");
    }

    @ParameterizedTest
    @EnumSource(value = CivicGraphApp.class, names = CivicGraphApp.GATEWAY_NAME, mode = Mode.EXCLUDE)
    void gatewayRoutesToTheServicesKubernetesService(CivicGraphApp app) {
        String url = envValue(container(CivicGraphApp.GATEWAY), app.gatewayUrlVariable()).orElseThrow();
        assertThat(url).isEqualTo(app.graphqlUrl());

        URI uri = URI.create(url);
        Map<String, Object> service = resource("Service", uri.getHost());
        assertThat(list(service, "spec", "ports"))
                .anySatisfy(port -> assertThat(string(port, "port")).isEqualTo(String.valueOf(uri.getPort())));
    }

    @Test
    void gatewayHasNoDatabase() {
        assertThat(envVar(container(CivicGraphApp.GATEWAY), "SPRING_MONGODB_URI")).isEmpty();
    }

    @Test
    void configMapHoldsKafkaIssuerLoggingAndIntrospectionSettings() {
        assertThat(map(resource("ConfigMap", CONFIG_MAP), "data"))
                .containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "JAVA_TOOL_OPTIONS")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .containsEntry("CIVICGRAPH_GRAPHQL_INTROSPECTION", "false");
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Names of the YAML files in k8s/ other than the kustomization itself. */
    private static List<String> manifestFiles() {
        try (Stream<Path> files = Files.list(K8S_DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.equals(KUSTOMIZATION))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + K8S_DIR.toAbsolutePath(), e);
        }
    }

    private static Map<String, Object> resource(String kind, String name) {
        List<Map<String, Object>> matches = resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .filter(resource -> name.equals(string(resource, "metadata", "name")))
                .toList();
        assertThat(matches).as("%s %s", kind, name).hasSize(1);
        return matches.get(0);
    }

    private static Map<String, Object> deployment(CivicGraphApp app) {
        return resource("Deployment", app.serviceName());
    }

    private static Map<String, Object> container(CivicGraphApp app) {
        List<Object> containers = list(deployment(app), "spec", "template", "spec", "containers");
        assertThat(containers).as("containers of %s", app.serviceName()).hasSize(1);
        Map<String, Object> container = Yamls.asMap(containers.get(0), "container");
        assertThat(container.get("name")).isEqualTo(app.serviceName());
        return container;
    }

    private static Optional<Map<String, Object>> envVar(Map<String, Object> container, String name) {
        return list(container, "env").stream()
                .map(variable -> Yamls.asMap(variable, "env entry"))
                .filter(variable -> name.equals(variable.get("name")))
                .findFirst();
    }

    private static Optional<String> envValue(Map<String, Object> container, String name) {
        return envVar(container, name).map(variable -> string(variable, "value"));
    }

    /** A probe or Service port given either as a number or as the name of a container port. */
    private static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return list(container, "ports").stream()
                .filter(containerPort -> String.valueOf(port).equals(Yamls.asMap(containerPort, "port").get("name")))
                .map(containerPort -> Integer.parseInt(string(containerPort, "containerPort")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No container port named " + port));
    }
}
