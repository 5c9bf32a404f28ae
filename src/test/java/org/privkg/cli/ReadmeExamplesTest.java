package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's examples that no test of their own runs, run as written (the dataset and the files they write
 * moved under a temporary directory): the first command and what it suggests next, the sample of marks, a
 * rejected file, the checks. The last test names, per README section, what runs each of its examples, so that an example
 * added elsewhere fails here until something runs it.
 */
class ReadmeExamplesTest {
    @TempDir
    Path tmp;

    /** The examples of README: per section ({@code ## } or {@code ### } heading), its code blocks in order. */
    static Map<String, List<String>> blocks() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String section = "";
        StringBuilder block = null;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            String l = line.strip();
            if (block == null && line.startsWith("#")) section = line.replaceFirst("^#+ ", "");
            if (l.startsWith("```")) {
                if (block == null) block = new StringBuilder(l.substring(3)).append('\n');
                else {
                    out.computeIfAbsent(section, k -> new ArrayList<>()).add(block.toString());
                    block = null;
                }
            } else if (block != null) block.append(l).append('\n');
        }
        return out;
    }

    /** The commands of a section's {@code sh} blocks, trailing comments dropped. */
    static List<String> commands(String section) throws IOException {
        List<String> out = new ArrayList<>();
        for (String b : blocks().getOrDefault(section, List.of())) {
            if (!b.startsWith("sh\n")) continue;
            b.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.replaceFirst("\\s+#.*$", "")).forEach(out::add);
        }
        return out;
    }

    /** A README command line as arguments of privkg: {@code bin/privkg} dropped, {@code --db} and {@code -o} moved here. */
    private String[] args(String command) {
        String[] words = command.split(" +");
        assertEquals("bin/privkg", words[0], command);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(">")) break; // the shell's redirection: the output is what CliRunner keeps
            boolean place = words[i - 1].equals("--db") || words[i - 1].equals("-o");
            args.add(place ? tmp.resolve(words[i]).toString() : words[i]);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void theFirstCommandLoadsTheSamplesAndEachCommandItSuggestsRuns() throws IOException {
        List<String> two = commands("Two commands");
        assertEquals(List.of("bin/privkg demo", "bin/test"), two);
        // README runs it without --db: the default ./privkg-db, here under the temporary directory
        String db = tmp.resolve("privkg-db").toString();
        CliRunner demo = CliRunner.run("demo", "--db", db);
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().startsWith("Loaded 4 policies from "), demo.out());
        assertTrue(demo.out().contains("finance, game, gome, health"), demo.out());
        String hints = demo.out().substring(demo.out().indexOf("Try next:\n") + "Try next:\n".length());
        int ran = 0;
        for (String hint : hints.strip().split("\n")) {
            String command = "bin/" + hint.strip().replaceFirst("\\s+#.*$", "");
            CliRunner r = CliRunner.run(args(command.replace(" --db " + db, " --db privkg-db")));
            assertEquals(0, r.exit(), hint + ": " + r.err());
            assertFalse(r.out().isBlank() && r.err().isBlank(), hint);
            ran++;
        }
        assertEquals(6, ran, hints);
        assertTrue(Files.size(tmp.resolve("privkg.trig")) > 0);
    }

    @Test
    void theSampleOfMarksReadsWithoutAProblemAndGivesWhatTheTextSays() throws IOException {
        String sample = blocks().get("Writing a policy").stream().filter(b -> b.startsWith("text\n一、")).findFirst().orElseThrow()
                .substring("text\n".length());
        Path policy = Files.writeString(tmp.resolve("sample.txt"), sample);
        CliRunner r = CliRunner.run("extract", "--format", "nq", policy.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "the sample is marked as README says a policy is");
        String nq = r.out();
        String data = "<https://w3id.org/privkg/id/data/";
        assertTrue(nq.contains("<https://w3id.org/privkg/ontology#declaresSensitive> " + data + "手机号码>"), "手机号码属于敏感信息");
        for (String kind : List.of("IMEI", "OAID")) {
            assertTrue(nq.contains(data + kind + "> <http://www.w3.org/2004/02/skos/core#broader> " + data + "设备标识符>"),
                    "（例如<IMEI>、<OAID>） makes " + kind + " a kind of 设备标识符");
        }
        assertTrue(nq.contains("<https://w3id.org/privkg/ontology#negated> \"true\""), "不会[出售] is negated");
        assertTrue(nq.contains("<https://w3id.org/privkg/ontology#requiresConsent> \"true\""), "在获得您的同意后 sets consent");
    }

    @Test
    void aBadFileIsRejectedWithTheLinesShown() throws IOException {
        String shown = blocks().get("Writing a policy").stream().filter(b -> b.startsWith("text\n$ ")).findFirst().orElseThrow();
        List<String> lines = shown.lines().skip(1).toList();
        CliRunner r = CliRunner.run(args(lines.get(0).substring(2)));
        assertEquals(2, r.exit(), r.err());
        List<String> printed = r.err().replace(tmp.resolve("privkg-db").toString(), "privkg-db").lines().toList();
        assertEquals(lines.size() - 1, printed.size(), r.err());
        for (int i = 1; i < lines.size(); i++) {
            // "…" in README stands for what changes from run to run (the time taken)
            String pattern = Pattern.quote(lines.get(i)).replace("…", "\\E.*\\Q");
            assertTrue(printed.get(i - 1).matches(pattern), "README: " + lines.get(i) + "\nprinted: " + printed.get(i - 1));
        }
    }

    @Test
    void theChecksFindSomethingInTheSamplesAndWriteCsv() throws IOException {
        assertEquals(0, CliRunner.run("load", "--db", tmp.resolve("privkg-db").toString(), "data/policies").exit());
        List<String> commands = commands("Checks: what Chinese regulation asks, decided from the marks");
        assertEquals(2, commands.size(), commands.toString());
        for (String command : commands) {
            CliRunner r = CliRunner.run(args(command));
            assertEquals(1, r.exit(), command + ": " + r.err());
            assertTrue(r.out().contains("FAIL") || r.out().startsWith("policyId,check,verdict,source"), command + ": " + r.out());
        }
    }

    /** Which test runs the examples of each README section that has any. */
    @Test
    void everySectionWithExamplesHasATestThatRunsThem() throws IOException {
        Map<String, String> runBy = new LinkedHashMap<>();
        runBy.put("Two commands", "this class (bin/test is the test command itself)");
        runBy.put("A first policy", "ReadmeFirstPolicyTest");
        runBy.put("Writing a policy", "this class");
        runBy.put("Standoff input", "StandoffLoadTest");
        runBy.put("Converting between formats", "ConvertCommandTest");
        runBy.put("Pre-annotation (`annotate`)", "AnnotateCommandTest");
        runBy.put("Versions and diff", "VersionsDiffTest");
        runBy.put("Policy metadata: app, sector, version date", "ReadmeMetadataTest");
        runBy.put("Checks: what Chinese regulation asks, decided from the marks", "this class");
        runBy.put("Serving the graph", "ServerDocTest");
        for (String section : blocks().keySet()) {
            assertTrue(runBy.containsKey(section), "README's section '" + section + "' has examples that no test is known to run");
        }
    }
}
