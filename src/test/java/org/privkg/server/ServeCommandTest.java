package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privkg.cli.CliRunner;
import org.privkg.cli.Main;
import org.privkg.fixture.Fixtures;
import org.privkg.store.PolicyStore;

/** The 'serve' command itself: what it refuses, its banner, SIGTERM, and a dataset held by another process. */
class ServeCommandTest {
    private final List<Path> dirs = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private Path dataset(String... policies) throws IOException {
        Path dir = Files.createTempDirectory("privkg-serve-cmd");
        dirs.add(dir);
        try (PolicyStore store = ServeFixture.load(dir, List.of(policies))) {
            return dir;
        }
    }

    @AfterEach
    void cleanUp() {
        for (Process p : processes) p.destroyForcibly();
        for (Path d : dirs) ServeFixture.deleteTree(d);
    }

    @Test
    void allowUpdateWithoutAPasswordRefusesToStartAndSaysWhy() throws Exception {
        assumeTrue(System.getenv("PRIVKG_PASSWORD") == null, "PRIVKG_PASSWORD is set in this environment");
        Path db = dataset("game");
        CliRunner r = CliRunner.run("serve", "--db", db.toString(), "--port", "0", "--allow-update");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--allow-update") && r.err().contains("PRIVKG_PASSWORD") && r.err().contains("--password-file"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aPasswordIsNeverTakenOnTheCommandLine() throws Exception {
        Path db = dataset("game");
        CliRunner r = CliRunner.run("serve", "--db", db.toString(), "--allow-update", "--password", "hunter2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("never taken on the command line"), r.err());
        assertFalse(r.err().contains("hunter2"), "the password is not echoed");
    }

    @Test
    void badOptionsAreBadUsage() throws Exception {
        Path db = dataset("game");
        assertEquals(2, CliRunner.run("serve", "--db", db.toString(), "--port", "70000").exit());
        assertEquals(2, CliRunner.run("serve", "--db", db.toString(), "--timeout", "-1").exit());
        CliRunner unit = CliRunner.run("serve", "--db", db.toString(), "--timeout", "3x");
        assertEquals(2, unit.exit());
        assertTrue(unit.err().contains("write e.g. 30s, 500ms, 2m"), unit.err());
        CliRunner missing = CliRunner.run("serve", "--db", db.toString(), "--allow-update", "--password-file", db.resolve("nope.txt").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        CliRunner noDb = CliRunner.run("serve", "--db", db.resolve("nothing-here").toString(), "--port", "0");
        assertEquals(1, noDb.exit());
        assertTrue(noDb.err().contains("no dataset"), noDb.err());
        CliRunner help = CliRunner.run("serve", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--allow-update") && help.out().contains("--timeout"), help.out());
    }

    /**
     * A real 'privkg serve' process: its banner lists the URLs, it answers over HTTP, a 'load' meanwhile
     * says plainly that the dataset is in use, and SIGTERM stops it cleanly, releasing the dataset.
     */
    @Test
    void servesUntilSigtermAndMeanwhileLoadSaysTheDatasetIsInUse() throws Exception {
        Path db = dataset("game");
        Path pw = db.resolveSibling(db.getFileName() + ".pw");
        Files.writeString(pw, ServeFixture.PASSWORD + "\n");
        dirs.add(pw);
        Process p = launch("serve", "--db", db.toString(), "--port", "0", "--allow-update", "--password-file", pw.toString());
        Lines out = new Lines(p.getInputStream());
        Lines err = new Lines(p.getErrorStream());
        List<String> banner = new ArrayList<>();
        String first = out.next(120);
        assertNotNull(first, () -> "no banner; stderr: " + err.drainQuietly());
        banner.add(first);
        Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1 port (\\d+)").matcher(first);
        assertTrue(m.find(), first);
        int port = Integer.parseInt(m.group(1));
        for (String line; (line = out.next(10)) != null && !line.startsWith("Stop with"); ) banner.add(line);
        String all = String.join("\n", banner);
        for (String path : List.of("/privkg/sparql", "/privkg/update", "/id/", "/ontology", "/.well-known/void")) {
            assertTrue(all.contains("http://127.0.0.1:" + port + path), "banner lists " + path + ":\n" + all);
        }

        HttpResponse<String> r = ServeFixture.get("http://127.0.0.1:" + port + "/id/policy/game", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());

        CliRunner load = CliRunner.run("load", "--db", db.toString(), Fixtures.policy("health").toString());
        assertEquals(1, load.exit(), load.err());
        assertTrue(load.err().contains("in use by another process"), load.err());
        assertFalse(load.err().contains("Exception"), load.err());

        // a command that only reads says how to ask the server instead, and that way works
        CliRunner local = CliRunner.run("query", "--db", db.toString(), "policies");
        assertEquals(1, local.exit(), local.err());
        assertTrue(local.err().contains("privkg query --service http://localhost:3030/privkg/sparql"), local.err());
        // so does 'check', the last step of README's first policy, pointing to the server's checks (not to loading)
        CliRunner check = CliRunner.run("check", "--db", db.toString(), "--policy", "game");
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.err().contains("/privkg/check?policy=ID") && !check.err().contains("load through"), check.err());
        CliRunner remote = CliRunner.run("query", "--service", "http://127.0.0.1:" + port + "/privkg/sparql", "policies", "--format", "csv");
        assertEquals(0, remote.exit(), remote.err());
        assertTrue(remote.out().startsWith("policyId,") && remote.out().contains("\r\ngame,"), remote.out());
        CliRunner bound = CliRunner.run("query", "--service", "http://127.0.0.1:" + port + "/privkg/sparql", "--format", "csv",
                "-e", "SELECT ?p WHERE { ?p pk:policyId ?id }", "--param", "id=game");
        assertEquals("p\r\nhttps://w3id.org/privkg/id/policy/game\r\n", bound.out(), bound.err());
        // and the examples of it in docs/server.md and docs/queries.md, run as written against this server
        List<String> examples = new ArrayList<>();
        for (String doc : List.of("docs/server.md", "docs/queries.md")) {
            Files.readAllLines(Path.of(doc)).stream().map(l -> l.replaceFirst("^bin/", ""))
                    .filter(l -> l.startsWith("privkg query --service http://localhost:3030/")).forEach(examples::add);
        }
        assertEquals(3, examples.size(), "docs/server.md shows two queries sent to a running server, docs/queries.md one");
        for (String example : examples) {
            List<String> args = new ArrayList<>();
            Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(example.replace("localhost:3030", "127.0.0.1:" + port));
            while (word.find()) args.add(word.group(1) != null ? word.group(1) : word.group(2));
            CliRunner r2 = CliRunner.run(args.subList(1, args.size()).toArray(String[]::new));
            assertEquals(0, r2.exit(), example + ": " + r2.err());
        }

        // SIGTERM; ProcessHandle's destroy leaves our ends of the pipes open (Process.destroy closes them)
        assertTrue(p.toHandle().destroy());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        String stderr = err.drain();
        assertTrue(stderr.contains("stopped"), "exit " + p.exitValue() + ", stderr: " + stderr);
        assertFalse(stderr.contains("Exception"), stderr);
        CliRunner stats = CliRunner.run("stats", "--db", db.toString());
        assertEquals(0, stats.exit(), "the dataset is free again: " + stats.err());
    }

    /** SIGTERM while a query that would run for hours holds a transaction: the process stops within seconds, without a stack trace. */
    @Test
    void sigtermDuringARunawayQueryStopsPromptlyAndCleanly() throws Exception {
        Path db = dataset("game");
        Process p = launch("serve", "--db", db.toString(), "--port", "0", "--timeout", "0");
        Lines out = new Lines(p.getInputStream());
        Lines err = new Lines(p.getErrorStream());
        String first = out.next(120);
        assertNotNull(first, () -> "no banner; stderr: " + err.drainQuietly());
        Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1 port (\\d+)").matcher(first);
        assertTrue(m.find(), first);
        int port = Integer.parseInt(m.group(1));
        Thread client = new Thread(() -> {
            try {
                RawHttp.send(port, "POST", "/privkg/sparql", java.util.Map.of("Content-Type", "application/sparql-query"),
                        ServeLimitsTest.RUNAWAY_REGEX.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException closed) {
                // the server went away under the request, as it should
            }
        });
        client.setDaemon(true);
        client.start();
        Thread.sleep(1500); // the query is parsed and backtracking
        long t0 = System.nanoTime();
        assertTrue(p.toHandle().destroy());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        String stderr = err.drain();
        assertTrue(seconds < 10, "stopping took " + seconds + " s: " + stderr);
        assertTrue(stderr.contains("stopped"), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        CliRunner stats = CliRunner.run("stats", "--db", db.toString());
        assertEquals(0, stats.exit(), "the dataset is free again: " + stats.err());
    }

    /** The other way round: a dataset held by another process, and 'serve' says so instead of starting. */
    @Test
    void serveSaysWhenAnotherProcessHoldsTheDataset() throws Exception {
        Path db = dataset("game");
        try (PolicyStore held = PolicyStore.open(db, null)) {
            assertFalse(held.policyIds().isEmpty());
            Process p = launch("serve", "--db", db.toString(), "--port", "0");
            Lines err = new Lines(p.getErrorStream());
            Lines out = new Lines(p.getInputStream());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "serve should have given up");
            assertEquals(1, p.exitValue());
            String message = err.drain();
            assertTrue(message.contains("in use by another process"), message);
            assertFalse(message.contains("Exception"), message);
            assertEquals("", out.drain().strip(), "no banner");
        }
    }

    private Process launch(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-cp", cp, Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("PRIVKG_PASSWORD");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** The lines a process writes, read on a thread of their own so the process never blocks on a full pipe. */
    static final class Lines {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Lines(java.io.InputStream in) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) lines.add(line);
                } catch (IOException e) {
                    // the process went away
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String next(int seconds) throws InterruptedException {
            return lines.poll(seconds, TimeUnit.SECONDS);
        }

        String drainQuietly() {
            try {
                return drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        String drain() throws InterruptedException {
            reader.join(10_000);
            List<String> all = new ArrayList<>();
            lines.drainTo(all);
            return String.join("\n", all);
        }
    }
}
