package org.civicgraph.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/local-stack/run [--reset] [--data DIR]}: starts the stack, prints where everything is, and stops it
 * all on Ctrl-C. Data stays in the data folder ({@code .civicgraph-data}) between runs unless {@code --reset}.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        Path root = Path.of(System.getProperty("civicgraph.root", ".")).toAbsolutePath().normalize();
        int dataIndex = arguments.indexOf("--data");
        Path dataDir = dataIndex >= 0 ? Path.of(arguments.get(dataIndex + 1)) : root.resolve(".civicgraph-data");
        if (arguments.contains("--reset")) {
            log("Removing " + dataDir + " (--reset)");
            LocalStack.deleteRecursively(dataDir);
        }

        long started = System.nanoTime();
        LocalStack stack = new LocalStack(root, dataDir, StackPorts.standard(), LocalStackMain::log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("Stopping CivicGraph...");
            stack.close();
            log("Stopped.");
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            log("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        printWhereEverythingIs(stack, dataDir, (System.nanoTime() - started) / 1e9);
        stopped.await();
    }

    private static void printWhereEverythingIs(LocalStack stack, Path dataDir, double seconds) {
        StackPorts ports = stack.ports();
        String gateway = "http://127.0.0.1:" + ports.of(App.GATEWAY);
        System.out.printf("""

                CivicGraph is running: all six applications healthy %.1f s after start.
                  Portal                  %s/  (sign in with any demo organisation and role)
                  GraphQL API (gateway)   %s/graphql
                  Query console           %s/console.html
                  Health                  %s/actuator/health  (services: ports %d-%d, same path)
                  Webhooks                http://127.0.0.1:%d/graphql  (registerWebhook; http:// endpoints on 127.0.0.1 allowed here)
                  Metrics                 %s/actuator/prometheus
                  Development tokens      %s/token?organisation=boston-bc&roles=editor
                  Kafka                   127.0.0.1:%d     MongoDB  mongodb://127.0.0.1:%d
                  Data and logs           %s  (start with --reset to wipe)
                Try:  curl -s %s/graphql -H 'Content-Type: application/json' \\
                        -d '{"query":"{ areaProfile(code: \\"E07000136\\") { area { name } partners { organisation { name } } plans { plan { title } } } }"}'
                Press Ctrl-C to stop everything.

                """, seconds, gateway, gateway, gateway, gateway, ports.of(App.PLANS), ports.of(App.WEBHOOKS), ports.of(App.WEBHOOKS), gateway,
                stack.issuer().issuerUri(), ports.kafka(), ports.mongo(), dataDir, gateway);
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + message);
    }
}
