package org.privkg.view;

import java.util.Locale;
import org.jsoup.nodes.Element;
import org.privkg.annotation.MarkKind;

/**
 * A clause's annotated text on a page: each mark a {@code <mark>} of its kind (purpose, action, data, entity)
 * without its brackets, escapes resolved as docs/annotating.md says, everything else text.
 */
public final class MarkedText {
    private MarkedText() {
    }

    /** Appends the clause's text and marks to {@code parent}. */
    public static void appendTo(Element parent, String annotated) {
        StringBuilder text = new StringBuilder();
        StringBuilder mark = null;
        MarkKind open = null;
        int[] cps = annotated.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\' && i + 1 < cps.length) {
                (mark != null ? mark : text).appendCodePoint(cps[++i]);
                continue;
            }
            if (open == null && MarkKind.opening(c) != null) {
                open = MarkKind.opening(c);
                mark = new StringBuilder();
            } else if (open != null && c == open.close) {
                flush(parent, text);
                parent.appendElement("mark").addClass(open.name().toLowerCase(Locale.ROOT)).text(mark.toString());
                open = null;
                mark = null;
            } else {
                (mark != null ? mark : text).appendCodePoint(c);
            }
        }
        // an unclosed mark (the extractor refused or repaired it) shows as written
        if (open != null) text.appendCodePoint(open.open).append(mark);
        flush(parent, text);
    }

    private static void flush(Element parent, StringBuilder text) {
        if (!text.isEmpty()) parent.appendText(text.toString());
        text.setLength(0);
    }
}
