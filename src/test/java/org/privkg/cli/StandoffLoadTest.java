package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standoff files through the command line: the CA4P layout, doccano lines, and what bad spans give. */
class StandoffLoadTest {

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A page in the release's layout: the text in <pre id="s1v1">, '>' written as a reference. */
    private static String page(String text) {
        return "<!DOCTYPE html >\n<html><body><article><section><div class=\"content\">\n<pre id=\"s1v1\">"
                + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>\n</div></section></article></body></html>\n";
    }

    private static String record(String classId, String text, int start) {
        return "{\"classId\": \"" + classId + "\", \"classId_name\": \"\", \"text\": \"" + text + "\", \"start\": " + start
                + ", \"end\": " + (start + text.codePointCount(0, text.length())) + ", \"fields\": \"\", \"sub_annotations\": []}";
    }

    @Test
    void aCa4pReleaseDirectoryLoadsThroughTheSamePathAsInlineMarks(@TempDir Path tmp) throws IOException {
        String one = "一、信息收集\n我们会收集您的手机号码，用于注册账号。\n在您同意后，我们会与支付机构共享订单信息->结算。";
        String two = "示例应用隐私政策\n我们不会收集您的通讯录。";
        Path release = tmp.resolve("release");
        write(release.resolve("raw_data/0001.html"), page(one));
        write(release.resolve("raw_data/0002.html"), page(two));
        write(release.resolve("annotation_data/0001.json"), "[" + String.join(", ",
                record("", "我们会收集您的手机号码，用于注册账号。", one.indexOf("我们会")),
                record("e_24", "我们", one.indexOf("我们会")),
                record("e_22", "收集", one.indexOf("收集您")),
                record("e_21", "手机号码", one.indexOf("手机号码")),
                record("e_27", "注册账号", one.indexOf("注册账号")),
                record("e_25", "在您同意后", one.indexOf("在您同意后")),
                record("e_23", "共享", one.indexOf("共享")),
                record("e_26", "支付机构", one.indexOf("支付机构")),
                record("e_21", "订单信息", one.indexOf("订单信息"))) + "]");
        write(release.resolve("annotation_data/0002.json"), "[" + String.join(", ",
                record("e_22", "收集", two.indexOf("收集")), record("e_21", "通讯录", two.indexOf("通讯录"))) + "]");

        CliRunner r = CliRunner.run("extract", "--format", "nq", release.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("/0001/"), r.out());
        assertTrue(r.out().contains("/0002/"), r.out());
        assertTrue(r.out().contains("\"手机号码\""), r.out());
        assertTrue(r.out().contains("\"订单信息\""), r.out());
        assertTrue(r.out().contains("\"通讯录\""), r.out());
        assertTrue(r.out().contains("\"支付机构\""), r.out());
    }

    @Test
    void doccanoLinesAreOnePolicyEachNamedByTheirIdOrLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("batch.jsonl");
        write(f, "{\"id\": \"alpha\", \"text\": \"我们会收集您的手机号码。\", \"label\": [[3, 5, \"collect\"], [7, 11, \"数据\"]]}\n\n"
                + "{\"text\": \"我们会共享您的位置信息。\", \"label\": [[3, 5, \"share\"], [7, 11, \"DATA\"]]}\n");
        CliRunner r = CliRunner.run("extract", "--format", "nq", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("/alpha/"), r.out());
        assertTrue(r.out().contains("/batch-3/"), r.out());
        assertTrue(r.out().contains("\"位置信息\""), r.out());
    }

    @Test
    void badSpansAreOneDiagnosticEachWithFileAndSpanAndNothingIsStored(@TempDir Path tmp) throws IOException {
        Path txt = tmp.resolve("bad.txt");
        write(txt, "我们会收集您的手机号码和位置信息。\n");
        write(tmp.resolve("bad.ann"), String.join("\n",
                "T1\taction 3 5\t收集",
                "T2\tdata 7 11\t手机号码",
                "T3\tdata 12 99\t位置信息",
                "T4\tdata 12 16\t位置资料",
                "T5\tdata 9 13\t号码和位",
                "T6\tsecret 0 2\t我们",
                "T7\tdata 3") + "\n");
        Path db = tmp.resolve("db");
        Path good = tmp.resolve("good.txt");
        write(good, "我们会[收集]您的<姓名>。\n");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), "--no-validate", txt.toString(), good.toString());
        assertEquals(2, r.exit(), r.err());
        String ann = tmp.resolve("bad.ann").toString();
        List<String> lines = r.err().lines().filter(l -> l.startsWith(ann)).toList();
        assertEquals(5, lines.size(), r.err());
        assertTrue(lines.get(1).startsWith(ann + ":3:1: error: span T3 (data 12–99): it lies outside the text"), lines.get(1));
        assertTrue(lines.get(2).startsWith(ann + ":4:1: error: span T4 (data 12–16): its offsets 12–16 hold '位置信息' but the file records '位置资料'"), lines.get(2));
        assertTrue(lines.get(3).startsWith(ann + ":6:1: error: span T6 (secret 0–2): unknown label 'secret'"), lines.get(3));
        // the truncated line is found as the file is read, before the spans are checked
        assertTrue(lines.get(0).startsWith(ann + ":7:1: error: span T7: "), lines.get(0));
        assertTrue(lines.get(4).startsWith(ann + ":5:1: error: span T5 (data 9–13): it overlaps span T2"), lines.get(4));
        // the lines README's "Standoff input" shows, as it shows them
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("```text\nbad.ann:", readme.indexOf("### Standoff input")) + "```text\n".length();
        List<String> shown = readme.substring(from, readme.indexOf("```", from)).lines().toList();
        assertEquals(3, shown.size(), shown.toString());
        String dir = tmp.toString() + java.io.File.separator;
        for (String line : shown) assertTrue(r.err().lines().anyMatch((dir + line)::equals), line + "\n" + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        List<String> ids = CliRunner.queryCsv(db.toString(), "policies").stream().map(row -> row.get(0)).toList();
        assertTrue(ids.stream().noneMatch(id -> id.contains("bad")), ids.toString());

        CliRunner lenient = CliRunner.run("extract", "--format", "nq", "--lenient", txt.toString());
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.out().contains("\"手机号码\""), lenient.out());
        assertTrue(lenient.err().contains("(span left out)"), lenient.err());
    }

    @Test
    void invalidJsonIsNamedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("batch.jsonl");
        write(f, "{\"text\": \"我们会收集您的手机号码。\", \"label\": [[3, 5, \"collect\"]]}\n{\"text\": \"我们\", \"label\": [[0, 2,]}\n");
        CliRunner r = CliRunner.run("extract", "--format", "nq", f.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(f + ":2:"), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertTrue(r.out().contains("/batch-1/"), "the good line still gives its policy: " + r.out());

        Path ls = tmp.resolve("export.json");
        write(ls, "[\n  {\"data\": {\"text\": \"我们\"},\n   \"annotations\": [}\n]\n");
        CliRunner s = CliRunner.run("extract", "--format", "nq", ls.toString());
        assertEquals(2, s.exit(), s.err());
        assertTrue(s.err().startsWith(ls + ":3:"), s.err());
    }

    @Test
    void aPolicyWithoutMarksIsNamedAsUnannotated(@TempDir Path tmp) throws IOException {
        Path plain = tmp.resolve("plain.txt");
        write(plain, "我们会收集您的手机号码。\n");
        CliRunner r = CliRunner.run("extract", "--format", "nq", plain.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(plain + ":1:1: warning: no marks at all: privkg reads annotated policies"), r.err());
        assertTrue(r.err().contains("\"Writing a policy\""), r.err());
    }
}
