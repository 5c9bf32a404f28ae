package org.privkg.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.privkg.standoff.InlineReader;

class HtmlPolicyTest {
    static Path resource(String name) {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/resources/annotate").resolve(name);
    }

    /** The marks as (kind, marked text) in reading order: what a reviewer sees, whatever the white space. */
    static List<String> marks(String text) {
        List<ProposedMark> found = AnnotatorTest.ANNOTATOR.annotate(text);
        int[] cps = text.codePoints().toArray();
        return found.stream().map(m -> m.kind() + " " + new String(cps, m.start(), m.end() - m.start())).toList();
    }

    @Test
    void aWebPageAndTheSamePolicyAsTextGiveTheSameMarks() throws IOException {
        String page = HtmlPolicy.text(Files.readAllBytes(resource("ticket.html")), null);
        String text = Files.readString(resource("ticket.txt"));
        List<String> fromPage = marks(page);
        assertFalse(fromPage.isEmpty());
        assertEquals(marks(text), fromPage);
        assertEquals(text, page, "headings, list items and paragraphs each on a line, as in the text");
    }

    @Test
    void scriptsStylesAndNavigationAreDropped() throws IOException {
        String page = HtmlPolicy.text(Files.readAllBytes(resource("ticket.html")), null);
        assertFalse(page.contains("设备信息"), page);   // in a script
        assertFalse(page.contains("首页"), page);       // in the navigation
        assertFalse(page.contains("color"), page);      // in the style
        assertFalse(page.contains("位置信息"), page);   // in a script in the body
    }

    @Test
    void aPageInAnotherEncodingIsReadByItsMetaTag() {
        String html = "<html><head><meta charset=\"GB18030\"></head><body><p>我们会收集您的手机号码。</p></body></html>";
        String text = HtmlPolicy.text(html.getBytes(Charset.forName("GB18030")), null);
        assertEquals("我们会收集您的手机号码。\n", text);
    }

    @Test
    void aPageIsToldByNameOrByItsFirstTag() {
        assertTrue(HtmlPolicy.isHtml("policy.htm", new byte[0]));
        assertTrue(HtmlPolicy.isHtml("policy.txt", "\n  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(HtmlPolicy.isHtml("policy.txt", "我们会收集<手机号码>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTextOfAPageHasNoMarksOfItsOwn() throws IOException {
        String page = HtmlPolicy.text(Files.readAllBytes(resource("ticket.html")), null);
        assertEquals(page, InlineReader.read(AnnotatorTest.ANNOTATOR.marked(page)).text());
    }
}
