package org.privkg.standoff;

import java.util.List;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;

/**
 * Writes plain text and its marks as inline marks: each mark in its brackets, and a bracket that is
 * ordinary text escaped ({@code (} becomes {@code \(}). A backslash is doubled only where the
 * parser would otherwise read it as an escape, i.e. before a backslash or a bracket, so text without
 * such pairs keeps its backslashes as they are.
 */
public final class InlineWriter {
    private InlineWriter() {
    }

    /** @param marks in reading order, not overlapping, inside the text (code-point offsets) */
    public static String write(String text, List<MarkSpan> marks) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length() + 2 * marks.size() + 16);
        int k = 0;
        for (int i = 0; i <= cps.length; i++) {
            // a mark closes before the next opens at the same offset
            if (k > 0 && marks.get(k - 1).end() == i) out.append(marks.get(k - 1).kind().close);
            if (k < marks.size() && marks.get(k).start() == i) out.append(marks.get(k++).kind().open);
            if (i == cps.length) break;
            int c = cps[i];
            if (MarkKind.isMarkChar(c)) {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\\') {
                boolean boundary = (k > 0 && marks.get(k - 1).end() == i + 1) || (k < marks.size() && marks.get(k).start() == i + 1);
                boolean beforeSpecial = i + 1 < cps.length && (cps[i + 1] == '\\' || MarkKind.isMarkChar(cps[i + 1]));
                out.append(boundary || beforeSpecial ? "\\\\" : "\\");
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
