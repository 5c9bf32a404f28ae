package org.privkg.view;

import static org.privkg.view.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The frame of every view page: UTF-8, phone-width viewport, the inlined stylesheet, an optional navigation bar. */
public final class PageFrame {
    /** privkg/view/page.css, inlined so that the report needs nothing beside itself. */
    public static final String CSS = resource("/privkg/view/page.css");

    private PageFrame() {
    }

    /**
     * A whole page.
     *
     * @param nav  the navigation bar's HTML (links), or empty for none
     * @param body the page's HTML
     */
    public static String page(String title, String nav, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                // no icon to fetch: a page makes no request it does not need
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<title>" + esc(title) + " — privkg</title><style>" + CSS + "</style></head>\n<body>"
                + (nav.isEmpty() ? "" : "<header class=\"nav\">" + nav + "</header>\n") + "<main>\n" + body + "</main>\n</body></html>\n";
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
