package org.privkg.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnnotationParserTest {

    static PolicyDocument parse(String text) {
        Diagnostics d = new Diagnostics("p.txt");
        PolicyDocument doc = new AnnotationParser(false).parse("p", "p.txt", text, d);
        assertFalse(d.hasErrors(), () -> "unexpected errors: " + d.all());
        return doc;
    }

    static List<Diagnostic> problems(String text, boolean lenient) {
        Diagnostics d = new Diagnostics("p.txt");
        new AnnotationParser(lenient).parse("p", "p.txt", text, d);
        return d.all();
    }

    static List<Mark> marks(String text) {
        return parse(text).clauses().stream().flatMap(c -> c.marks().stream()).toList();
    }

    @Nested
    class Marks {
        @Test
        void fourKindsOfMark() {
            List<Mark> m = marks("为{提供会员服务}，(我们)会[收集]您的<手机号码>。");
            assertEquals(List.of(MarkKind.PURPOSE, MarkKind.ENTITY, MarkKind.ACTION, MarkKind.DATA),
                    m.stream().map(Mark::kind).toList());
            assertEquals(List.of("提供会员服务", "我们", "收集", "手机号码"), m.stream().map(Mark::label).toList());
        }

        @Test
        void fullWidthBracketsAreOrdinaryTextAndNfkcNormalisesTheLabel() {
            Mark m = marks("可能会[记录]<有风险的链接（“URL”）>。").get(1);
            assertEquals("有风险的链接（“URL”）", m.text());
            assertEquals("有风险的链接(“URL”)", m.label());
        }

        @Test
        void labelsDropWhiteSpaceAndMarkdownEmphasisAtTheEnds() {
            Mark m = marks("[收集]< **IP 地址** >").get(1);
            assertEquals("IP 地址", m.label());
            assertEquals("IP地址", m.key());
        }

        @Test
        void backslashMakesAMarkCharacterOrdinary() {
            PolicyDocument doc = parse("支持Wi-Fi \\(无线局域网\\)，年满\\<14岁，1\\.路径C:\\\\dir");
            Clause c = doc.clauses().get(0);
            assertTrue(c.marks().isEmpty());
            assertTrue(c.text().contains("Wi-Fi (无线局域网)"), c.text());
            assertTrue(c.text().contains("年满<14岁"), c.text());
            assertTrue(c.text().contains("1\\.路径C:\\dir"), c.text());
        }

        @Test
        void aMarkMayRunAcrossOneLineEnd() {
            Mark m = marks("[记录]<语音聊天\n记录>。").get(1);
            assertEquals("语音聊天记录", m.label());
            assertEquals(1, m.line());
        }

        @Test
        void offsetsCountCodePointsOfTheDecodedText() {
            Mark m = marks("𠀀[收集]").get(0);
            assertEquals(1, m.start());
            assertEquals(5, m.end());
            assertEquals(2, m.column());
        }
    }

    @Nested
    class Structure {
        @Test
        void headingLevelsFollowTheNumberingScheme() {
            PolicyDocument doc = parse(String.join("\n",
                    "一、我们如何收集信息", "（一）注册", "1、帮助您注册", "（1）手机号", "**二、如何共享**",
                    "## 第三部分", "3.1 小节", "3.1.2 细节", "1. 列表式标题"));
            assertEquals(List.of(1, 2, 3, 4, 1, 2, 4, 5, 3), doc.sections().stream().map(Section::level).toList());
            assertEquals("如何共享", doc.sections().get(4).heading().replaceAll("^二、", ""));
            assertEquals(2, doc.sections().get(3).parent());
            assertEquals(-1, doc.sections().get(4).parent());
        }

        @Test
        void sentencesEndAtStopsAndLineEndsAndSplitIntoClausesAtSemicolons() {
            PolicyDocument doc = parse("我们[收集]<A>；我们[使用]<B>。我们[共享]<C>\n我们[删除]<D>！");
            assertEquals(4, doc.clauses().size());
            assertEquals(doc.clauses().get(0).sentence(), doc.clauses().get(1).sentence());
            assertTrue(doc.clauses().get(2).sentence() > doc.clauses().get(1).sentence());
            assertTrue(doc.clauses().get(3).sentence() > doc.clauses().get(2).sentence());
        }

        @Test
        void splitPointsInsideAMarkDoNotCount() {
            PolicyDocument doc = parse("为{甲；乙。丙}，我们[收集]<A>。");
            assertEquals(1, doc.clauses().size());
            assertEquals("甲;乙。丙", doc.clauses().get(0).marks().get(0).label(), "NFKC folds the full-width semicolon");
        }

        @Test
        void clausesKeepPlainTextAnnotatedTextLineAndOffsets() {
            String text = "标题\n\n(我们)会[收集]<手机号码>；并[使用]它。";
            Clause c = parse(text).clauses().get(1);
            assertEquals("我们会收集手机号码；", c.text());
            assertEquals("(我们)会[收集]<手机号码>；", c.annotated());
            assertEquals(3, c.line());
            assertEquals(text.indexOf("(我们)"), c.start());
            assertEquals(text.indexOf("并"), c.end());
        }

        @Test
        void blankLinesSeparatorsBulletsAndLeadInsStartParagraphs() {
            PolicyDocument doc = parse("甲[收集]<A>。\n乙[收集]<B>。\n\n丙。\n---\n● 丁。\n<E>：说明。");
            List<Integer> paragraphs = doc.clauses().stream().map(Clause::paragraph).toList();
            assertEquals(paragraphs.get(0), paragraphs.get(1));
            assertEquals(4, paragraphs.stream().distinct().count(), paragraphs.toString());
        }

        @Test
        void crlfAndCrAreLineEnds() {
            PolicyDocument doc = parse("一、甲\r\n[收集]<A>\r[使用]<B>");
            assertEquals(List.of(1L, 2L, 3L), doc.clauses().stream().map(Clause::line).toList());
        }
    }

    @Nested
    class ProblemsAreReportedWithLineAndColumn {
        @Test
        void unclosedMarkAtTheEndOfTheFile() {
            List<Diagnostic> d = problems("第一行\n我们[收集<手机号码>", false);
            assertEquals(1, d.size(), d.toString());
            assertEquals("p.txt:2:3: error: unclosed mark: '[' has no ']' before the next mark opens at 2:6",
                    d.get(0).toString());
        }

        @Test
        void unclosedMarkBeforeABlankLine() {
            Diagnostic d = problems("我们会<手机\n\n号码>", false).get(0);
            assertEquals(1, d.line());
            assertEquals(4, d.column());
            assertTrue(d.message().startsWith("unclosed mark: '<'"), d.message());
        }

        @Test
        void aMarkMayNotRunAcrossTwoLineEnds() {
            Diagnostic d = problems("<甲\n乙\n丙>", false).get(0);
            assertTrue(d.message().startsWith("unclosed mark"), d.message());
        }

        @Test
        void unopenedMark() {
            Diagnostic d = problems("我们收集手机号码>。", false).get(0);
            assertEquals("p.txt:1:9: error: unopened mark: '>' closes no '<'; write \\> if it is ordinary text", d.toString());
        }

        @Test
        void nestedMark() {
            Diagnostic d = problems("[收集<手机号码>]", false).get(0);
            assertEquals(1, d.line());
            assertEquals(4, d.column());
            assertTrue(d.message().startsWith("nested mark: '<' inside the '[' mark opened at 1:1"), d.message());
        }

        @Test
        void emptyMark() {
            Diagnostic d = problems("我们[收集]< >。", false).get(0);
            assertEquals(7, d.column());
            assertTrue(d.message().startsWith("empty mark"), d.message());
        }

        @Test
        void strayCloserOfAnotherKindInsideAMark() {
            Diagnostic d = problems("<手机)号码>", false).get(0);
            assertTrue(d.message().startsWith("unexpected ')' inside the '<' mark"), d.message());
        }

        @Test
        void everyProblemOfAFileIsReportedAtOnce() {
            List<Diagnostic> d = problems("[]\n甲>\n<乙(丙)>", false);
            assertEquals(3, d.size(), d.toString());
            assertEquals(List.of(1L, 2L, 3L), d.stream().map(Diagnostic::line).toList());
        }

        @Test
        void lenientModeKeepsBadMarksAsPlainTextWithWarnings() {
            Diagnostics d = new Diagnostics("p.txt");
            PolicyDocument doc = new AnnotationParser(true).parse("p", "p.txt", "我们[收集<手机号码>。另有>符号", d);
            assertFalse(d.hasErrors());
            assertEquals(2, d.all().size());
            assertTrue(d.all().stream().allMatch(x -> x.severity() == Severity.WARNING));
            assertEquals("p.txt:1:3: warning: unclosed mark: '[' has no ']' before the next mark opens at 1:6 (kept as plain text)",
                    d.all().get(0).toString());
            Clause c = doc.clauses().get(0);
            assertEquals("我们[收集手机号码。", c.text());
            assertEquals(List.of("手机号码"), c.marks().stream().map(Mark::label).toList());
        }
    }
}
