package org.privkg.standoff;

import java.util.Optional;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.Severity;

/**
 * The text of a tagtog page as CA4P-483 releases it: what stands between {@code <pre id="s1v1">} and
 * the next {@code </pre>}, its character references resolved. Nothing else of the page is read, so no
 * HTML parser is needed; a page without that element, or with markup inside it, is refused by name.
 */
final class PreText {
    private static final String OPEN = "<pre id=\"s1v1\">";

    private PreText() {
    }

    static Optional<String> extract(String html, String file, Diagnostics d) {
        int open = html.indexOf(OPEN);
        int from = open + OPEN.length();
        int close = open < 0 ? -1 : html.indexOf("</pre>", from);
        if (close < 0) {
            d.report(Severity.FATAL, file, open < 0 ? "no <pre id=\"s1v1\"> element: this is not a page of the CA4P-483 release"
                    : "the <pre id=\"s1v1\"> element is not closed", 0, 0);
            return Optional.empty();
        }
        String raw = html.substring(from, close);
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '<') {
                d.report(Severity.FATAL, file, "markup inside <pre id=\"s1v1\"> at character " + i + "; its text is read as plain text only", 0, 0);
                return Optional.empty();
            }
            if (c != '&') {
                sb.append(c);
                continue;
            }
            int semi = raw.indexOf(';', i);
            String ref = semi < 0 || semi - i > 10 ? null : raw.substring(i + 1, semi);
            int cp = ref == null ? -1 : resolve(ref);
            if (cp < 0) {
                d.report(Severity.FATAL, file, "unknown character reference '" + raw.substring(i, Math.min(raw.length(), i + 10))
                        + "' inside <pre id=\"s1v1\">", 0, 0);
                return Optional.empty();
            }
            sb.appendCodePoint(cp);
            i = semi;
        }
        return Optional.of(sb.toString());
    }

    /** The code point of a character reference's name ('amp', '#62', '#x3E'), or -1. */
    private static int resolve(String ref) {
        switch (ref) {
            case "amp": return '&';
            case "lt": return '<';
            case "gt": return '>';
            case "quot": return '"';
            case "apos": return '\'';
            case "nbsp": return 0xA0;
            default: break;
        }
        try {
            int cp = ref.startsWith("#x") || ref.startsWith("#X") ? Integer.parseInt(ref.substring(2), 16)
                    : ref.startsWith("#") ? Integer.parseInt(ref.substring(1)) : -1;
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
