package org.privkg.standoff;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;

/**
 * The inverse of {@link InlineWriter}: inline marks → plain text and its marks (code-point offsets in
 * the plain text). Escapes are resolved as the parser resolves them ({@code \\} and a backslash before
 * a bracket); every other character, line ends included, is kept as it is. The text must be one the
 * parser reads without errors: then every bracket that is not escaped opens or closes a mark.
 */
public final class InlineReader {
    private InlineReader() {
    }

    /** Plain text and its marks, in reading order. */
    public record Plain(String text, List<MarkSpan> marks) {
    }

    public static Plain read(String marked) {
        int[] cps = marked.codePoints().toArray();
        StringBuilder text = new StringBuilder(marked.length());
        List<MarkSpan> marks = new ArrayList<>();
        int length = 0; // code points of plain text so far
        MarkKind open = null;
        int openAt = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\' && i + 1 < cps.length && (cps[i + 1] == '\\' || MarkKind.isMarkChar(cps[i + 1]))) {
                text.appendCodePoint(cps[++i]);
                length++;
            } else if (MarkKind.opening(c) != null && open == null) {
                open = MarkKind.opening(c);
                openAt = length;
            } else if (open != null && c == open.close) {
                marks.add(new MarkSpan(open, openAt, length));
                open = null;
            } else {
                if (MarkKind.isMarkChar(c)) throw new IllegalArgumentException("bracket '" + (char) c + "' at " + i + " is no mark's: the text was not read cleanly first");
                text.appendCodePoint(c);
                length++;
            }
        }
        if (open != null) throw new IllegalArgumentException("unclosed mark: the text was not read cleanly first");
        return new Plain(text.toString(), List.copyOf(marks));
    }
}
