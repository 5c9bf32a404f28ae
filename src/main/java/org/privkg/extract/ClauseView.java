package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Mark;
import org.privkg.annotation.MarkKind;
import org.privkg.annotation.Segment;

/**
 * A clause as one string (marks contribute their text) with the place of each mark in it, so rules
 * can ask what stands between two marks, which comma-part a position is in, and so on.
 */
final class ClauseView {
    /** A mark and where its text sits in {@link #text}. */
    record Span(Mark mark, int from, int to) {
        MarkKind kind() {
            return mark.kind();
        }
    }

    final Clause clause;
    final String text;
    final List<Span> spans;
    private final int[] partStarts;
    /** Positions of {@link #text} inside a mark's text. */
    private final boolean[] marked;
    private final java.util.EnumMap<MarkKind, List<Span>> byKind = new java.util.EnumMap<>(MarkKind.class);

    ClauseView(Clause clause) {
        this.clause = clause;
        StringBuilder sb = new StringBuilder();
        List<Span> found = new ArrayList<>();
        for (Segment seg : clause.segments()) {
            if (seg instanceof Segment.Marked m) {
                int from = sb.length();
                sb.append(m.mark().text());
                found.add(new Span(m.mark(), from, sb.length()));
            } else {
                sb.append(seg.plain());
            }
        }
        this.text = sb.toString();
        this.spans = List.copyOf(found);
        this.marked = new boolean[text.length() + 1];
        for (Span s : spans) java.util.Arrays.fill(marked, Math.max(0, s.from), Math.min(s.to, text.length()), true);
        for (MarkKind k : MarkKind.values()) {
            List<Span> of = new ArrayList<>(spans.size());
            for (Span s : spans) if (s.kind() == k) of.add(s);
            byKind.put(k, List.copyOf(of));
        }
        int[] starts = new int[8];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '，' || c == ',' || c == '：' || c == ':') && !inMark(i)) {
                if (n == starts.length) starts = java.util.Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        partStarts = java.util.Arrays.copyOf(starts, n);
    }

    List<Span> spans(MarkKind kind) {
        return byKind.get(kind);
    }

    boolean inMark(int pos) {
        return pos >= 0 && pos < text.length() && marked[pos];
    }

    /** Index of the comma-part (split at '，' and '：') that holds a position. */
    int part(int pos) {
        int p = 0;
        while (p + 1 < partStarts.length && partStarts[p + 1] <= pos) p++;
        return p;
    }

    int partStart(int pos) {
        return partStarts[part(pos)];
    }

    int partEnd(int pos) {
        int p = part(pos);
        return p + 1 < partStarts.length ? partStarts[p + 1] - 1 : text.length();
    }

    /** The text between two positions with every mark's text left out. */
    String unmarked(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) if (!inMark(i)) sb.append(text.charAt(i));
        return sb.toString();
    }

    /** True when a mark of any kind lies between two positions. */
    boolean markBetween(int from, int to) {
        for (Span s : spans) if (s.from >= from && s.to <= to) return true;
        return false;
    }
}
