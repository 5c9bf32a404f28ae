package org.privkg.view;

import static org.privkg.view.Markup.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The frame of every view page: UTF-8, phone-width viewport, the inlined stylesheet, an optional navigation bar. */
public final class PageFrame {
    /** privkg/view/page.css, inlined so that the report needs nothing beside itself. */
    public static final String CSS = resource("/privkg/view/page.css");

    private PageFrame() {
    }

    /**
     * A whole page.
     *
     * @param nav  fills the navigation bar with links, or null for no bar
     * @param main fills the page's {@code <main>}
     */
    public static String page(String title, Consumer<Element> nav, Consumer<Element> main) {
        Document d = Markup.page("zh-CN", title + " — privkg");
        // no icon to fetch: a page makes no request it does not need
        d.head().appendElement("link").attr("rel", "icon").attr("href", "data:,");
        Markup.style(d, CSS);
        Element body = d.body();
        body.appendText("\n");
        if (nav != null) nav.accept(line(body.appendElement("header").addClass("nav")));
        Element m = body.appendElement("main");
        m.appendText("\n");
        main.accept(m);
        line(m);
        return Markup.write(d);
    }

    static String resource(String path) {
        try (InputStream in = PageFrame.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
