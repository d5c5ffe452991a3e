package org.civicgraph.bench;

import org.civicgraph.stack.App;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The CPU time of the benchmark JVM's descendant processes at one moment, by what each process is: the CivicGraph
 * gateway's JVM, the four services' JVMs, Hive Gateway's and Apollo Gateway's node processes. Other descendants (the
 * Kafka broker) are left out, and so is the benchmark JVM itself, with the embedded MongoDB and the direct client in
 * it. Reads {@link ProcessHandle.Info#totalCpuDuration()}, which Linux reports for one's own processes.
 */
final class ProcessCpu {

    static final String GATEWAY = "gateway";
    static final String SERVICES = "services";
    static final String HIVE = "hive";
    static final String APOLLO = "apollo";

    private static final List<Rule> RULES = rules();
    private static final AtomicBoolean NOTED_MISSING_CPU = new AtomicBoolean();

    /** Process id to its group and CPU time so far. */
    private final Map<Long, Usage> processes;

    private ProcessCpu(Map<Long, Usage> processes) {
        this.processes = processes;
    }

    static ProcessCpu now() {
        Map<Long, Usage> processes = new HashMap<>();
        ProcessHandle.current().descendants().forEach(process -> usage(process).ifPresent(usage -> processes.put(process.pid(), usage)));
        return new ProcessCpu(processes);
    }

    /** Each group's CPU time from {@code before} to this moment; a process started in between counts in full. */
    Map<String, Duration> since(ProcessCpu before) {
        Map<String, Duration> groups = new HashMap<>();
        processes.forEach((pid, usage) -> {
            Usage earlier = before.processes.get(pid);
            Duration spent = earlier == null ? usage.cpu() : usage.cpu().minus(earlier.cpu());
            groups.merge(usage.group(), spent, Duration::plus);
        });
        return groups;
    }

    private static Optional<Usage> usage(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<String> group = group(info);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> cpu = info.totalCpuDuration();
        if (cpu.isEmpty() && NOTED_MISSING_CPU.compareAndSet(false, true)) {
            System.out.println("  note: no CPU time reported for process " + process.pid() + " (" + group.get() + "); it is left out of the CPU columns");
        }
        return cpu.map(time -> new Usage(group.get(), time));
    }

    static Optional<String> group(ProcessHandle.Info info) {
        String executable = info.command().map(command -> Path.of(command).getFileName().toString()).orElse("");
        String commandLine = info.commandLine().orElse("");
        return RULES.stream().filter(rule -> rule.matches(executable, commandLine)).map(Rule::group).findFirst();
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(GATEWAY, "java", executableJar(App.GATEWAY)));
        for (App service : List.of(App.PLANS, App.CONTRACTS, App.INDICATORS, App.PARTNERS)) {
            rules.add(new Rule(SERVICES, "java", executableJar(service)));
        }
        // the scripts PeerGateways starts with node
        rules.add(new Rule(HIVE, "node", pathEndingIn("@graphql-hive/gateway/dist/bin.js")));
        rules.add(new Rule(APOLLO, "node", pathEndingIn("apollo.mjs")));
        return rules;
    }

    /** The jar LocalStack starts an application from: {@code <module>-<version>-exec.jar}. */
    private static Pattern executableJar(App app) {
        return word(Pattern.quote(app.module() + "-") + "[^/\\s]*-exec\\.jar");
    }

    private static Pattern pathEndingIn(String path) {
        return word(Pattern.quote(path));
    }

    /** A word of the command line, or the end of a path in it. */
    private static Pattern word(String regex) {
        return Pattern.compile("(^|[/\\s])" + regex + "(\\s|$)");
    }

    /**
     * A kind of process: its executable's name starts with {@code executable} (so that a shell or npx wrapping the
     * actual process is not counted as well), and its command line holds {@code marker}.
     */
    private record Rule(String group, String executable, Pattern marker) {
        boolean matches(String executableName, String commandLine) {
            return executableName.startsWith(executable) && marker.matcher(commandLine).find();
        }
    }

    private record Usage(String group, Duration cpu) {
    }
}
