package io.ieim.cli;

import io.ieim.devstack.DemoTokens;
import io.ieim.devstack.StackConfig;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ieim bench-review-queue}: latency of the reviewer API's queue list over a large review
 * backlog. Seeds N open items into the decision projection (as the JDBC sink would), starts a
 * benchmark instance of the API (no rate limit), pages through a queue with the API's cursor and
 * prints the latency distribution. The seeded rows are removed afterwards.
 */
@Command(name = "bench-review-queue", description = "Benchmark the reviewer API's queue list over N open review items.")
final class BenchQueueCommand implements Callable<Integer> {

    private static final String[] QUEUES = {"REVIEW_CLASSIFICATION", "REVIEW_IDENTITY", "CLAIMS_INTAKE", "LEGAL", "COMPLAINTS"};
    private static final Pattern NEXT = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    @Option(names = "--items", defaultValue = "100000", description = "Open review items to seed (default 100000).")
    int items;

    @Option(names = "--requests", defaultValue = "600", description = "Measured queue-list requests (default 600).")
    int requests;

    @Option(names = "--limit", defaultValue = "50", description = "Page size (default 50).")
    int limit;

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant seededAt = Instant.now();
        seed(config, run);
        System.out.printf(Locale.ROOT, "seeded %d open review items in %.1f s%n", items,
                Duration.between(seededAt, Instant.now()).toMillis() / 1000.0);
        try {
            ReviewApi.ensureRunning(config, ReviewApi.benchProcess(config), ReviewApi.benchPort(config), Duration.ofSeconds(180),
                    Map.of("IEIM_API_RATE_LIMIT_ENABLED", "false"));
            String base = "http://127.0.0.1:" + ReviewApi.benchPort(config) + "/api/v1";
            String token = DemoTokens.issue(config, "reviewer");
            HttpClient http = HttpClient.newHttpClient();
            String queue = QUEUES[0];
            // warm-up: JIT, connection pool, PostgreSQL caches
            page(http, token, base, queue, null, 100);
            List<Long> firstPages = new ArrayList<>();
            List<Long> deepPages = new ArrayList<>();
            List<Long> summaries = new ArrayList<>();
            String cursor = null;
            for (int i = 0; i < requests; i++) {
                if (i % 3 == 0) {
                    long t = System.nanoTime();
                    get(http, token, base + "/queues");
                    summaries.add(System.nanoTime() - t);
                }
                long t = System.nanoTime();
                String body = page(http, token, base, queue, cursor, 1);
                long took = System.nanoTime() - t;
                (cursor == null ? firstPages : deepPages).add(took);
                Matcher next = NEXT.matcher(body);
                cursor = next.find() && i % 20 != 19 ? next.group(1) : null; // walk 20 pages deep, then start over
            }
            List<Long> all = new ArrayList<>(firstPages);
            all.addAll(deepPages);
            System.out.printf(Locale.ROOT, "queue list  GET /queues/%s/items?limit=%d over %d open items: %d requests, %s%n",
                    queue, limit, items, all.size(), stats(all));
            System.out.printf(Locale.ROOT, "  first pages %s; later pages (cursor) %s%n", stats(firstPages), stats(deepPages));
            System.out.printf(Locale.ROOT, "queue summary GET /queues: %d requests, %s%n", summaries.size(), stats(summaries));
            System.out.println("(one client, sequential requests over HTTP on 127.0.0.1; API and PostgreSQL on the same machine)");
            return 0;
        } finally {
            ReviewApi.benchProcess(config).stop(Duration.ofSeconds(30));
            try (Connection db = connect(config); Statement st = db.createStatement()) {
                st.executeUpdate("DELETE FROM ieim_review.decision_projection WHERE message_id LIKE '" + run + "%'");
            }
        }
    }

    private String page(HttpClient http, String token, String base, String queue, String cursor, int times) throws Exception {
        String body = "";
        for (int i = 0; i < times; i++) {
            body = get(http, token, base + "/queues/" + queue + "/items?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        }
        return body;
    }

    private static String get(HttpClient http, String token, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6);
    }

    private static Connection connect(StackConfig config) throws java.sql.SQLException {
        return DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(), config.postgresPassword());
    }

    /** COPY the rows in: the shape the JDBC sink writes, spread over queues and ten days of arrivals. */
    private void seed(StackConfig config, String run) throws Exception {
        StringBuilder csv = new StringBuilder(items * 200);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < items; i++) {
            String queue = QUEUES[i % 10 < 6 ? 0 : 1 + i % QUEUES.length % (QUEUES.length - 1)];
            csv.append(run).append(i).append(",1,GENERAL_INQUIRY,{GENERAL_INQUIRY},{},").append(queue)
                    .append(",REVIEW,NOT_FOUND,{},true,{LOW_CONFIDENCE},0.4,R7-review-classification,bench,")
                    .append(String.format("%064x", i)).append(',').append(start.plusSeconds(i * 8L)).append('\n');
        }
        try (Connection db = connect(config)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY ieim_review.decision_projection (message_id, decision_version,"
                    + " primary_intent, intents, risk_flags, queue, action, identity_status, identity_unmatched_references, needs_review,"
                    + " review_reasons, confidence, rule_fired, ruleset_version, decision_hash, received_at) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
            try (Statement st = db.createStatement()) {
                st.execute("ANALYZE ieim_review.decision_projection");
            }
        }
    }
}
