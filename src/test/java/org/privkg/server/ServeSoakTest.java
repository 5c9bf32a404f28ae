package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/**
 * Readers and a writer at once against one update server: every request is answered, and a reader
 * never sees half a policy while it is replaced (its practice count is the old version's or the new
 * one's). CI runs it for a few seconds; {@code bin/soak SECONDS CLIENTS} runs it longer and prints the
 * figures ({@code -Dprivkg.soak.seconds}, {@code -Dprivkg.soak.clients}).
 */
class ServeSoakTest {
    /** Two versions of one policy, with different numbers of practices. */
    static final String SMALL = "一、收集\n我们会[收集]您的<手机号码>。\n";
    static final String LARGE = "一、收集\n我们会[收集]您的<手机号码>。\n我们会[收集]您的<设备信息>。\n我们会[使用]您的<位置信息>。\n"
            + "我们会与(合作伙伴)[共享]您的<订单信息>。\n";
    static final String COUNT = "PREFIX pk: <https://w3id.org/privkg/ontology#> SELECT (COUNT(?p) AS ?n) "
            + "{ ?p a pk:DataPractice ; pk:inPolicy <https://w3id.org/privkg/id/policy/soak> }";

    @Test
    void readersNeverSeeHalfAPolicyWhileItIsReplaced() throws Exception {
        int seconds = Integer.getInteger("privkg.soak.seconds", 4);
        int clients = Integer.getInteger("privkg.soak.clients", 4);
        Running s = ServeFixture.start(List.of("game", "finance"), true, Duration.ofSeconds(30));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String auth = ServeFixture.basic("admin", ServeFixture.PASSWORD);
        String small = count(http, s, put(http, s, auth, SMALL));
        String large = count(http, s, put(http, s, auth, LARGE));
        Set<String> versions = Set.of(small, large);
        assertEquals(2, versions.size(), "the two versions differ: " + versions);

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong writes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Future<?>> running = new ArrayList<>();
        running.add(pool.submit(() -> {
            for (int i = 0; System.nanoTime() < end; i++) {
                long t0 = System.nanoTime();
                try {
                    put(http, s, auth, i % 2 == 0 ? SMALL : LARGE);
                    writes.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    problems.add("write: " + e.getMessage());
                }
                latencies.add(System.nanoTime() - t0);
            }
        }));
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        String n = countNow(http, s);
                        if (!versions.contains(n)) problems.add("a reader saw " + n + " practices, neither version " + versions);
                    } catch (Exception e) {
                        problems.add("read: " + e.getMessage());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "soak: %d clients + 1 writer for %d s: %d requests (%.0f/s), %d writes, p50 %.1f ms, p99 %.1f ms, "
                        + "%d problems%n", clients, seconds, sorted.size(), sorted.size() / (double) seconds, writes.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), problems.size());
        assertTrue(problems.isEmpty(), problems.stream().limit(10).toList().toString());
        assertTrue(writes.get() > 0 && sorted.size() > writes.get(), "both readers and the writer got through");
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1)))) / 1e6;
    }

    /** PUTs the policy text; returns the number of practices stored, from the server's answer. */
    private static int put(HttpClient http, Running s, String auth, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.url("/privkg/policies/soak")))
                .header("Authorization", auth).header("Content-Type", "text/plain; charset=utf-8").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        var m = java.util.regex.Pattern.compile("\"practices\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Integer.parseInt(m.group(1));
    }

    private static String count(HttpClient http, Running s, int expected) throws Exception {
        String n = countNow(http, s);
        assertEquals(Integer.toString(expected), n, "the server's count agrees with what it said it stored");
        return n;
    }

    private static String countNow(HttpClient http, Running s) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.url("/privkg/sparql?query=" + ServeFixture.enc(COUNT))))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return r.body().lines().skip(1).findFirst().orElse("").strip();
    }
}
