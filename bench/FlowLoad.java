import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latency scenario's load: proposals started at a fixed rate (open loop: a slow answer does not delay
 * the next start), each registered, filed and assigned to a lead and a co-handling unit. Assigning waits
 * for assignment-service to learn of the filing (ProposalFiled): it is retried after 20 ms, then after doubling
 * pauses of at most 500 ms, until accepted.
 *
 * <p>Run from source: {@code java bench/FlowLoad.java PROPOSAL-URL ASSIGNMENT-URL TOKEN SESSION RATE SECONDS}.
 * Prints what it did and one line {@code flow-result<TAB>started<TAB>assigned<TAB>failed<TAB>create-p50<TAB>create-p99<TAB>flow-p50<TAB>flow-p99}.
 */
public class FlowLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final long ASSIGN_RETRY_MIN_MS = 20;
    private static final long ASSIGN_RETRY_MAX_MS = 500;
    private static final Duration ASSIGN_GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final String proposals;
    private final String assignments;
    private final String token;
    private final String session;
    private final ConcurrentLinkedQueue<Long> createMillis = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> flowMillis = new ConcurrentLinkedQueue<>();
    private final AtomicInteger assigned = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    FlowLoad(String proposals, String assignments, String token, String session) {
        this.proposals = proposals;
        this.assignments = assignments;
        this.token = token;
        this.session = session;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java FlowLoad.java PROPOSAL-URL ASSIGNMENT-URL TOKEN SESSION RATE SECONDS");
            System.exit(2);
        }
        FlowLoad load = new FlowLoad(args[0], args[1], args[2], args[3]);
        load.run(Double.parseDouble(args[4]), Integer.parseInt(args[5]));
        System.exit(0);
    }

    void run(double rate, int seconds) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        CountDownLatch finished = new CountDownLatch(total);
        AtomicInteger started = new AtomicInteger();
        long period = Math.round(1_000_000_000 / rate);
        clock.scheduleAtFixedRate(() -> {
            int n = started.incrementAndGet();
            if (n > total) {
                return;
            }
            flow(n).whenComplete((ok, error) -> finished.countDown());
        }, 0, period, TimeUnit.NANOSECONDS);
        if (!finished.await(seconds + 60L, TimeUnit.SECONDS)) {
            System.out.println("flows still unfinished after the run: " + finished.getCount());
        }
        clock.shutdownNow();
        failures.stream().limit(5).forEach(f -> System.out.println("failure: " + f));
        System.out.printf("flow-result\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f%n", Math.min(started.get(), total),
                assigned.get(), failed.get(), percentile(createMillis, 50), percentile(createMillis, 99),
                percentile(flowMillis, 50), percentile(flowMillis, 99));
    }

    /** Registers, files and assigns one proposal. */
    private CompletableFuture<Void> flow(int n) {
        long start = System.nanoTime();
        String body = """
                {"sessionId":"%s","title":"关于建设城市公共数据开放平台的提案（时延%d-%d）",
                 "content":"建议统一公共数据开放标准，分批开放交通、气象、企业登记等数据。",
                 "proposer":{"id":"member-zhang","name":"张委员","sector":"经济界"},"topics":["INDUSTRY_CLUSTERS"]}"""
                .formatted(session, ProcessHandle.current().pid(), n);
        return send(post(proposals + "/api/v1/proposals", body))
                .thenCompose(created -> {
                    createMillis.add((System.nanoTime() - start) / 1_000_000);
                    String id = expect(created, "register");
                    return send(post(proposals + "/api/v1/proposals/" + id + "/filing", ""))
                            .thenApply(filed -> {
                                expect(filed, "file");
                                return id;
                            });
                })
                .thenCompose(id -> assign(id, System.nanoTime() + ASSIGN_GIVE_UP.toNanos(), ASSIGN_RETRY_MIN_MS))
                .thenRun(() -> {
                    flowMillis.add((System.nanoTime() - start) / 1_000_000);
                    assigned.incrementAndGet();
                })
                .exceptionally(error -> {
                    failed.incrementAndGet();
                    failures.add(error.getMessage());
                    return null;
                });
    }

    private CompletableFuture<Void> assign(String proposalId, long giveUpAt, long retryMillis) {
        String body = """
                {"proposalId":"%s","units":[{"unitId":"miit","unitName":"市工业和信息化局","handlingType":"LEAD"},
                 {"unitId":"drc","unitName":"市发展和改革委员会","handlingType":"CO_HANDLING"}]}""".formatted(proposalId);
        return send(post(assignments + "/api/v1/assignments", body)).thenCompose(response -> {
            if (response.statusCode() / 100 == 2) {
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("assign " + proposalId + ": " + response.statusCode() + " " + response.body());
            }
            // assignment-service has not applied ProposalFiled yet; doubling pauses keep the retries from
            // becoming the load
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(retryMillis, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> assign(proposalId, giveUpAt, Math.min(ASSIGN_RETRY_MAX_MS, retryMillis * 2)));
        });
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(step + ": " + response.statusCode() + " " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        return id.find() ? id.group(1) : "";
    }

    private static double percentile(ConcurrentLinkedQueue<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
