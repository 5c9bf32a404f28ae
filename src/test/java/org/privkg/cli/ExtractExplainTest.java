package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privkg extract --explain}: per clause the practices taken and which rule decided each data item,
 * party, negation and condition. The policy is docs/examples/explain.txt, the example of docs/annotating.md.
 */
class ExtractExplainTest {
    static final String EXAMPLE = "docs/examples/explain.txt";

    private static List<String> explain(String... files) {
        String[] args = new String[files.length + 2];
        args[0] = "extract";
        args[1] = "--explain";
        System.arraycopy(files, 0, args, 2, files.length);
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    /** docs/annotating.md shows this command and lines of what it prints ("…" for lines left out): they come out, in that order. */
    @Test
    void theGuideShowsWhatTheCommandPrints() throws Exception {
        String guide = Files.readString(Path.of("docs/annotating.md"));
        String prompt = "$ bin/privkg extract --explain ";
        int from = guide.indexOf(prompt);
        assertTrue(from >= 0, "docs/annotating.md shows the command");
        List<String> shown = guide.substring(from, guide.indexOf("```", from)).lines().toList();
        assertEquals(prompt + EXAMPLE, shown.get(0));
        List<String> out = explain(EXAMPLE);
        int at = 0;
        for (String line : shown.subList(1, shown.size())) {
            if (line.strip().equals("…")) continue;
            int found = out.subList(at, out.size()).indexOf(line);
            assertTrue(found >= 0, "not printed (or not in this order): " + line + "\n" + String.join("\n", out));
            at += found + 1;
        }
    }

    @Test
    void eachClauseIsPlacedByLineAndColumnWithThePracticesTakenFromIt() {
        List<String> out = explain(EXAMPLE);
        assertTrue(out.contains("explain.txt:3:1: 为{注册账号}，我们会[收集]您的<头像、昵称>。"), String.join("\n", out));
        assertTrue(out.contains("  practice 1: Collect [收集] by 示例, data 头像、昵称, for 注册账号"), String.join("\n", out));
        // the second clause of line 4 starts after the first one's '；'
        assertTrue(out.contains("explain.txt:4:32: 我们不会[出售]您的<通讯录>。"), String.join("\n", out));
        assertTrue(out.contains("  practice 3: not Share [出售] by 示例, data 通讯录"), String.join("\n", out));
    }

    @Test
    void saysHowEachDataItemWasFoundAndWhichActionTookIt() {
        List<String> out = explain(EXAMPLE);
        assertTrue(out.contains("    data 头像: member 1 of list <头像、昵称> (split at top-level separators and connectives "
                + "into 2 members), object of [收集], the last action before it in its comma-part"), String.join("\n", out));
        assertTrue(out.contains("    data 昵称: member 2 of list <头像、昵称> (split at top-level separators and connectives "
                + "into 2 members), object of [收集], the last action before it in its comma-part"), String.join("\n", out));
        assertTrue(out.contains("    data of [收集] shared with [存储]: it has no object of its own"), String.join("\n", out));
    }

    @Test
    void tellsANegationFromAConsentCondition() {
        List<String> out = explain(EXAMPLE);
        assertTrue(out.contains("    condition: 未经您的同意 before [共享] (consent condition, not a negation: 不会 is 'only if')"),
                String.join("\n", out));
        assertTrue(out.contains("    negation: 不会 before [出售]"), String.join("\n", out));
    }

    @Test
    void saysWhoActsAndWhereDataGoes() {
        List<String> out = explain(EXAMPLE);
        assertTrue(out.contains("    subject of [收集]: 我们, first person written without a mark before it"), String.join("\n", out));
        assertTrue(out.contains("    subject of [存储]: (支付机构), a third party, stands as subject before it"), String.join("\n", out));
        assertTrue(out.contains("    subject of [共享]: 我们, first person written without a mark before it"), String.join("\n", out));
        assertTrue(out.contains("    recipient 广告平台: after 向, before [共享]"), String.join("\n", out));
        assertTrue(out.contains("    place 新加坡的服务器: the nearest action before it is [存储]"), String.join("\n", out));
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillExplained(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.txt"), "我们会[收集<手机号>。\n");
        CliRunner r = CliRunner.run("extract", "--explain", bad.toString(), EXAMPLE);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.txt:1:"), r.err());
        assertTrue(r.out().contains("explain.txt:3:1:"), r.out());
    }
}
