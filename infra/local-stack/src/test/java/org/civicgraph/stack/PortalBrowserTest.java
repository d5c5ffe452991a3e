package org.civicgraph.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal in a real headless Chromium (Debian's {@code chromium}, driven by playwright-core from the portal's
 * npm dependencies) against the whole stack started once, as the README's run command starts it. Each test runs
 * one scenario of {@code portal/e2e/portal.e2e.mjs}, which also saves a screenshot of each main page and runs
 * axe-core on it into {@code target/portal-e2e}. Skipped when Chromium, Node or the portal's npm packages are
 * missing; {@code .ci/run} installs Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    private static final Path PORTAL = Path.of("../../portal").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path OUT = Path.of("target/portal-e2e").toAbsolutePath();

    private static LocalStack stack;
    private static Path dataDir;

    @BeforeAll
    static void startStack() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM + ": apt-get install chromium (.ci/run does)");
        assumeTrue(nodeWorks(), "No node on the PATH");
        assumeTrue(Files.isDirectory(PORTAL.resolve("node_modules/playwright-core")), "The portal's npm packages are not installed: build the portal module first");
        Files.createDirectories(OUT);
        dataDir = Files.createTempDirectory("civicgraph-portal-e2e");
        stack = new LocalStack(Path.of("../.."), dataDir, StackPorts.free(), message -> System.out.println("[stack] " + message));
        stack.start(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (dataDir != null) {
            LocalStack.deleteRecursively(dataDir);
        }
    }

    @Test
    @Order(1)
    void aDistrictEditorReportsProgressAndAMissingExplanationIsShownNextToTheField() throws Exception {
        run("district-editor-reports-progress");
    }

    @Test
    @Order(2)
    void anEditorOfAnotherDistrictSeesNoEditControlAndAForgedEditIsRefused() throws Exception {
        run("other-district-cannot-edit");
    }

    @Test
    @Order(3)
    void thePublicViewHidesInternalFields() throws Exception {
        run("public-view");
    }

    @Test
    @Order(4)
    void longListsArePagedWithTheApisCursors() throws Exception {
        run("long-lists-page-by-page");
    }

    @Test
    @Order(5)
    void anAdminOfThePlansOwnerPublishesADraftThatOthersCannotPublish() throws Exception {
        run("approver-publishes-draft");
    }

    @Test
    @Order(6)
    void aUserSignsInThroughAnOpenIdConnectProviderWithPkce() throws Exception {
        run("provider-sign-in");
    }

    @Test
    @Order(7)
    void aStoppedServiceGivesAPartialPageThatSaysWhatIsMissing() throws Exception {
        stack.stop(App.CONTRACTS);
        run("stopped-service");
    }

    private static void run(String scenario) throws IOException, InterruptedException {
        Path log = OUT.resolve(scenario + ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/portal.e2e.mjs", scenario)
                .directory(PORTAL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("PORTAL_URL", stack.portalUrl());
        node.environment().put("ISSUER_URL", stack.issuer().issuerUri());
        node.environment().put("OUT", OUT.toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(finished).as("scenario %s finished within 3 minutes", scenario).isTrue();
        assertThat(process.exitValue()).as("scenario %s:%n%s", scenario, output).isZero();
    }

    private static boolean nodeWorks() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
