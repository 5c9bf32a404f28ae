package org.privkg.standoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyDocument.Evidence;
import org.privkg.annotation.Severity;

/**
 * Checks a standoff annotation's spans against its text, as the parser checks inline marks: a span
 * outside the text, whose text differs from what its offsets hold, that overlaps another mark span,
 * that holds only white space, or whose label the map does not know is a problem naming the file and
 * the span. A problem is an error; when lenient, a warning, and the span is left out (its text stays
 * plain text). What passes is the marks, cut at paragraph breaks, and the evidence.
 */
public final class SpanCheck {
    /** The spans that passed: marks in reading order, and evidence (its clause not yet known: -1). */
    public record Checked(List<MarkSpan> marks, List<Evidence> evidence) {
    }

    private final LabelMap labels;
    private final boolean lenient;

    public SpanCheck(LabelMap labels, boolean lenient) {
        this.labels = labels;
        this.lenient = lenient;
    }

    public Checked check(Standoff s, Diagnostics diagnostics) {
        CodePoints text = new CodePoints(s.text());
        List<Span> marks = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Span span : s.spans()) {
            var meaning = labels.meaning(span.label());
            if (meaning.isEmpty()) {
                problem(diagnostics, s, span, "unknown label '" + span.label() + "'; map it to data, action, entity, "
                        + "purpose or evidence in a label map (--labels map.json)");
                continue;
            }
            if (span.start() < 0 || span.end() > text.length || span.start() >= span.end()) {
                problem(diagnostics, s, span, span.start() >= span.end() && span.end() <= text.length
                        ? "it is empty or ends before it starts (" + span.start() + "–" + span.end() + ")"
                        : "it lies outside the text (" + span.start() + "–" + span.end() + ", the text has "
                        + text.length + " characters); fix its offsets");
                continue;
            }
            String held = text.substring(span.start(), span.end());
            if (span.text() != null && !sameText(held, span.text())) {
                problem(diagnostics, s, span, "its offsets " + span.start() + "–" + span.end() + " hold '" + shorten(held)
                        + "' but the file records '" + shorten(span.text()) + "'; fix the offsets or the text");
                continue;
            }
            if (held.isBlank()) {
                problem(diagnostics, s, span, "it holds only white space");
                continue;
            }
            if (meaning.get().isMark()) marks.add(span);
            else evidence.add(new Evidence(span.label(), held, span.start(), span.end(), -1));
        }
        marks.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<MarkSpan> out = new ArrayList<>();
        Span last = null;
        for (Span span : marks) {
            if (last != null && span.start() < last.end()) {
                boolean same = span.start() == last.start() && span.end() == last.end()
                        && kind(span) == kind(last);
                if (same) {
                    diagnostics.report(Severity.WARNING, s.annotationFile(), where(span) + " is recorded twice (as "
                            + last.id() + " too); read once", span.line(), span.line() > 0 ? 1 : 0);
                } else {
                    problem(diagnostics, s, span, "it overlaps span " + last.id() + " (" + last.label() + " "
                            + last.start() + "–" + last.end() + "); marks do not overlap, remove or shorten one");
                }
                continue;
            }
            cut(text, span, out);
            last = span;
        }
        return new Checked(List.copyOf(out), List.copyOf(evidence));
    }

    private org.privkg.annotation.MarkKind kind(Span span) {
        return labels.meaning(span.label()).orElseThrow().kind();
    }

    /** A span across a paragraph break (a line end, then a blank line) becomes one mark per paragraph. */
    private void cut(CodePoints text, Span span, List<MarkSpan> out) {
        int from = span.start();
        for (int i = span.start(); i < span.end(); i++) {
            if (isLineEnd(text.codePointAt(i)) && blankLineAfter(text, i, span.end())) {
                out.add(new MarkSpan(kind(span), from, i));
                while (i + 1 < span.end() && Character.isWhitespace(text.codePointAt(i + 1))) i++;
                from = i + 1;
            }
        }
        if (from < span.end()) out.add(new MarkSpan(kind(span), from, span.end()));
    }

    /** True when the line after the line end at i (a CR LF counts once) holds only white space and ends before {@code end}. */
    private static boolean blankLineAfter(CodePoints text, int i, int end) {
        int j = i + 1;
        if (text.codePointAt(i) == '\r' && j < end && text.codePointAt(j) == '\n') j++;
        for (; j < end; j++) {
            int c = text.codePointAt(j);
            if (isLineEnd(c)) return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return false;
    }

    private static boolean isLineEnd(int c) {
        return c == '\n' || c == '\r';
    }

    /** Tools record a span's text with its line ends as they are (CA4P) or as spaces (brat). */
    private static boolean sameText(String held, String recorded) {
        return held.equals(recorded) || lineEndsAsSpaces(held).equals(lineEndsAsSpaces(recorded));
    }

    private static String lineEndsAsSpaces(String s) {
        return s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private void problem(Diagnostics d, Standoff s, Span span, String message) {
        Severity severity = lenient ? Severity.WARNING : Severity.ERROR;
        d.report(severity, s.annotationFile(), where(span) + ": " + message + (lenient ? " (span left out)" : ""),
                span.line(), span.line() > 0 ? 1 : 0);
    }

    private static String where(Span span) {
        return "span " + span.id() + " (" + span.label() + " " + span.start() + "–" + span.end() + ")";
    }

    private static String shorten(String s) {
        String one = lineEndsAsSpaces(s);
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }
}
