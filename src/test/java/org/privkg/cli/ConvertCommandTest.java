package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

class ConvertCommandTest {
    @TempDir
    Path tmp;

    private static List<Path> policies() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of(Fixtures.POLICIES.toString(), "src/test/resources/unseen2")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    private static CliRunner ok(String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exit(), () -> "privkg " + String.join(" ", args) + ": " + r.err());
        return r;
    }

    @Test
    void marksToBratToMarksGivesTheSameBytes() throws IOException {
        List<Path> files = policies();
        assertEquals(10, files.size());
        // the corpus holds escaped brackets, so escaping is part of what is checked
        assertTrue(files.stream().anyMatch(f -> read(f).matches("(?s).*\\\\[\\[\\](){}<>].*")));
        for (Path f : files) {
            String id = f.getFileName().toString().replace(".txt", "");
            Path brat = tmp.resolve("brat-" + f.getParent().getFileName());
            Path back = tmp.resolve("back-" + f.getParent().getFileName());
            ok("convert", f.toString(), "--to", "brat", "-o", brat.toString());
            String plain = read(brat.resolve(id + ".txt"));
            String ann = read(brat.resolve(id + ".ann"));
            assertFalse(plain.contains("\\"), f + ": the plain text keeps no escapes");
            assertFalse(ann.isEmpty(), f + ": spans written");
            // every span's recorded text is what its code-point offsets hold
            int[] cps = plain.codePoints().toArray();
            for (String line : ann.split("\n")) {
                String[] fields = line.split("\t");
                String[] head = fields[1].split(" ");
                assertTrue(List.of("data", "action", "entity", "purpose").contains(head[0]), line);
                String held = new String(cps, Integer.parseInt(head[1]), Integer.parseInt(head[2]) - Integer.parseInt(head[1]));
                assertEquals(held.replace('\n', ' '), fields[2], f + ": " + line);
            }
            ok("convert", brat.resolve(id + ".txt").toString(), "--to", "marks", "-o", back.toString());
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(back.resolve(id + ".txt")), f + " after brat and back");
        }
    }

    @Test
    void marksToDoccanoToMarksGivesTheSameBytes() throws IOException {
        for (Path f : policies()) {
            String id = f.getFileName().toString().replace(".txt", "");
            Path doccano = tmp.resolve("doccano-" + f.getParent().getFileName());
            Path back = tmp.resolve("back-" + f.getParent().getFileName());
            ok("convert", f.toString(), "--to", "doccano", "-o", doccano.toString());
            String line = read(doccano.resolve(id + ".jsonl"));
            assertTrue(line.startsWith("{\"id\":\"" + id + "\",\"text\":") && line.endsWith("]]}\n"), line.substring(0, 40));
            ok("convert", doccano.resolve(id + ".jsonl").toString(), "--to", "marks", "-o", back.toString());
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(back.resolve(id + ".txt")), f + " after doccano and back");
        }
    }

    @Test
    void bratAndLabelStudioExportsGiveTheInlinePolicies() throws IOException {
        ok("convert", "src/test/resources/standoff/shuncheng-brat/", "src/test/resources/standoff/xingbao-labelstudio.json",
                "--to", "marks", "-o", tmp.toString());
        assertEquals(read(Path.of("src/test/resources/unseen2/shuncheng.txt")), read(tmp.resolve("shuncheng.txt")));
        // the export's one task has no id of its own: it is named by the file, as 'load' names it
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("shuncheng.txt", "xingbao-labelstudio.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(read(Path.of("src/test/resources/unseen2/xingbao.txt")), read(tmp.resolve("xingbao-labelstudio.txt")));
    }

    @Test
    void badSpansAreNamedAndNothingIsWritten() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "我们(收集)您的<手机号码>。\n");
        Files.writeString(in.resolve("bad.txt"), "我们收集您的手机号码。\n");
        Files.writeString(in.resolve("bad.ann"), "T1\tdata 6 10\t手机号码\nT2\tdata 8 40\t号码\nT3\tdata 7 9\t机号\n");
        Path out = tmp.resolve("out");
        CliRunner r = CliRunner.run("convert", in.resolve("good.txt").toString(), in.resolve("bad.txt").toString(),
                "--to", "doccano", "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(in.resolve("bad.ann") + ":2:1: error: span T2 (data 8–40): it lies outside the text"), r.err());
        assertTrue(r.err().contains(in.resolve("bad.ann") + ":3:1: error: span T3 (data 7–9): it overlaps span T1"), r.err());
        assertEquals(2, r.err().lines().filter(l -> l.contains(": error: ")).count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out.resolve("good.jsonl")), "all or nothing");

        Files.writeString(in.resolve("marks.txt"), "第一行\n我们收集您的<手机号码。\n");
        r = CliRunner.run("convert", in.resolve("marks.txt").toString(), "--to", "brat", "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(in.resolve("marks.txt") + ":2:7: error: unclosed mark"), r.err());
        assertFalse(Files.exists(out.resolve("marks.ann")));
    }

    @Test
    void aSpanThatNoInlineMarkCanHoldIsReported() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("lines.txt"), "一\n二\n三\n");
        Files.writeString(in.resolve("lines.ann"), "T1\tdata 0 5\t一 二 三\n");
        CliRunner r = CliRunner.run("convert", in.resolve("lines.txt").toString(), "--to", "marks", "-o", tmp.resolve("o").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("lines.txt: error: a span cannot be written as an inline mark"), r.err());
        assertFalse(Files.exists(tmp.resolve("o/lines.txt")));
    }

    @Test
    void anInputIsNeverOverwritten() throws IOException {
        Path p = tmp.resolve("p.txt");
        Files.writeString(p, "我们(收集)您的<手机号码>。\n");
        CliRunner r = CliRunner.run("convert", p.toString(), "--to", "brat", "-o", tmp.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is one of the inputs"), r.err());
        assertEquals("我们(收集)您的<手机号码>。\n", read(p));
        assertFalse(Files.exists(tmp.resolve("p.ann")));
    }

    @Test
    void unknownTargetIsAUsageError() {
        CliRunner r = CliRunner.run("convert", Fixtures.policy("gome").toString(), "--to", "conll");
        assertEquals(2, r.exit());
        assertEquals("privkg: --to: unknown format 'conll'; give marks, brat or doccano\n", r.err());
        CliRunner help = ok("convert", "--help");
        assertTrue(help.out().contains("--to=FORMAT") && help.out().contains("marks, brat or doccano"), help.out());
    }

    /** README's example, run as written with its directories under a temporary one. */
    @Test
    void readmeExampleRuns() throws IOException {
        String readme = read(Path.of("README.md"));
        int at = readme.indexOf("### Converting between formats");
        assertTrue(at >= 0);
        String block = readme.substring(readme.indexOf("```sh\n", at) + 6, readme.indexOf("```\n", readme.indexOf("```sh\n", at) + 6));
        List<String> lines = block.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(3, lines.size(), block);
        for (String line : lines) {
            String[] words = line.split(" +");
            List<String> args = new ArrayList<>();
            for (String w : words) args.add(w.startsWith("converted/") ? tmp.resolve(w).toString() : w);
            if (words[0].equals("cmp")) {
                assertArrayEquals(Files.readAllBytes(Path.of(args.get(1))), Files.readAllBytes(Path.of(args.get(2))), line);
            } else {
                assertEquals("bin/privkg", words[0], line);
                ok(args.subList(1, args.size()).toArray(String[]::new));
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
