package org.privkg.view;

import static org.privkg.view.Html.esc;

import java.util.Locale;
import org.privkg.annotation.MarkKind;

/**
 * A clause's annotated text as HTML: each mark a {@code <mark>} of its kind (purpose, action, data, entity)
 * without its brackets, escapes resolved as docs/annotating.md says, everything else escaped text.
 */
public final class MarkedText {
    private MarkedText() {
    }

    public static String html(String annotated) {
        StringBuilder out = new StringBuilder();
        StringBuilder mark = null;
        MarkKind open = null;
        int[] cps = annotated.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\' && i + 1 < cps.length) {
                (mark != null ? mark : out).append(esc(new String(cps, ++i, 1)));
                continue;
            }
            if (open == null && MarkKind.opening(c) != null) {
                open = MarkKind.opening(c);
                mark = new StringBuilder();
            } else if (open != null && c == open.close) {
                out.append("<mark class=\"").append(open.name().toLowerCase(Locale.ROOT)).append("\">").append(mark).append("</mark>");
                open = null;
                mark = null;
            } else {
                (mark != null ? mark : out).append(esc(new String(cps, i, 1)));
            }
        }
        // an unclosed mark (the extractor refused or repaired it) shows as written
        if (open != null) out.append(esc(String.valueOf(open.open))).append(mark);
        return out.toString();
    }
}
