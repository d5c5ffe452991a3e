package org.civicgraph.plans.due;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.plans.PlansProperties;
import org.civicgraph.plans.PlansServiceApplication;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.MovableClock;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.Race;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-driven events with a clock the test moves: milestones that became overdue and periods closed with missing
 * updates, announced exactly once on the topic with their type, key and data, even when several runners look at the
 * same time, and caught up after downtime. This context's background schedule looks every 250 ms, racing the runners
 * the test starts itself.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"civicgraph.plans.due-events.enabled=true", "civicgraph.plans.due-events.interval=250ms",
        "civicgraph.plans.due-events.initial-delay=0s"})
@Import(DueEventsTest.TestClock.class)
class DueEventsTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-20T09:00:00Z"), PlansServiceApplication.UK);
    private static final String OVERDUE = "org.civicgraph.plans.milestone.became-overdue.v1";
    private static final String CLOSED = "org.civicgraph.plans.plan.period-closed-with-missing-updates.v1";
    private static final String OWNER = "north-kesteven-dc";
    private static final String ADD_MILESTONE = "mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { activity { id } } }";
    private static final String CHANGE_MILESTONE = "mutation($input: ChangeMilestoneInput!) { changeMilestone(input: $input) { activity { id } } }";

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DueEventRunner runner;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PlansProperties properties;
    @Autowired
    List<DueOccasions> kinds;

    @Test
    void eachOccasionIsAnnouncedOnceWhateverTheRunnersAndCatchesUpAfterDowntime() throws Exception {
        PlansApi api = new PlansApi(port);
        GraphQlHttp editor = api.as(OWNER, "editor");
        awaitFirstLook();

        // A plan for 2024-2028 with three activities, and one that requires approval with one.
        String plan = api.createPlan(OWNER, false);
        String a1 = api.createActivity(OWNER, plan, "A1", "people-1");
        String a2 = api.createActivity(OWNER, plan, "A2", "people-2");
        String a3 = api.createActivity(OWNER, plan, "A3", "place-1");
        String approved = api.createPlan(PlansApi.with(api.newPlan(OWNER, false), "requiresApproval", true));
        String b1 = api.createActivity(OWNER, approved, "B1", "people-1");
        // A1: m1 fell due before the last look (15 June), m2 falls due on 31 July, m3 on 15 August but is met first.
        ok(editor.post(ADD_MILESTONE, Map.of("input", Map.of("activityId", a1, "text", "Already late", "dueDate", "2025-06-15"))));
        ok(editor.post(ADD_MILESTONE, Map.of("input", Map.of("activityId", a1, "text", "Pilot launched", "dueDate", "2025-07-31"))));
        ok(editor.post(ADD_MILESTONE, Map.of("input", Map.of("activityId", a1, "text", "Met in time", "dueDate", "2025-08-15"))));
        ok(editor.post(CHANGE_MILESTONE, Map.of("input", Map.of("activityId", a1, "milestoneId", "m3", "status", "MET"))));
        // A2: m1 falls due on 30 September, moved to 31 October.
        ok(editor.post(ADD_MILESTONE, Map.of("input", Map.of("activityId", a2, "text", "Contract let", "dueDate", "2025-09-30"))));
        ok(editor.post(CHANGE_MILESTONE, Map.of("input", Map.of("activityId", a2, "milestoneId", "m1", "revisedDueDate", "2025-10-31"))));
        // 2025/26 Q1 (April-June): A1 reports; B1's update is a draft nobody publishes.
        api.submitOk(OWNER, PlansApi.report(a1, "2025/26 Q1", "Green"));
        api.submitOk(OWNER, PlansApi.report(b1, "2025/26 Q1", "Green"));

        // Down from 20 June to 5 November: Q1 closed on 31 July, Q2 on 31 October; A1's m2 and A2's m1 became overdue.
        CLOCK.set(Instant.parse("2025-11-05T09:00:00Z"));
        DueEventRunner second = new DueEventRunner(mongo, kinds, properties, CLOCK, "second-instance");
        List<DueEventRunner.Report> reports = Race.atOnce(runner::runOnce, second::runOnce, runner::catchUp, second::catchUp);
        assertThat(reports).as("the runners holding no lease").anyMatch(report -> !report.skipped());
        for (DueOccasions kind : kinds) {
            assertThat(runner.checkedThrough(kind.kind())).as(kind.kind()).hasToString("2025-11-05");
        }
        // A second race the same day announces nothing new.
        Race.atOnce(runner::catchUp, second::catchUp, runner::runOnce, second::runOnce);

        Map<String, List<String>> announced = announcedAfterSentinels(editor, List.of(a1, a2, a3, b1), List.of(plan, approved));
        assertThat(announced).containsOnlyKeys(a1, a2, plan, approved);
        assertThat(announced.get(a1)).containsExactly("overdue m2 Pilot launched due=2025-07-31 revised=null fellDueOn=2025-07-31 "
                + "becameOverdueOn=2025-08-01 announcedOn=2025-11-05 status=SCHEDULED subject=plans/" + plan + "/activities/A1/milestones/m2");
        assertThat(announced.get(a2)).containsExactly("overdue m1 Contract let due=2025-09-30 revised=2025-10-31 fellDueOn=2025-10-31 "
                + "becameOverdueOn=2025-11-01 announcedOn=2025-11-05 status=SCHEDULED subject=plans/" + plan + "/activities/A2/milestones/m1");
        assertThat(announced.get(plan)).containsExactlyInAnyOrder(
                "closed 2025/26 Q1 2025-04-01..2025-06-30 dueBy=2025-07-30 closedOn=2025-07-31 announcedOn=2025-11-05 activities=3 "
                        + "missing=2 " + List.of(a2 + ":A2:false", a3 + ":A3:false") + " allListed=true subject=plans/" + plan + "/periods/2025-26-Q1",
                "closed 2025/26 Q2 2025-07-01..2025-09-30 dueBy=2025-10-30 closedOn=2025-10-31 announcedOn=2025-11-05 activities=3 "
                        + "missing=3 " + List.of(a1 + ":A1:false", a2 + ":A2:false", a3 + ":A3:false") + " allListed=true subject=plans/" + plan
                        + "/periods/2025-26-Q2");
        assertThat(announced.get(approved)).as("a draft is not a published update").containsExactlyInAnyOrder(
                "closed 2025/26 Q1 2025-04-01..2025-06-30 dueBy=2025-07-30 closedOn=2025-07-31 announcedOn=2025-11-05 activities=1 "
                        + "missing=1 " + List.of(b1 + ":B1:true") + " allListed=true subject=plans/" + approved + "/periods/2025-26-Q1",
                "closed 2025/26 Q2 2025-07-01..2025-09-30 dueBy=2025-10-30 closedOn=2025-10-31 announcedOn=2025-11-05 activities=1 "
                        + "missing=1 " + List.of(b1 + ":B1:false") + " allListed=true subject=plans/" + approved + "/periods/2025-26-Q2");
    }

    @Test
    void theFirstLookGoesBackABoundedNumberOfDaysAndEachLookCatchesUpFromTheLastDayLookedAt() {
        List<LocalDate[]> asked = new ArrayList<>();
        AtomicReference<Boolean> complete = new AtomicReference<>(true);
        DueOccasions probe = new DueOccasions() {
            @Override
            public String kind() {
                return "TEST_PROBE";
            }

            @Override
            public Outcome announce(LocalDate from, LocalDate through) {
                asked.add(new LocalDate[]{from, through});
                return new Outcome(0, complete.get());
            }
        };
        DueEventRunner probing = new DueEventRunner(mongo, List.of(probe), properties, CLOCK, "probe");
        LocalDate today = LocalDate.now(CLOCK.withZone(PlansServiceApplication.UK));

        probing.catchUp();
        probing.catchUp();
        CLOCK.set(CLOCK.instant().plus(Duration.ofDays(3)));
        complete.set(false);
        probing.catchUp();
        complete.set(true);
        probing.catchUp();

        assertThat(asked).extracting(days -> days[0] + ".." + days[1]).containsExactly(
                today.minusDays(properties.dueEvents().initialLookBackDays()) + ".." + today,
                today + ".." + today,
                today + ".." + today.plusDays(3),
                today + ".." + today.plusDays(3));
        assertThat(probing.checkedThrough("TEST_PROBE")).isEqualTo(today.plusDays(3));
    }

    /** The background schedule looks at start-up; the test's records are made after that first look. */
    private void awaitFirstLook() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (kinds.stream().anyMatch(kind -> runner.checkedThrough(kind.kind()) == null)) {
            assertThat(System.nanoTime()).as("the first scheduled look").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void ok(GraphQlHttp.Response response) {
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    /**
     * Every time-driven event of the test's records on the topic. A last change to each activity and plan after all the
     * looks goes on the topic behind any event the looks caused (same key, same partition), so once those are read,
     * every duplicate there could be has been read too.
     */
    private Map<String, List<String>> announcedAfterSentinels(GraphQlHttp editor, List<String> activities, List<String> plans) {
        for (String id : activities) {
            ok(editor.post("mutation($id: ID!) { updateActivity(input: {id: $id, note: \"Sentinel\"}) { activity { id } } }", Map.of("id", id)));
        }
        for (String id : plans) {
            ok(editor.post("mutation($id: ID!) { updatePlan(input: {id: $id, title: \"Sentinel\"}) { plan { id } } }", Map.of("id", id)));
        }
        Set<String> keys = new java.util.HashSet<>(activities);
        keys.addAll(plans);
        try (TopicReader reader = PlansApi.topic()) {
            for (String id : activities) {
                PlansApi.await(reader, "org.civicgraph.plans.activity.changed.v1", id);
            }
            for (String id : plans) {
                PlansApi.await(reader, "org.civicgraph.plans.plan.updated.v1", id);
            }
            return reader.seen().stream()
                    .filter(record -> keys.contains(record.key()) && Set.of(OVERDUE, CLOSED).contains(TopicReader.header(record, "ce_type")))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(DueEventsTest::describe, Collectors.toList())));
        }
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        DocumentContext data = JsonPath.parse(PlansApi.value(record));
        String subject = " subject=" + TopicReader.header(record, "ce_subject");
        if (OVERDUE.equals(TopicReader.header(record, "ce_type"))) {
            assertThat(data.<String>read("$.activityId")).isEqualTo(record.key());
            return "overdue " + data.read("$.milestoneId") + " " + data.read("$.text") + " due=" + data.read("$.dueDate")
                    + " revised=" + data.read("$.revisedDueDate") + " fellDueOn=" + data.read("$.fellDueOn")
                    + " becameOverdueOn=" + data.read("$.becameOverdueOn") + " announcedOn=" + data.read("$.announcedOn")
                    + " status=" + data.read("$.status") + subject;
        }
        assertThat(data.<String>read("$.planId")).isEqualTo(record.key());
        assertThat(data.<String>read("$.ownerOrganisation")).isEqualTo(OWNER);
        List<String> missing = data.<List<Map<String, Object>>>read("$.missingUpdates").stream()
                .map(entry -> entry.get("activityId") + ":" + entry.get("reference") + ":" + entry.get("awaitingApproval")).toList();
        return "closed " + data.read("$.period") + " " + data.read("$.periodStart") + ".." + data.read("$.periodEnd")
                + " dueBy=" + data.read("$.updatesDueBy") + " closedOn=" + data.read("$.closedOn") + " announcedOn=" + data.read("$.announcedOn")
                + " activities=" + data.read("$.activities") + " missing=" + data.read("$.missingCount") + " " + missing
                + " allListed=" + data.read("$.allListed") + subject;
    }
}
