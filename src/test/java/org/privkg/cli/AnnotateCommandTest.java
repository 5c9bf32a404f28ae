package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotateCommandTest {
    @TempDir
    Path tmp;

    static Path resource(String name) {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/resources").resolve(name);
    }

    static String ticket = resource("annotate/ticket.txt").toString();

    @Test
    void marksAreWrittenAsIdDotTxtAndAPageGivesTheSame() throws IOException {
        CliRunner text = CliRunner.run("annotate", ticket, "-o", tmp.resolve("a").toString());
        CliRunner page = CliRunner.run("annotate", resource("annotate/ticket.html").toString(), "-o", tmp.resolve("b").toString());
        assertEquals(0, text.exit(), text.err());
        assertEquals(0, page.exit(), page.err());
        assertTrue(text.err().contains("annotated 1 policy: 19 proposed marks"), text.err());
        String marked = Files.readString(tmp.resolve("a/ticket.txt"));
        assertTrue(marked.contains("(我们)会将您的<订单信息>[提供]给(合作商户)，以便{完成出票}。"), marked);
        assertEquals(marked, Files.readString(tmp.resolve("b/ticket.txt")));
    }

    @Test
    void labelStudioGetsAPredictionWithAScorePerSpanInUtf16Offsets() throws IOException {
        Path raw = Files.writeString(tmp.resolve("emoji.txt"), "😀我们会收集您的手机号码。\n");
        CliRunner r = CliRunner.run("annotate", "--format", "labelstudio", raw.toString(), "-o", tmp.toString() + "/out");
        assertEquals(0, r.exit(), r.err());
        JsonNode task = new ObjectMapper().readTree(tmp.resolve("out/emoji.json").toFile()).get(0);
        assertEquals("emoji", task.path("data").path("id").asText());
        JsonNode prediction = task.path("predictions").get(0);
        assertEquals("privkg-annotate 2", prediction.path("model_version").asText());
        JsonNode data = null;
        for (JsonNode span : prediction.path("result")) {
            assertTrue(span.path("score").asDouble() > 0 && span.path("score").asDouble() <= 1, span.toString());
            if (span.path("value").path("labels").get(0).asText().equals("data")) data = span.path("value");
        }
        assertEquals("手机号码", data.path("text").asText());
        assertEquals(9, data.path("start").asInt()); // 😀 counts two UTF-16 units, as in Label Studio
        assertEquals(13, data.path("end").asInt());
    }

    @Test
    void bratAndDoccanoOutputsConvertBackToTheSameMarks() throws IOException {
        assertEquals(0, CliRunner.run("annotate", ticket, "-o", tmp.resolve("marks").toString()).exit());
        assertEquals(0, CliRunner.run("annotate", "--format", "brat", ticket, "-o", tmp.resolve("brat").toString()).exit());
        assertEquals(0, CliRunner.run("annotate", "--format", "doccano", ticket, "-o", tmp.resolve("doccano").toString()).exit());
        String marks = Files.readString(tmp.resolve("marks/ticket.txt"));
        CliRunner brat = CliRunner.run("convert", "--to", "marks", tmp.resolve("brat/ticket.txt").toString(), "-o", tmp.resolve("b2").toString());
        CliRunner doccano = CliRunner.run("convert", "--to", "marks", tmp.resolve("doccano/ticket.jsonl").toString(), "-o", tmp.resolve("d2").toString());
        assertEquals(0, brat.exit(), brat.err());
        assertEquals(0, doccano.exit(), doccano.err());
        assertEquals(marks, Files.readString(tmp.resolve("b2/ticket.txt")));
        assertEquals(marks, Files.readString(tmp.resolve("d2/ticket.txt")));
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsPlaceAndNothingIsWritten() throws IOException {
        Path gbk = tmp.resolve("gbk.txt");
        Files.write(gbk, "第一行\n我们会收集您的手机号码。".getBytes(Charset.forName("GB18030")));
        Path out = tmp.resolve("out");
        CliRunner r = CliRunner.run("annotate", ticket, gbk.toString(), "-o", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(gbk + ":1:1: error: the file is not valid UTF-8; it looks like GB18030"), r.err());
        assertTrue(r.err().contains("nothing written"), r.err());
        assertFalse(Files.exists(out.resolve("ticket.txt")));
        CliRunner again = CliRunner.run("annotate", "--encoding", "GB18030", gbk.toString(), "-o", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.readString(out.resolve("gbk.txt")).contains("[收集]您的<手机号码>"));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRunner r = CliRunner.run("annotate", "--format", "xml", ticket, "-o", tmp.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--format: unknown format 'xml'; give marks, brat, doccano or labelstudio"), r.err());
    }

    @Test
    void loadAnnotateRecordsTheMachineAndStatsTellsItFromHandMarkedPolicies() throws IOException {
        String db = tmp.resolve("db").toString();
        CliRunner machine = CliRunner.run("load", "--db", db, "--annotate", ticket);
        assertEquals(0, machine.exit(), machine.err());
        assertEquals(0, CliRunner.run("load", "--db", db, resource("unseen/zhida.txt").toString()).exit());
        CliRunner stats = CliRunner.run("stats", "--db", db);
        assertTrue(stats.out().contains("policies    2"), stats.out());
        assertTrue(stats.out().contains("  marked    1 by hand, 1 by machine (load --annotate)"), stats.out());
        CliRunner export = CliRunner.run("export", "--db", db, "--format", "nq");
        assertTrue(export.out().contains("<https://w3id.org/privkg/id/policy/ticket> <https://w3id.org/privkg/ontology#annotatedBy> "
                + "<https://w3id.org/privkg/agent/privkg-annotate/2>"), export.out());
        assertFalse(export.out().contains("policy/zhida> <https://w3id.org/privkg/ontology#annotatedBy>"));
    }

    /** A floor, not the figures of docs/benchmarks.md: the bundled annotated policies the lexicons were tuned on. */
    @Test
    void evaluateScoresSpansAndPracticesAgainstAnnotatedPolicies() {
        CliRunner r = CliRunner.run("annotate", "--evaluate", resource("unseen").toString(), resource("unseen2").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("16 policies"), r.out());
        assertTrue(overlapF1(r.out(), "action") >= 0.75, r.out());
        assertTrue(overlapF1(r.out(), "data") >= 0.75, r.out());
        assertTrue(overlapF1(r.out(), "purpose") >= 0.80, r.out());
        assertTrue(r.out().contains("practices of 16 policies with gold files"), r.out());
    }

    /** The README's examples of 'Pre-annotation', run as written (only the output places moved under a temporary directory). */
    @Test
    void theReadmeExamplesRun() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("README.md"));
        int section = readme.indexOf("### Pre-annotation");
        int from = readme.indexOf("```sh\n", section) + 6;
        String block = readme.substring(from, readme.indexOf("```", from));
        int ran = 0;
        for (String line : block.strip().split("\n")) {
            String[] words = line.strip().split(" +");
            assertEquals("bin/privkg", words[0], line);
            for (int i = 1; i < words.length; i++) {
                if (words[i - 1].equals("-o") || words[i - 1].equals("--db")) words[i] = tmp.resolve(words[i]).toString();
            }
            CliRunner r = CliRunner.run(java.util.Arrays.copyOfRange(words, 1, words.length));
            assertEquals(0, r.exit(), line + ": " + r.err());
            ran++;
        }
        assertEquals(4, ran);
        // not marked/: that is where README's first policy left the marks the reader corrected
        assertTrue(Files.exists(tmp.resolve("proposed/ticket.txt")));
        assertTrue(Files.exists(tmp.resolve("review/ticket.json")));
    }

    private static double overlapF1(String report, String kind) {
        Matcher m = Pattern.compile("(?m)^" + kind + " .* F ([0-9.]+)$").matcher(report);
        assertTrue(m.find(), report);
        return Double.parseDouble(m.group(1));
    }
}
