package org.privkg.extract;

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
    record Span(Mark mark, int from, int to, int nth) {
        MarkKind kind() {
            return mark.kind();
        }
    }

    private static final Span[] NONE = {};
    private static final MarkKind[] KINDS = MarkKind.values();

    final Clause clause;
    final String text;
    /**
     * The marks in reading order; arrays, not lists, as the rules walk them many times per clause and
     * a list's iterator is an allocation each time.
     */
    final Span[] spans;
    private int[] partStarts;
    /** Which positions of {@link #text} lie inside a mark; null when the clause has no marks. */
    private final boolean[] marked;
    private final Span[][] byKind;

    /**
     * How many marks of each kind a clause is read with ({@link ExtractionBounds#MARKS_PER_KIND}); the
     * marks past it stay in the clause's text, count as marked (no cue is looked for in them) but are
     * not read: the rules compare marks with marks, and a clause of thousands of marks would take
     * time and give output that grow with their square.
     */
    private final Mark firstUnread;

    /** The items each data mark names, by the mark's place among the clause's data marks. */
    private final ItemList[] items;

    ClauseView(Clause clause) {
        this(clause, ExtractionBounds.MARKS_PER_KIND, null);
    }

    ClauseView(Clause clause, ListSplitter lists) {
        this(clause, ExtractionBounds.MARKS_PER_KIND, lists);
    }

    ClauseView(Clause clause, int perKind) {
        this(clause, perKind, null);
    }

    ClauseView(Clause clause, int perKind, ListSplitter lists) {
        this.clause = clause;
        // the clause's text is already its segments joined, marks contributing their text
        this.text = clause.text();
        List<Segment> segments = clause.segments();
        int[] ofKind = new int[KINDS.length];
        int marks = 0;
        int all = 0;
        Mark unread = null;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof Segment.Marked m) {
                all++;
                if (ofKind[m.mark().kind().ordinal()] == perKind) {
                    if (unread == null) unread = m.mark();
                    continue;
                }
                ofKind[m.mark().kind().ordinal()]++;
                marks++;
            }
        }
        this.firstUnread = unread;
        Span[] found = marks == 0 ? NONE : new Span[marks];
        byKind = new Span[KINDS.length][];
        for (int k = 0; k < KINDS.length; k++) byKind[k] = ofKind[k] == 0 ? NONE : new Span[ofKind[k]];
        java.util.Arrays.fill(ofKind, 0); // from here on: how many of each kind are placed
        boolean[] inside = all == 0 ? null : new boolean[text.length()];
        int pos = 0;
        int placed = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            int from = pos;
            pos += seg.plain().length();
            if (seg instanceof Segment.Marked m) {
                java.util.Arrays.fill(inside, from, pos, true);
                int k = m.mark().kind().ordinal();
                if (ofKind[k] == perKind) continue;
                Span span = new Span(m.mark(), from, pos, ofKind[k]);
                found[placed++] = span;
                byKind[k][ofKind[k]++] = span;
            }
        }
        this.spans = found;
        this.marked = inside;
        Span[] data = byKind[MarkKind.DATA.ordinal()];
        this.items = new ItemList[data.length];
        for (int k = 0; k < data.length; k++) {
            String label = data[k].mark().label();
            items[k] = lists == null ? ItemList.single(label) : lists.split(label);
        }
    }

    /** The items a data mark of this clause names (one, unless the mark holds a list). */
    ItemList items(Span data) {
        return items[data.nth()];
    }

    /** The first mark of the clause that is not read (past the limit of its kind), or null when all are. */
    Mark firstUnread() {
        return firstUnread;
    }

    /**
     * Where each comma-part starts: a separator inside a mark splits nothing. Found on first use, as
     * clauses without marks (two in three in the benchmark's corpus) rarely ask: only a sensitivity
     * declaration does.
     */
    private int[] partStarts() {
        if (partStarts == null) {
            // String.indexOf finds the few separators faster than a look at every character
            int[] starts = new int[8];
            int count = 1;
            for (int k = 0; k < SEPARATORS.length(); k++) {
                char separator = SEPARATORS.charAt(k);
                for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
                    if (marked != null && marked[at]) continue;
                    if (count == starts.length) starts = java.util.Arrays.copyOf(starts, count * 2);
                    starts[count++] = at + 1;
                }
            }
            java.util.Arrays.sort(starts, 1, count);
            partStarts = java.util.Arrays.copyOf(starts, count);
        }
        return partStarts;
    }

    private static final String SEPARATORS = "，,：:";

    /** The marks of one kind in reading order; not to be changed. */
    Span[] spans(MarkKind kind) {
        return byKind[kind.ordinal()];
    }

    boolean inMark(int pos) {
        return marked != null && pos >= 0 && pos < marked.length && marked[pos];
    }

    /** Index of the comma-part (split at '，' and '：') that holds a position. */
    int part(int pos) {
        int[] starts = partStarts();
        // the last part starting at or before pos; starts[0] is 0 and the starts rise
        int p = java.util.Arrays.binarySearch(starts, pos);
        return p >= 0 ? p : Math.max(0, -p - 2);
    }

    int partStart(int pos) {
        return partStarts()[part(pos)];
    }

    int partEnd(int pos) {
        int[] starts = partStarts();
        int p = part(pos);
        return p + 1 < starts.length ? starts[p + 1] - 1 : text.length();
    }

    /** The text between two positions with every mark's text left out. */
    String unmarked(int from, int to) {
        int b = Math.max(0, from);
        int e = Math.min(to, text.length());
        if (b >= e) return "";
        if (!markBetweenChars(b, e)) return text.substring(b, e);
        StringBuilder sb = new StringBuilder(e - b);
        for (int i = b; i < e; i++) if (!inMark(i)) sb.append(text.charAt(i));
        return sb.toString();
    }

    /** True when some position in [from, to) lies inside a mark. */
    private boolean markBetweenChars(int from, int to) {
        for (Span s : spans) if (s.from < to && s.to > from) return true;
        return false;
    }

    /** True when a mark of any kind lies between two positions. */
    boolean markBetween(int from, int to) {
        for (Span s : spans) if (s.from >= from && s.to <= to) return true;
        return false;
    }
}
