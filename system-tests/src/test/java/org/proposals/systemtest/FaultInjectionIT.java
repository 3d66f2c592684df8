package org.proposals.systemtest;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaBroker;
import org.proposals.infra.LocalPostgres;
import org.proposals.systemtest.PatientClient.Answer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proposals flow through all four services while, one after the other, each of the five deployables is killed
 * with SIGKILL and started again, the Kafka broker is stopped and started, and PostgreSQL is restarted. At the end
 * every proposal is in exactly its expected state in every service: none lost, none applied twice, no event left
 * in an outbox, no dead letter.
 *
 * <p>The platform runs on a PostgreSQL server and a broker of this test's own, which it stops and starts. The
 * short form (CI) drives at least {@value #DEFAULT_PROPOSALS} proposals, and more if the faults are not over by
 * then; {@code -Dfault.proposals=1000} runs the full one, {@code -Dfault.workers} sets how many proposals are in
 * flight at once.
 */
class FaultInjectionIT {

    private static final int DEFAULT_PROPOSALS = 50;
    private static final int PROPOSALS = Integer.getInteger("fault.proposals", DEFAULT_PROPOSALS);
    private static final int WORKERS = Integer.getInteger("fault.workers", 6);
    /** How long a fault lasts for PostgreSQL and the broker, and how long the flow runs between two faults. */
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Duration START_WITHIN = Duration.ofMinutes(4);
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final String UNIT = "miit";
    private static final String HANDLER = "handler-miit-sme";
    private static final String PROPOSER = "member-zhang";
    /** Each proposal's events in proposal-service's timeline, once each, in whatever order they crossed. */
    private static final List<String> TIMELINE = List.of("ProposalSubmitted", "ProposalFiled", "ProposalAssigned", "AssignmentSigned",
            "CaseOpened", "ResponsibilityAssigned", "ContactRecorded", "ReplySubmittedForReview", "ReplyApproved", "ReplyDelivered", "SatisfactionRecorded");

    private static final Path WORK = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize()
            .resolve("system-tests/target/fault-injection");

    private static LocalPostgres postgres;
    private static KafkaBroker broker;
    private static PlatformProcesses platform;
    private static PatientClient client;

    /** What the client did for one proposal: the records it made, as the services named them. */
    private record Handled(int number, String proposalId, String assignmentId, String caseId, String replyId) {
    }

    /** One fault: when it began, when its target was back, and when every service was ready again. */
    private record Fault(String what, Instant began, Duration down, Duration recovered, int proposalsDone) {
    }

    @BeforeAll
    static void startPlatformOnItsOwnInfrastructure() throws Exception {
        deleteRecursively(WORK);
        // a loaded machine (CI's two cores) can take well over a minute to start either again
        postgres = LocalPostgres.builder().dataDir(WORK.resolve("pgdata")).port(PlatformProcesses.freePort())
                .databases(List.of()).startTimeout(START_WITHIN).start();
        int kafkaPort = PlatformProcesses.freePort();
        int controllerPort = PlatformProcesses.freePort();
        broker = KafkaBroker.builder().dataDir(WORK.resolve("kafka")).port(kafkaPort)
                .controllerPort(controllerPort != kafkaPort ? controllerPort : PlatformProcesses.freePort())
                .startTimeout(START_WITHIN).start();
        platform = new PlatformProcesses(postgres.jdbcBaseUrl(), broker.bootstrapServers())
                .withLogs(WORK.resolve("service-logs")).start();
        client = new PatientClient(platform::tokenFor);
    }

    @AfterAll
    static void stopAll() {
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyProposalEndsInItsExpectedStateInEveryServiceThroughKillsAndRestarts() throws Exception {
        long started = System.nanoTime();
        String sessionId = openSession();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean faultsOver = new AtomicBoolean();
        Map<Integer, Handled> handled = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> flows = new ArrayList<>();
        // each worker takes the next proposal as long as the minimum is not reached or faults are still to come,
        // so that every fault hits a running flow however fast the machine
        for (int w = 0; w < WORKERS; w++) {
            flows.add(workers.submit(() -> {
                for (int n = next.incrementAndGet(); n <= PROPOSALS || !faultsOver.get(); n = next.incrementAndGet()) {
                    handled.put(n, handle(sessionId, n));
                    if (done.incrementAndGet() % 10 == 0) {
                        log(done.get() + " proposals through");
                    }
                }
                return null;
            }));
        }
        workers.shutdown();

        // faults begin once a proposal is through (or a flow failed, which ends the test), each after a stretch of
        // undisturbed flow: spread over the run, the n-th of them once n/(faults + 1) of the proposals are through
        await().atMost(Duration.ofMinutes(3)).until(() -> done.get() > 0 || flows.stream().anyMatch(Future::isDone));
        List<Callable<Fault>> toInject = new ArrayList<>();
        for (String service : PlatformProcesses.SERVICES) {
            toInject.add(() -> killAndRestart(service, done));
            if (service.equals("proposal-service")) {
                toInject.add(() -> restart("Kafka broker", broker::stop, broker::start, done));
            }
            if (service.equals("reply-service")) {
                toInject.add(() -> restart("PostgreSQL", postgres::stop, postgres::start, done));
            }
        }
        List<Fault> faults = new ArrayList<>();
        for (Callable<Fault> fault : toInject) {
            awaitProgress(done, PROPOSALS * (faults.size() + 1) / (toInject.size() + 1), flows);
            faults.add(fault.call());
        }
        faultsOver.set(true);
        for (Future<?> flow : flows) {
            flow.get(10 + PROPOSALS / 60, TimeUnit.MINUTES);
        }
        report(faults, handled.size(), Duration.ofNanos(System.nanoTime() - started));

        List<Handled> all = handled.values().stream().sorted(Comparator.comparingInt(Handled::number)).toList();
        assertTrue(all.size() >= PROPOSALS, all.size() + " proposals");
        // the last events may still be on their way: each proposal is given until one shared deadline to settle
        // (checking a thousand proposals takes minutes of its own: one found past the deadline is checked once)
        long settled = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (Handled h : all) {
            long left = settled - System.nanoTime();
            if (left > Duration.ofSeconds(2).toNanos()) {
                await().atMost(Duration.ofNanos(left)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertFinalState(h));
            } else {
                assertFinalState(h);
            }
        }
        assertEachRecordedOnce(all.size());
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertStatistics(all.size()));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(FaultInjectionIT::assertOutboxesEmpty);
        assertNoDeadLetters();
        assertNoEventAuditedTwice();
    }

    /** A flow that failed ends the test at once, with its cause. */
    /** Lets the flow run until {@code target} proposals are through; a flow that failed ends the test at once. */
    private static void awaitProgress(AtomicInteger done, int target, List<Future<?>> flows) throws Exception {
        while (done.get() < target) {
            failFast(flows);
            PatientClient.sleep(500);
        }
        failFast(flows);
    }

    private static void failFast(List<Future<?>> flows) throws Exception {
        for (Future<?> flow : flows) {
            if (flow.isDone()) {
                flow.get();
            }
        }
    }

    // ---- the flow of one proposal, each step reading the state before changing it ----

    private static String openSession() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String body = """
                {"kind":"PROPOSAL","term":9,"sessionNumber":1,"year":%d,"name":"故障注入会议","plenaryStart":"%d-01-10",
                 "plenaryEnd":"%d-01-14","numberFormat":"{year}{seq:4}"}""".formatted(year, year, year);
        Answer opened = client.postJson("committee-wang", url("proposal-service", "/api/v1/sessions"), body);
        assertEquals(201, opened.status(), opened.body());
        return opened.json().getString("id");
    }

    private static Handled handle(String sessionId, int number) {
        String proposalId = importProposal(sessionId, number);
        fileIfNeeded(proposalId);
        String assignmentId = assign(proposalId);
        signFor(assignmentId);
        nameResponsibility(assignmentId);
        String caseId = awaitCaseWithHandler(proposalId);
        contactProposer(caseId);
        String replyId = draftReply(caseId);
        takeReplyToDelivery(caseId, replyId);
        rate(replyId);
        return new Handled(number, proposalId, assignmentId, caseId, replyId);
    }

    /** A one-row import: sent again after a lost answer, the row is reported ALREADY_IMPORTED with its proposal. */
    private static String importProposal(String sessionId, int number) {
        String csv = "title,content,proposerId,proposer\n"
                + "关于故障注入第" + number + "号提案的建议,建议加快中小企业数字化转型，完善产业集群公共服务平台。," + PROPOSER + ",张委员\n";
        String boundary = "fault-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proposals.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer report = client.send("committee-wang", "POST",
                url("proposal-service", "/api/v1/sessions/" + sessionId + "/imports?file=true"),
                "multipart/form-data; boundary=" + boundary, form.toByteArray());
        assertEquals(200, report.status(), report.body());
        return report.json().getString("results[0].proposalId");
    }

    private static void fileIfNeeded(String proposalId) {
        String proposal = url("proposal-service", "/api/v1/proposals/" + proposalId);
        until(() -> {
            if (!"SUBMITTED".equals(client.get("committee-wang", proposal).json().getString("status"))) {
                return true;
            }
            client.post("committee-wang", proposal + "/filing");
            return false;
        }, "proposal " + proposalId + " filed");
    }

    /** Assigned as soon as assignment-service has heard of the proposal; an assignment made already is found first. */
    private static String assign(String proposalId) {
        String body = """
                {"proposalId":"%s","units":[{"unitId":"%s","handlingType":"SOLE"}]}""".formatted(proposalId, UNIT);
        String[] id = new String[1];
        until(() -> {
            JsonPath found = client.get("committee-wang", url("assignment-service", "/api/v1/assignments?proposalId=" + proposalId)).json();
            if (found.getInt("total") > 0) {
                id[0] = found.getString("items[0].id");
                return true;
            }
            client.postJson("committee-wang", url("assignment-service", "/api/v1/assignments"), body);
            return false;
        }, "proposal " + proposalId + " assigned");
        return id[0];
    }

    private static void signFor(String assignmentId) {
        String assignment = url("assignment-service", "/api/v1/assignments/" + assignmentId);
        until(() -> {
            if ("SIGNED".equals(client.get("office-miit", assignment).json().getString("status"))) {
                return true;
            }
            client.post("office-miit", assignment + "/sign-for");
            return false;
        }, "assignment " + assignmentId + " signed for");
    }

    private static void nameResponsibility(String assignmentId) {
        String assignment = url("assignment-service", "/api/v1/assignments/" + assignmentId);
        until(() -> {
            if (HANDLER.equals(client.get("office-miit", assignment).json().getString("handlerId"))) {
                return true;
            }
            client.putJson("office-miit", assignment + "/responsibility", """
                    {"divisionId":"miit-sme","bureauHeadId":"leader-miit","deputyHeadId":"deputy-miit",
                     "divisionHeadId":"head-miit-sme","handlerId":"%s"}""".formatted(HANDLER));
            return false;
        }, "assignment " + assignmentId + " given its handler");
    }

    private static String awaitCaseWithHandler(String proposalId) {
        String[] id = new String[1];
        until(() -> {
            JsonPath cases = client.get("committee-wang", url("reply-service", "/api/v1/cases?proposalId=" + proposalId)).json();
            if (cases.getInt("total") > 0 && HANDLER.equals(cases.getString("items[0].responsibility.handler.id"))) {
                id[0] = cases.getString("items[0].id");
                return true;
            }
            return false;
        }, "case of proposal " + proposalId + " with its handler");
        return id[0];
    }

    /** The handler's call to the proposer, which a reply needs; logged once, as the draft below. */
    private static void contactProposer(String caseId) {
        String contacts = url("reply-service", "/api/v1/cases/" + caseId + "/contacts");
        until(() -> {
            if (client.get(HANDLER, contacts).json().getInt("total") > 0) {
                return true;
            }
            Answer logged = client.postJson(HANDLER, contacts, """
                    {"channel":"PHONE","contactedAt":"%s","participants":["周承办","张委员"],"summary":"电话沟通办理思路"}"""
                    .formatted(OffsetDateTime.now().minusSeconds(5)));
            assertTrue(logged.ok(), logged.body());
            return false;
        }, "proposer contacted on case " + caseId);
    }

    /** Drafted once: a draft whose answer was lost is found on the case before another is written. */
    private static String draftReply(String caseId) {
        String[] id = new String[1];
        until(() -> {
            List<String> replies = client.get("office-miit", url("reply-service", "/api/v1/cases/" + caseId)).json().getList("replies.id");
            if (!replies.isEmpty()) {
                id[0] = replies.get(0);
                return true;
            }
            Answer drafted = client.postJson(HANDLER, url("reply-service", "/api/v1/cases/" + caseId + "/replies"), """
                    {"resultCategory":"A","text":"%s","answers":["中小企业数字化转型"],
                     "measuresTaken":[{"description":"建成产业集群公共服务平台"}]}""".formatted(REPLY_TEXT));
            assertTrue(drafted.ok() || drafted.status() == 409, drafted.body());
            return false;
        }, "reply drafted on case " + caseId);
        return id[0];
    }

    /** Each step is the one the reply's state calls for; one whose answer was lost shows as done when it is read again. */
    private static void takeReplyToDelivery(String caseId, String replyId) {
        String reply = url("reply-service", "/api/v1/cases/" + caseId + "/replies/" + replyId);
        until(() -> {
            JsonPath state = client.get("office-miit", reply).json();
            Answer step = switch (state.getString("status")) {
                case "DRAFT" -> client.post(HANDLER, reply + "/submission");
                case "IN_REVIEW" -> "DIVISION_HEAD".equals(state.getString("reviewLevel"))
                        ? client.postJson("head-miit-sme", reply + "/reviews", "{\"decision\":\"APPROVE\"}")
                        : client.postJson("deputy-miit", reply + "/reviews", "{\"decision\":\"APPROVE\",\"disclosure\":\"FULL\"}");
                case "REVIEWED" -> client.post(HANDLER, reply + "/consultation");
                case "IN_CONSULTATION" -> client.postJson(PROPOSER, reply + "/consultation/answer", "{\"agrees\":true}");
                case "CONSULTED" -> client.post("deputy-miit", reply + "/approval");
                case "APPROVED" -> client.postJson("office-miit", reply + "/delivery", """
                        {"deliveredOn":"%s","channel":"POST"}""".formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
                case "DELIVERED" -> null;
                default -> throw new AssertionError("reply " + replyId + " unexpectedly " + state.getString("status"));
            };
            if (step == null) {
                return true;
            }
            // 409: the step was taken by a request whose answer was lost
            assertTrue(step.ok() || step.status() == 409, step.status() + " " + step.body());
            return false;
        }, "reply " + replyId + " delivered");
    }

    /** Rated once evaluation-service knows of the reply; a rating made already is found first. */
    private static void rate(String replyId) {
        String satisfaction = url("evaluation-service", "/api/v1/replies/" + replyId + "/satisfaction");
        until(() -> {
            if (client.get(PROPOSER, satisfaction).ok()) {
                return true;
            }
            client.postJson(PROPOSER, satisfaction, "{\"rating\":\"SATISFIED\"}");
            return false;
        }, "reply " + replyId + " rated");
    }

    /** Tries a step until it reports done; a step waiting for an event is tried again shortly. */
    private static void until(java.util.function.BooleanSupplier step, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!step.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 5 minutes: " + what);
            }
            PatientClient.sleep(300);
        }
    }

    // ---- the faults ----

    private static Fault killAndRestart(String service, AtomicInteger done) throws Exception {
        PatientClient.sleep(OUTAGE.toMillis());
        Instant began = Instant.now();
        long start = System.nanoTime();
        log("kill -9 " + service);
        platform.kill(service);
        platform.restart(service, READY_WITHIN);
        Duration down = Duration.ofNanos(System.nanoTime() - start);
        return recovered(service + " killed (SIGKILL) and restarted", began, start, down, done);
    }

    private static Fault restart(String what, Runnable stop, Runnable start, AtomicInteger done) throws Exception {
        PatientClient.sleep(OUTAGE.toMillis());
        Instant began = Instant.now();
        long started = System.nanoTime();
        log("stopping " + what);
        stop.run();
        PatientClient.sleep(OUTAGE.toMillis());
        log("starting " + what);
        start.run();
        Duration down = Duration.ofNanos(System.nanoTime() - started);
        return recovered(what + " stopped and started", began, started, down, done);
    }

    /** Waits until every service reports ready again (each readiness check covers its database and the broker). */
    private static Fault recovered(String what, Instant began, long start, Duration down, AtomicInteger done) throws InterruptedException {
        for (String service : PlatformProcesses.SERVICES) {
            platform.awaitReady(service, READY_WITHIN);
        }
        Duration recovered = Duration.ofNanos(System.nanoTime() - start);
        log(what + ": back after " + down.toMillis() + " ms, every service ready after " + recovered.toMillis() + " ms");
        return new Fault(what, began, down, recovered, done.get());
    }

    private static void report(List<Fault> faults, int proposals, Duration took) {
        StringBuilder report = new StringBuilder("Fault injection: ").append(proposals).append(" proposals, ")
                .append(WORKERS).append(" at a time, in ").append(took.toSeconds()).append(" s; ")
                .append(client.requests.get()).append(" requests, ")
                .append(client.retriesAfterConnectionFailure.get()).append(" sent again after a connection failure, ")
                .append(client.retriesAfterServerError.get()).append(" after a 5xx answer\n");
        faults.forEach(f -> report.append("  ").append(f.began()).append("  ").append(f.what()).append(": down ")
                .append(f.down().toMillis()).append(" ms, all ready after ").append(f.recovered().toMillis())
                .append(" ms; ").append(f.proposalsDone()).append(" proposals through\n"));
        log(report.toString());
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " [fault-injection] " + message);
    }

    // ---- the checks ----

    /** The proposal as each service must hold it at the end. */
    private static void assertFinalState(Handled h) {
        String where = "proposal " + h.number() + " (" + h.proposalId() + ")";
        JsonPath proposal = client.get("committee-wang", url("proposal-service", "/api/v1/proposals/" + h.proposalId())).json();
        assertEquals("EVALUATED", proposal.getString("status"), where);

        JsonPath assignments = client.get("committee-wang", url("assignment-service", "/api/v1/assignments?proposalId=" + h.proposalId())).json();
        assertEquals(1, assignments.getInt("total"), where + ": assignments");
        assertEquals(h.assignmentId(), assignments.getString("items[0].id"), where);
        assertEquals("SIGNED", assignments.getString("items[0].status"), where);
        assertTrue(assignments.getString("items[0].repliedAt") != null, where + ": reply reached assignment-service");

        JsonPath cases = client.get("committee-wang", url("reply-service", "/api/v1/cases?proposalId=" + h.proposalId())).json();
        assertEquals(1, cases.getInt("total"), where + ": cases");
        assertEquals("REPLIED", cases.getString("items[0].status"), where);
        assertEquals(List.of(h.replyId()), cases.getList("items[0].replies.id"), where + ": replies");
        assertEquals("DELIVERED", cases.getString("items[0].replies[0].status"), where);

        JsonPath rating = client.get(PROPOSER, url("evaluation-service", "/api/v1/replies/" + h.replyId() + "/satisfaction")).json();
        assertEquals("SATISFIED", rating.getString("rating"), where);
        assertEquals(1, rating.getInt("round"), where);

        // an event applied twice in proposal-service would stand twice in the timeline
        List<String> timeline = client.get(PROPOSER, url("proposal-service", "/api/v1/proposals/" + h.proposalId() + "/timeline"))
                .json().getList("type");
        assertEquals(TIMELINE.stream().sorted().toList(), timeline.stream().sorted().toList(), where + ": timeline " + timeline);
    }

    /** One row per proposal in each service's tables: nothing lost, nothing made twice. */
    private static void assertEachRecordedOnce(int proposals) throws SQLException {
        assertEquals(proposals, count("proposal-service", "SELECT count(*) FROM proposal"));
        assertEquals(proposals, count("assignment-service", "SELECT count(*) FROM assignment"));
        assertEquals(proposals, count("reply-service", "SELECT count(*) FROM handling_case"));
        assertEquals(proposals, count("reply-service", "SELECT count(*) FROM reply"));
        assertEquals(proposals, count("evaluation-service", "SELECT count(*) FROM satisfaction"));
    }

    /** evaluation-service counts each assignment, reply and rating once, from the events it applied. */
    private static void assertStatistics(int proposals) {
        JsonPath statistics = client.get("committee-wang", url("evaluation-service", "/api/v1/statistics?unitId=" + UNIT)).json();
        assertEquals(proposals, statistics.getInt("byHandlingType.SOLE"), statistics.prettify());
        assertEquals(proposals, statistics.getInt("needingReply"), statistics.prettify());
        assertEquals(proposals, statistics.getInt("replied"), statistics.prettify());
        assertEquals(proposals, statistics.getInt("ratings.SATISFIED"), statistics.prettify());
    }

    private static void assertOutboxesEmpty() throws SQLException {
        for (String service : PlatformProcesses.SERVICES) {
            assertEquals(0, count(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"),
                    service + ": events still waiting in the outbox");
        }
    }

    /** A change made on account of one event is audited once; twice would mean the event was applied twice. */
    private static void assertNoEventAuditedTwice() throws SQLException {
        for (String service : PlatformProcesses.SERVICES) {
            assertEquals(0, count(service, """
                    SELECT count(*) FROM (SELECT 1 FROM audit_record WHERE causation_id IS NOT NULL
                    GROUP BY causation_id, action, record_type, record_id HAVING count(*) > 1) twice"""), service);
        }
    }

    private static void assertNoDeadLetters() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<String> deadLetterTopics = PlatformProcesses.SERVICES.stream()
                    .map(service -> platform.topicPrefix() + service + ".dead-letter").toList();
            List<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(deadLetterTopics::contains).toList();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            admin.describeTopics(existing).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> records = admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
            records.values().removeIf(Predicate.isEqual(0L));
            assertEquals(Map.of(), records, "dead letters");
        }
    }

    private static long count(String service, String sql) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", LocalPostgres.SUPERUSER);
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service), credentials);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url(String service, String path) {
        return platform.url(service) + path;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static final String REPLY_TEXT = "我局认真研究委员提出的加快中小企业数字化转型、完善产业集群公共服务平台的建议，予以采纳。"
            + "一是出台中小企业数字化转型专项行动方案，对企业上云用数赋智给予补助；二是建成产业集群公共服务平台，"
            + "提供检验检测、工业设计、人才培训等服务；三是组织数字化服务商进园区、进集群对接活动二十场，服务企业一千余家；"
            + "四是设立数字化转型诊断服务专项，为三百家企业免费开展诊断。下一步我局将持续跟踪落实，按季度向委员通报工作进展。";
}
