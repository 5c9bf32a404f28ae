package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privkg.cli.CliRunner;

/**
 * docs/server.md's command examples, run as written: every {@code curl} (and the {@code iconv} that makes
 * its GB18030 file) through bash and curl, in document order, against a server with updates on holding the
 * sample policies, {@code S} set to its address and {@code PRIVKG_PASSWORD} to its password; each must
 * answer 2xx, or the status its trailing comment names ({@code # 404 ...}). Each {@code privkg serve} line
 * must be accepted as usage, each {@code privkg load} line loads. The {@code privkg query --service} lines
 * are run by {@link ServeCommandTest}. A line of any other kind in a {@code sh} block fails the test, so
 * no example goes unrun. bin/test installs curl before the tests run.
 */
class ServerDocTest {
    static final Path DOC = Path.of("docs/server.md");
    private static final Pattern EXPECTED = Pattern.compile("\\s#\\s*(\\d{3})\\b");
    private final List<Path> dirs = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        dirs.forEach(ServeFixture::deleteTree);
    }

    /** The commands of the {@code sh} blocks, continuation lines joined. */
    static List<String> commands() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inSh = false;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inSh = !inSh && line.equals("```sh");
                continue;
            }
            if (!inSh) continue;
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            pending.append(line);
            String command = pending.toString().strip();
            pending.setLength(0);
            if (!command.isEmpty() && !command.startsWith("#")) out.add(command);
        }
        return out;
    }

    @Test
    void everyExampleOfServerMdRuns() throws Exception {
        Path work = Files.createTempDirectory("privkg-server-doc");
        dirs.add(work);
        // the examples name files of the repository relative to it; old.txt is written here
        for (String dir : List.of("data", "queries")) Files.createSymbolicLink(work.resolve(dir), Path.of(dir).toAbsolutePath());
        ServeFixture.Running server = ServeFixture.start(List.of("gome", "game"), true, Duration.ofSeconds(30));

        int curls = 0;
        for (String shown : commands()) {
            String command = shown.replaceFirst("^bin/", ""); // bin/privkg as README runs it, or privkg on the PATH
            if (command.startsWith("curl ") || command.startsWith("iconv ")) {
                if (command.startsWith("curl ")) curls++;
                run(command, work, server);
            } else if (command.startsWith("privkg serve ")) {
                CliRunner r = CliRunner.run(args(command, work, "--help"));
                assertEquals(0, r.exit(), command + ": " + r.err());
            } else if (command.startsWith("privkg load ")) {
                CliRunner r = CliRunner.run(args(command, work));
                assertEquals(0, r.exit(), command + ": " + r.err());
            } else if (command.startsWith("privkg query --service ")) {
                continue; // ServeCommandTest runs these against a 'privkg serve' process
            } else if (!command.startsWith("S=") && !command.startsWith("export PRIVKG_PASSWORD=")) {
                fail("docs/server.md shows a command no test runs: " + command);
            }
        }
        long shown = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("curl ")).count();
        assertEquals(shown, curls, "every curl line of docs/server.md is in a sh block and ran");
        assertTrue(curls >= 25, "docs/server.md shows " + curls + " curl examples");
    }

    /** README's short "Serving the graph" shows a serve command; it is accepted as usage. */
    @Test
    void readmeServeCommandIsUsage() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md")).stream().map(l -> l.strip().replaceFirst("^bin/", ""))
                .filter(l -> l.startsWith("privkg serve ")).toList();
        assertTrue(!lines.isEmpty(), "README shows how to start the server");
        Path work = Files.createTempDirectory("privkg-server-doc");
        dirs.add(work);
        for (String command : lines) {
            CliRunner r = CliRunner.run(args(command, work, "--help"));
            assertEquals(0, r.exit(), command + ": " + r.err());
        }
    }

    /** The words of a privkg command after 'privkg', its dataset privkg-db moved under work. */
    private static String[] args(String command, Path work, String... more) {
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            String w = word.group(1) != null ? word.group(1) : word.group(2);
            args.add(w.equals("privkg-db") ? work.resolve("privkg-db").toString() : w);
        }
        args.addAll(List.of(more));
        return args.subList(1, args.size()).toArray(String[]::new);
    }

    private static void run(String command, Path work, ServeFixture.Running server) throws Exception {
        Matcher m = EXPECTED.matcher(command);
        String expected = m.find() ? m.group(1) : null;
        // the status on a last line of its own, after whatever the example prints
        String line = command.startsWith("curl ") ? "curl -sS -w '\\n%{http_code}' " + command.substring(5) : command;
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("S", server.server().url());
        pb.environment().put("PRIVKG_PASSWORD", ServeFixture.PASSWORD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + "\n" + text);
        if (!command.startsWith("curl ")) return;
        String[] lines = text.split("\n");
        String status = lines[lines.length - 1].strip();
        if (expected != null) assertEquals(expected, status, command + "\n" + text);
        else assertTrue(status.startsWith("2"), "status " + status + " for " + command + "\n" + text);
    }
}
