package org.privkg.view;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * Pages as jsoup documents: a value only ever reaches a page through {@code text(..)} or {@code attr(..)}, and jsoup
 * escapes both when the page is written, so no policy's words can become markup. Written without pretty-printing,
 * so the same document gives the same bytes.
 */
public final class Markup {
    /** Keeps the case of names as written: SVG's {@code viewBox} and {@code refX} are case-sensitive. */
    private static final Parser NAMES_AS_WRITTEN = Parser.htmlParser().settings(ParseSettings.preserveCase);

    private Markup() {
    }

    /** An empty page: doctype, language, UTF-8, phone-width viewport and title; its content goes into {@code body()}. */
    public static Document page(String lang, String title) {
        Document d = Document.createShell("");
        d.parser(NAMES_AS_WRITTEN);
        d.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        d.prependChild(new DocumentType("html", "", ""));
        d.child(0).attr("lang", lang);
        Element head = d.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width,initial-scale=1");
        head.appendElement("title").text(title);
        return d;
    }

    /** A stylesheet of the project's own (never a user's value), inline. */
    public static void style(Document page, String css) {
        page.head().appendElement("style").appendChild(new DataNode(css));
    }

    /** The page's bytes as text; the source breaks lines where {@link #line} was put. */
    public static String write(Document page) {
        return page.outerHtml() + "\n";
    }

    /** Ends a line of the page's source after {@code e}, so the written page reads block by block. */
    public static Element line(Element e) {
        e.after(new org.jsoup.nodes.TextNode("\n"));
        return e;
    }

    /** An {@code <svg>} element (SVG namespace: its children are SVG elements too). */
    public static Element svg(Element parent) {
        Element svg = new Element(Tag.valueOf("svg", Parser.NamespaceSvg, ParseSettings.preserveCase), "");
        parent.appendChild(svg);
        return svg;
    }

    /** A link, or the text alone when there is nowhere to go ({@code href} null). */
    public static Element linkOrText(Element parent, String href, String text) {
        if (href == null) {
            parent.appendText(text);
            return parent;
        }
        return parent.appendElement("a").attr("href", href).text(text);
    }
}
