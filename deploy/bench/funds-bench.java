// The funds-service benchmark (see funds.sh beside it, which builds the classpath and runs this file
// with Java's source launcher). It starts its own Kafka broker, a fresh database `funds_bench` on the
// PostgreSQL the tests use, and the packaged funds-service as a child process, then measures:
//   commitments     award.requested events from 64 concurrent senders against one hot fund,
//                   committed per second end to end, and checks that nothing is over-committed
//   reconciliation  GET /api/v1/reconciliation (JSON and CSV) over 1,000,000 payments seeded with SQL
//   statement       POST /api/v1/reconciliation/statements with a 100,000-line statement
// Everything it starts it stops; it sends traffic only to 127.0.0.1.

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grantflow.infra.FreePorts;
import org.grantflow.infra.KafkaBroker;
import org.grantflow.infra.Postgres;
import org.grantflow.infra.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FundsBench {

    static final Logger LOG = Logger.getLogger("funds-bench");
    /** How often a wait looks at the database again. */
    static final Duration POLL = Duration.ofMillis(20);
    static final String DATABASE = "funds_bench";
    static final String YEAR = "2027/28";
    static final LocalDate YEAR_START = LocalDate.of(2027, 4, 1);
    static final LocalDate SPEND_BY = LocalDate.of(2028, 2, 29);
    static final ObjectMapper JSON = new ObjectMapper();

    final Path repo;
    final Postgres postgres;
    final Tokens tokens;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;
    String bootstrap;

    FundsBench(Path repo, Postgres postgres, Tokens tokens) {
        this.repo = repo;
        this.postgres = postgres;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = args.length == 0 ? List.of("commitments", "reconciliation", "statement")
                : Arrays.asList(args);
        Path repo = Path.of("").toAbsolutePath();
        Path jar = repo.resolve("funds-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + "; build funds-service first");
        }
        Path work = Files.createTempDirectory("funds-bench");
        Postgres postgres = Postgres.connectOrStartEmbedded(null);
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        FundsBench bench = new FundsBench(repo, postgres, Tokens.withKeysIn(work.resolve("jwt")));
        say("load before: %s", loadAverage());
        try (KafkaBroker broker = new KafkaBroker(work.resolve("kafka"), FreePorts.next(), FreePorts.next()).start()) {
            bench.bootstrap = broker.bootstrapServers();
            int port = FreePorts.next();
            bench.base = "http://127.0.0.1:" + port;
            Process service = bench.startService(jar, work, port);
            bench.service = service;
            try {
                bench.awaitReady(service);
                for (String scenario : scenarios) {
                    switch (scenario) {
                        case "commitments" -> bench.commitments(intProperty("awards", 20_000),
                                intProperty("producers", 64));
                        case "reconciliation" -> bench.reconciliation();
                        case "statement" -> bench.statement();
                        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                    }
                }
            } finally {
                service.destroy();
                if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        } finally {
            say("load after: %s", loadAverage());
            postgres.close();
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- commitments

    /**
     * Awards of £1,000 against one fund whose budget takes three quarters of them: 64 producers each
     * send their share one at a time, waiting for the broker's acknowledgement (64 requests in flight).
     * A warm-up round against another fund comes first, so that the service's JIT has compiled.
     */
    void commitments(int awards, int producers) throws Exception {
        say("== commitments: %d award.requested events from %d concurrent senders, one hot fund", awards,
                producers);
        int warmUp = Math.max(2_000, awards / 10);
        String warmFund = createFund("BENCH-WARM", null, new BigDecimal(warmUp).multiply(new BigDecimal("1000.00")));
        sendAwards(warmFund, warmUp, producers);
        awaitProcessed(warmUp, Duration.ofMinutes(5));
        say("warm-up: %d awards decided", warmUp);

        int fits = awards * 3 / 4;
        BigDecimal budget = new BigDecimal(fits).multiply(new BigDecimal("1000.00"));
        String fund = createFund("BENCH-HOT", null, budget);
        Ticks cpuBefore = cpu();
        Instant start = Instant.now();
        Map<UUID, Instant> sent = sendAwards(fund, awards, producers);
        Instant allSent = Instant.now();
        awaitProcessed(warmUp + awards, Duration.ofMinutes(10));
        Instant done = Instant.now();
        awaitPublished(Duration.ofMinutes(10));
        Instant published = Instant.now();
        Cpu used = cpu().since(cpuBefore);

        try (Connection db = postgres.connect(DATABASE)) {
            List<Duration> latencies = new ArrayList<>();
            Instant lastCommit = start;
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT bid_id, committed_at FROM commitment WHERE fund_id = ?")) {
                q.setObject(1, UUID.fromString(fund));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Instant committedAt = rs.getTimestamp(2).toInstant();
                        latencies.add(Duration.between(sent.get((UUID) rs.getObject(1)), committedAt));
                        lastCommit = committedAt.isAfter(lastCommit) ? committedAt : lastCommit;
                    }
                }
            }
            Collections.sort(latencies);
            long committed = latencies.size();
            long refused = count(db, "SELECT count(*) FROM outbox_event WHERE type = 'grantflow.commitment.refused.v1'"
                    + " AND envelope LIKE '%" + fund + "%'");
            double commitSeconds = Duration.between(start, lastCommit).toNanos() / 1e9;
            double allSeconds = Duration.between(start, done).toNanos() / 1e9;
            say("sent %d events in %.2f s (%.0f/s)", awards, Duration.between(start, allSent).toNanos() / 1e9,
                    awards / (Duration.between(start, allSent).toNanos() / 1e9));
            say("committed %d in %.2f s from the first send: %.0f commitments/s", committed, commitSeconds,
                    committed / commitSeconds);
            say("all %d decided (committed + refused) in %.2f s: %.0f decisions/s", committed + refused, allSeconds,
                    (committed + refused) / allSeconds);
            say("every answer (commitment.made / refused) published to Kafka by the outbox relay %.2f s after the "
                    + "first send: %.0f answers/s", Duration.between(start, published).toNanos() / 1e9,
                    awards / (Duration.between(start, published).toNanos() / 1e9));
            say("send-to-commit latency: p50 %d ms, p99 %d ms, max %d ms", percentile(latencies, 50),
                    percentile(latencies, 99), percentile(latencies, 100));
            say("%s; per award decided: service %.2f ms, PostgreSQL %.2f ms, all three %.2f ms", used,
                    used.service() * 1000 / awards, used.postgres() * 1000 / awards,
                    (used.service() + used.postgres() + used.bench()) * 1000 / awards);
            check(committed == fits, "committed " + committed + " awards, expected exactly " + fits);
            check(refused == awards - fits, "refused " + refused + " awards, expected " + (awards - fits));
            checkSums(db, fund, budget);
            say("checked: committed = budget = %s, never more; ledger, lines and balance agree", budget);
        }
    }

    /**
     * 64 senders share one producer, as the award requests of grants-service leave through its one
     * outbox relay; each waits for the broker's acknowledgement before sending its next request.
     */
    Map<UUID, Instant> sendAwards(String fund, int awards, int senders) throws Exception {
        Map<UUID, Instant> sent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<Void>> done = new ArrayList<>();
            for (int p = 0; p < senders; p++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < awards; i = next.getAndIncrement()) {
                        UUID bid = UUID.randomUUID();
                        Instant now = Instant.now();
                        sent.put(bid, now);
                        ProducerRecord<String, String> record = new ProducerRecord<>("grants.bid.events",
                                bid.toString(), awardRequested(bid, fund, i, now));
                        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        producer.send(record).get();
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return sent;
    }

    KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static String awardRequested(UUID bid, String fund, int n, Instant now) {
        return """
                {"specversion":"1.0","id":"%s","source":"/grantflow/bench","type":"grantflow.award.requested.v1",\
                "subject":"%s","time":"%s","datacontenttype":"application/json","data":{"bidId":"%s",\
                "roundId":"9a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d","roundName":"Benchmark round","fundId":"%s",\
                "organisationId":"bench-org-%d","organisationName":"Benchmark Organisation %d",\
                "title":"Benchmark award %d","amount":"1000.00","amountRequested":"1200.00",\
                "profile":[{"financialYear":"%s","amount":"1000.00"}],"spendBy":"%s","projectEndDate":"2028-03-31",\
                "requestedBy":"bench","requestedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), bid, now, bid, fund, n % 500, n % 500, n, YEAR, SPEND_BY, now);
    }

    void awaitProcessed(long expected, Duration limit) throws Exception {
        try (Connection db = postgres.connect(DATABASE)) {
            await("funds-service deciding " + expected + " awards").atMost(limit).pollInterval(POLL)
                    .until(() -> count(db, "SELECT count(*) FROM processed_event") >= expected);
        }
    }

    void awaitPublished(Duration limit) throws Exception {
        try (Connection db = postgres.connect(DATABASE)) {
            await("the outbox emptied").atMost(limit).pollInterval(POLL)
                    .until(() -> count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        }
    }

    /** The fund-year's balance row, ledger entries and commitment lines agree, within the budget. */
    void checkSums(Connection db, String fund, BigDecimal budget) throws SQLException {
        String where = " WHERE fund_id = '" + fund + "' AND financial_year = '" + YEAR + "'";
        BigDecimal committed = money(db, "SELECT committed FROM fund_year_balance" + where);
        check(committed.compareTo(budget) <= 0, "over-committed: " + committed + " against " + budget);
        check(committed.compareTo(budget) == 0, "committed " + committed + ", expected all of " + budget);
        check(money(db, "SELECT budget FROM fund_year_balance" + where).compareTo(budget) == 0, "budget moved");
        check(money(db, "SELECT COALESCE(sum(amount), 0) FROM ledger_entry" + where
                + " AND kind = 'COMMITMENT_MADE'").compareTo(committed) == 0, "ledger disagrees with the balance");
        check(money(db, "SELECT COALESCE(sum(l.committed), 0) FROM commitment_line l JOIN commitment c"
                + " ON c.id = l.commitment_id WHERE c.fund_id = '" + fund + "'").compareTo(committed) == 0,
                "commitment lines disagree with the balance");
    }

    // ---------------------------------------------------------------- reconciliation

    static final int AWARDS = 10_000;
    static final int PAYMENTS = 1_000_000;
    static final int PAYMENTS_PER_DAY = 2_740;
    String reconciliationFund;

    /** 10,000 awards with 100 payments each (1,000,000), seeded with SQL, then the report read over HTTP. */
    void reconciliation() throws Exception {
        say("== reconciliation: one fund-year with %,d awards and %,d payments", AWARDS, PAYMENTS);
        seedPayments();
        String url = base + "/api/v1/reconciliation?fund=" + reconciliationFund + "&financialYear=2027-28";
        for (String accept : List.of("application/json", "text/csv")) {
            List<Long> times = new ArrayList<>();
            String body = null;
            Ticks cpuBefore = cpu();
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + tokens.staff("finance")).header("Accept", accept)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                check(response.statusCode() == 200, "reconciliation answered " + response.statusCode());
                times.add(ms); // the first request warms the service up
                body = response.body();
            }
            Cpu used = cpu().since(cpuBefore);
            long first = times.remove(0);
            Collections.sort(times);
            say("GET reconciliation (%s, %,d bytes): first (cold) %d ms; the next 5: fastest %d ms, median %d ms, "
                    + "slowest %d ms; %s", accept, body.length(), first, times.get(0), times.get(2), times.get(4), used);
            if (accept.equals("application/json")) {
                JsonNode report = JSON.readTree(body);
                check(report.get("awards").size() == AWARDS, "report has " + report.get("awards").size() + " awards");
                check(new BigDecimal(report.get("paid").asText()).compareTo(new BigDecimal("50000000.00")) == 0,
                        "report paid " + report.get("paid").asText());
                say("checked: %,d awards, paid %s, outstanding %s", report.get("awards").size(),
                        report.get("paid").asText(), report.get("outstanding").asText());
            } else {
                check(body.lines().count() == AWARDS + 2, "CSV has " + body.lines().count() + " lines");
            }
        }
    }

    void seedPayments() throws Exception {
        reconciliationFund = createFund("BENCH-RECON", "CC-BENCH", new BigDecimal("200000000.00"));
        long t0 = System.nanoTime();
        try (Connection db = postgres.connect(DATABASE); Statement s = db.createStatement()) {
            String fund = "'" + reconciliationFund + "'::uuid";
            s.execute("CREATE TEMP TABLE bench_award AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, "
                    + (AWARDS - 1) + ") n");
            s.execute("INSERT INTO commitment (id, bid_id, fund_id, round_name, organisation_id, organisation_name, "
                    + "title, amount, requested_by, committed_at, version, spend_by, project_end_date, amount_requested) "
                    + "SELECT id, gen_random_uuid(), " + fund + ", 'Benchmark round', 'bench-org-' || (n % 500), "
                    + "'Benchmark Organisation ' || (n % 500), 'Benchmark award ' || n, 10000.00, 'bench', now(), 0, "
                    + "DATE '" + SPEND_BY + "', DATE '2028-03-31', 12000.00 FROM bench_award");
            s.execute("INSERT INTO commitment_line (id, commitment_id, financial_year, committed, version) "
                    + "SELECT gen_random_uuid(), id, '" + YEAR + "', 10000.00, 0 FROM bench_award");
            s.execute("INSERT INTO payment (id, commitment_id, fund_id, organisation_id, financial_year, kind, amount, "
                    + "paid_on, finance_reference, timing, recorded_by, recorded_at, after_spend_by) "
                    + "SELECT gen_random_uuid(), a.id, " + fund + ", 'bench-org-' || (a.n % 500), '" + YEAR
                    + "', 'PAYMENT', 50.00, DATE '" + YEAR_START + "' + g / " + PAYMENTS_PER_DAY
                    + ", 'BENCH-' || lpad(g::text, 7, '0'), 'ARREARS', 'bench', now(), "
                    + "DATE '" + YEAR_START + "' + g / " + PAYMENTS_PER_DAY + " > DATE '" + SPEND_BY + "' "
                    + "FROM generate_series(0, " + (PAYMENTS - 1) + ") g JOIN bench_award a ON a.n = g % " + AWARDS);
            s.execute("INSERT INTO ledger_entry (id, fund_id, financial_year, kind, amount, reason, recorded_by, "
                    + "recorded_at, commitment_id) SELECT gen_random_uuid(), " + fund + ", '" + YEAR
                    + "', 'COMMITMENT_MADE', 10000.00, 'Benchmark award', 'bench', now(), id FROM bench_award");
            s.execute("INSERT INTO ledger_entry (id, fund_id, financial_year, kind, amount, reason, recorded_by, "
                    + "recorded_at, commitment_id) SELECT gen_random_uuid(), fund_id, financial_year, 'PAYMENT', "
                    + "amount, 'PAYMENT ' || finance_reference, 'bench', now(), commitment_id FROM payment "
                    + "WHERE fund_id = " + fund);
            s.execute("UPDATE commitment_line l SET paid = p.paid, last_paid_on = p.last, paid_after_spend_by = p.late "
                    + "FROM (SELECT commitment_id, sum(amount) AS paid, max(paid_on) AS last, "
                    + "COALESCE(sum(amount) FILTER (WHERE after_spend_by), 0) AS late FROM payment WHERE fund_id = "
                    + fund + " GROUP BY commitment_id) p WHERE l.commitment_id = p.commitment_id");
            s.execute("UPDATE fund_year_balance SET committed = committed + (SELECT sum(amount) FROM commitment "
                    + "WHERE fund_id = " + fund + "), paid = paid + (SELECT sum(amount) FROM payment WHERE fund_id = "
                    + fund + ") WHERE fund_id = " + fund + " AND financial_year = '" + YEAR + "'");
            s.execute("VACUUM ANALYZE");
        }
        say("seeded %,d awards and %,d payments (with their ledger entries) in %.1f s", AWARDS, PAYMENTS,
                (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- statement

    /**
     * A statement of the reconciliation fund's first 36 days (98,640 payments): 500 left out (only in
     * Grantflow), 500 with another amount, and lines unknown to Grantflow up to 100,000. Half the lines
     * name the fund's cost centre instead of its code; dates and amounts come in both written forms.
     */
    void statement() throws Exception {
        if (reconciliationFund == null) {
            seedPayments();
        }
        int days = 36;
        int inWindow = days * PAYMENTS_PER_DAY;
        int left = 500;
        int differ = 500;
        int lines = 100_000;
        int unknown = lines - (inWindow - left);
        StringBuilder csv = new StringBuilder("Date,Reference,Amount,Cost Centre,Narrative\r\n");
        try (Connection db = postgres.connect(DATABASE); PreparedStatement q = db.prepareStatement(
                "SELECT paid_on, finance_reference, amount FROM payment WHERE fund_id = ? AND paid_on < ? "
                        + "ORDER BY finance_reference")) {
            q.setObject(1, UUID.fromString(reconciliationFund));
            q.setObject(2, YEAR_START.plusDays(days));
            try (ResultSet rs = q.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    i++;
                    if (i <= left) {
                        continue;
                    }
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    BigDecimal amount = rs.getBigDecimal(3);
                    if (i <= left + differ) {
                        amount = amount.add(new BigDecimal("0.01"));
                    }
                    csv.append(statementLine(i, date, rs.getString(2), amount));
                }
                check(i == inWindow, "window holds " + i + " payments, expected " + inWindow);
            }
        }
        for (int i = 0; i < unknown; i++) {
            csv.append(statementLine(i, YEAR_START.plusDays(i % days), "FIN-ONLY-" + i, new BigDecimal("75.00")));
        }
        String body = csv.toString();
        say("== statement import: %,d lines (%,d bytes) against a fund with %,d payments", lines, body.length(),
                PAYMENTS);
        List<Long> times = new ArrayList<>();
        JsonNode result = null;
        Ticks cpuBefore = cpu();
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/reconciliation/statements"))
                    .header("Authorization", "Bearer " + tokens.staff("finance")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            check(response.statusCode() == 200, "statement answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
            times.add(ms);
            result = JSON.readTree(response.body());
        }
        say("POST statement: first (cold) %d ms; then %d ms, %d ms, %d ms", times.get(0), times.get(1), times.get(2),
                times.get(3));
        say("4 imports: %s", cpu().since(cpuBefore));
        int matched = inWindow - left - differ;
        check(result.get("lines").asInt() == lines, "read " + result.get("lines") + " lines");
        check(result.get("matched").size() == matched, "matched " + result.get("matched").size());
        check(result.get("amountDiffers").size() == differ, "differs " + result.get("amountDiffers").size());
        check(result.get("onlyInFinanceSystem").size() == unknown, "only in finance "
                + result.get("onlyInFinanceSystem").size());
        check(result.get("onlyInGrantflow").size() == left, "only in Grantflow " + result.get("onlyInGrantflow").size());
        say("checked: %,d matched, %d amount differs, %,d only in the finance system, %d only in Grantflow", matched,
                differ, unknown, left);
    }

    static String statementLine(int i, LocalDate date, String reference, BigDecimal amount) {
        String day = i % 2 == 0 ? date.toString()
                : "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        String money = i % 3 == 0 ? "\"£" + amount.toPlainString() + "\"" : amount.toPlainString();
        return day + "," + reference + "," + money + "," + (i % 2 == 0 ? "BENCH-RECON" : "CC-BENCH")
                + ",Grant payment\r\n";
    }

    // ---------------------------------------------------------------- plumbing

    Process startService(Path jar, Path work, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        String options = System.getenv("FUNDS_BENCH_SERVICE_OPTS"); // e.g. -XX:StartFlightRecording=...
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", work.resolve("jwt/public-key.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        builder.redirectErrorStream(true).redirectOutput(work.resolve("funds-service.log").toFile());
        say("funds-service log: %s", work.resolve("funds-service.log"));
        return builder.start();
    }

    void awaitReady(Process service) {
        await("funds-service ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!service.isAlive()) {
                        throw new IllegalStateException("funds-service stopped; see its log");
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException starting) {
                        return false;
                    }
                });
    }

    String createFund(String code, String costCentre, BigDecimal budget) throws Exception {
        Map<String, Object> fund = new HashMap<>(Map.of("code", code, "name", "Benchmark fund " + code,
                "fundingSource", "RESERVES", "ringFenced", false,
                "budgets", List.of(Map.of("financialYear", YEAR, "amount", budget.toPlainString()))));
        if (costCentre != null) {
            fund.put("costCentreCode", costCentre);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/funds"))
                .header("Authorization", "Bearer " + tokens.staff("finance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fund))).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == 201, "fund creation answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * CPU seconds used so far by the service process, by PostgreSQL's backends for the bench database,
     * and by this JVM (producers and broker), from /proc: on a machine shared with other work the wall
     * time depends on the load, the CPU time much less.
     */
    record Cpu(double service, double postgres, double bench) {

        @Override
        public String toString() {
            return "CPU s: service %.1f, PostgreSQL %.1f, bench JVM (producers, broker) %.1f".formatted(service,
                    postgres, bench);
        }
    }

    /** Ticks of the service, of each PostgreSQL backend of the bench database (by pid) and of this JVM. */
    record Ticks(long service, Map<Long, Long> postgres, long bench) {

        /** The CPU used since {@code before}; a backend that ended meanwhile is left out. */
        Cpu since(Ticks before) {
            long postgresTicks = 0;
            for (Map.Entry<Long, Long> backend : postgres.entrySet()) {
                postgresTicks += backend.getValue() - before.postgres.getOrDefault(backend.getKey(), 0L);
            }
            return new Cpu((service - before.service) / 100.0, postgresTicks / 100.0, (bench - before.bench) / 100.0);
        }
    }

    Process service;

    Ticks cpu() {
        Map<Long, Long> backends = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String pid = proc.getFileName().toString();
                if (pid.chars().allMatch(Character::isDigit)) {
                    try {
                        if (Files.readString(proc.resolve("cmdline")).contains(DATABASE)) {
                            backends.put(Long.parseLong(pid), ticks(proc));
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return new Ticks(ticks(Path.of("/proc", Long.toString(service.pid()))), backends,
                    ticks(Path.of("/proc/self")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime of a process, in clock ticks (100 a second on Linux). */
    static long ticks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static BigDecimal money(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static long percentile(List<Duration> sorted, int p) {
        int at = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, at)).toMillis();
    }

    static int intProperty(String name, int otherwise) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(otherwise)));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void check(boolean ok, String failure) {
        if (!ok) {
            throw new IllegalStateException("CHECK FAILED: " + failure);
        }
    }

    static void say(String format, Object... args) {
        LOG.info(format.formatted(args));
    }
}
