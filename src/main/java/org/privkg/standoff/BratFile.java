package org.privkg.standoff;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.Severity;

/**
 * A brat annotation: {@code NAME.ann} beside {@code NAME.txt}. Its text-bound lines
 * {@code T1<TAB>Label START END<TAB>text} are the spans (code-point offsets); relation, event,
 * attribute and note lines (R, E, A, M, N, #, *) are about spans, not spans, and are passed over.
 */
public final class BratFile {
    private BratFile() {
    }

    public static Standoff read(String text, String ann, String annFile, boolean lenient, Diagnostics d) {
        List<Span> spans = new ArrayList<>();
        String[] lines = ann.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            long lineNo = i + 1;
            if (line.isBlank() || line.charAt(0) != 'T') continue;
            String[] fields = line.split("\t", -1);
            String[] head = fields.length >= 2 ? fields[1].split(" ") : new String[0];
            if (fields.length < 3 || head.length != 3 || !isNumber(head[1]) || !isNumber(head[2])) {
                String what = fields[1 < fields.length ? 1 : 0].contains(";")
                        ? "a span in pieces ('START END;START END') is not read; split it into one span per piece"
                        : "a text-bound line is 'ID<TAB>LABEL START END<TAB>TEXT'; this one is truncated or malformed";
                d.report(lenient ? Severity.WARNING : Severity.ERROR, annFile, "span " + fields[0] + ": " + what
                        + (lenient ? " (line left out)" : ""), lineNo, 1);
                continue;
            }
            spans.add(new Span(fields[0], head[0], Integer.parseInt(head[1]), Integer.parseInt(head[2]), fields[2], lineNo));
        }
        return new Standoff(text, List.copyOf(spans), annFile);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
