package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "A first policy", run as written in its order (the dataset and the output directory moved under a
 * temporary one): annotate, load, query, serve (accepted as usage; --help stops it before it listens), check.
 * What the steps say the commands give is checked too.
 */
class ReadmeFirstPolicyTest {
    @TempDir
    Path tmp;

    static List<String> commands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("## A first policy");
        assertTrue(from >= 0, "README has 'A first policy'");
        String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
        List<String> out = new ArrayList<>();
        boolean sh = false;
        for (String line : section.split("\n")) {
            String l = line.strip();
            if (l.startsWith("```")) {
                sh = !sh && l.equals("```sh");
                continue;
            }
            if (sh && !l.isEmpty()) out.add(l.replaceFirst("\\s+#.*$", ""));
        }
        return out;
    }

    @Test
    void theWalkThroughRuns() throws IOException {
        List<String> ran = new ArrayList<>();
        for (String command : commands()) {
            String[] words = command.split(" +");
            assertEquals("bin/privkg", words[0], command);
            for (int i = 1; i < words.length; i++) {
                if (words[i - 1].equals("-o") || words[i - 1].equals("--db")) words[i] = tmp.resolve(words[i]).toString();
                else if (words[i].startsWith("marked/")) words[i] = tmp.resolve(words[i]).toString();
            }
            String sub = words[1];
            List<String> args = new ArrayList<>(Arrays.asList(words).subList(1, words.length));
            if (sub.equals("serve")) args.add("--help");
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            switch (sub) {
                case "check" -> {
                    assertEquals(1, r.exit(), command + ": " + r.err());
                    assertTrue(r.out().contains("FAIL  sensitive-purpose-and-consent") && r.out().contains("line 4: 身份证号码"), r.out());
                }
                case "query" -> {
                    assertEquals(0, r.exit(), command + ": " + r.err());
                    assertTrue(r.out().contains("身份证号码") && r.out().contains("完成实名购票") && r.out().contains("姓名"), r.out());
                }
                case "annotate", "load", "serve" -> assertEquals(0, r.exit(), command + ": " + r.err());
                default -> fail("README's walk-through runs a command this test does not know: " + command);
            }
            if (sub.equals("annotate")) {
                String marked = Files.readString(tmp.resolve("marked/ticket.txt"));
                assertTrue(marked.contains("(我们)会[收集]您的<姓名>、<身份证号码>"), marked);
            }
            ran.add(sub);
        }
        assertEquals(List.of("annotate", "load", "query", "serve", "check"), ran);
    }
}
