package org.privkg.annotate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of a policy published as a web page, laid out as the annotation format reads it: each
 * heading, paragraph, list item and table row on a line of its own (so headings open sections and
 * sentences end at line ends as in a text policy), white space inside a block collapsed; scripts,
 * styles, navigation and forms dropped.
 */
public final class HtmlPolicy {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br",
            "section", "article", "main", "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "blockquote",
            "pre", "hr", "title", "body", "td", "th");
    private static final String DROPPED = "script, style, nav, noscript, template, iframe, svg, form, button, select, head > :not(title)";

    private HtmlPolicy() {
    }

    /** Is this file a web page: named .html or .htm, or starting (after white space) with a tag? */
    public static boolean isHtml(String name, byte[] bytes) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) return true;
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) i = 3;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) i++;
        String head = new String(bytes, i, Math.min(15, bytes.length - i), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** @param charset the page's encoding, or null to take it from its byte-order mark or meta tag (UTF-8 when neither says) */
    public static String text(byte[] bytes, Charset charset) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset == null ? null : charset.name(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read from memory: cannot happen
        }
        doc.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    append(out, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    lineEnd(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) lineEnd(out);
            }
        }, doc);
        return out.toString().strip() + "\n";
    }

    /**
     * Appends text with runs of white space made one space, none at a line's start and none beside a
     * Chinese character (a source line break inside a sentence is no space in the sentence).
     */
    private static void append(StringBuilder out, String s) {
        boolean pending = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pending = true;
                continue;
            }
            if (pending && out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                if (last != ' ' && last != '\n' && !isWide(last) && !isWide(c)) out.append(' ');
            }
            pending = false;
            out.append(c);
        }
        if (pending && out.length() > 0 && !isWide(out.charAt(out.length() - 1)) && out.charAt(out.length() - 1) != '\n') {
            out.append(' ');
        }
    }

    /** Han characters and the full-width punctuation of Chinese text. */
    private static boolean isWide(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF00' && c <= '\uFFEF');
    }

    private static void lineEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }
}
