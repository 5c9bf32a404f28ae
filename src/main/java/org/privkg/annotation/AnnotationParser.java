package org.privkg.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an annotated policy (SPEC §1–2) into a {@link PolicyDocument}: resolves escapes, finds the
 * marks, and splits the text into sections, paragraphs, sentences and clauses. Every problem goes to
 * the {@link ErrorHandler}; in lenient mode a bad mark is kept as plain text and reported as a warning.
 */
public final class AnnotationParser {
    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s*(.*)$");
    private static final Pattern LEVEL1 = Pattern.compile("^[一二三四五六七八九十百]+、");
    private static final Pattern LEVEL2 = Pattern.compile("^[（(][一二三四五六七八九十百]+[）)]");
    private static final Pattern DOTTED = Pattern.compile("^\\d+((?:\\.\\d+)+)\\.?(?![\\d%％])");
    private static final Pattern LEVEL3 = Pattern.compile("^\\d+(、|[.．](?![\\d%％])|[）)])");
    private static final Pattern LEVEL4 = Pattern.compile("^[（(]\\d+[）)]");
    private static final Pattern BULLET = Pattern.compile("^([●•·▪◆■◇○]|[-*+]\\s)");
    private static final Pattern SEPARATOR = Pattern.compile("^[=\\-]+$");

    private final boolean lenient;

    public AnnotationParser(boolean lenient) {
        this.lenient = lenient;
    }

    public PolicyDocument parse(String id, String source, String text, ErrorHandler errors) {
        Elements el = Elements.of(text);
        MarkScanner scanner = new MarkScanner(el, errors, lenient);
        Mark[] marks = scanner.scan();
        return new Segmenter(id, source, el, marks, scanner.markEnd).run();
    }

    /** The text as a sequence of characters with escapes resolved and line ends folded to '\n'. */
    static final class Elements {
        final int[] ch;
        final boolean[] literal;
        final int[] off;
        final int[] endOff;
        final long[] line;
        final long[] col;
        final int[] source;
        final int n;

        private Elements(int cap, int[] source) {
            ch = new int[cap];
            literal = new boolean[cap];
            off = new int[cap];
            endOff = new int[cap];
            line = new long[cap];
            col = new long[cap];
            this.source = source;
            int count = 0;
            long ln = 1;
            long cl = 1;
            int i = 0;
            while (i < source.length) {
                int c = source[i];
                off[count] = i;
                line[count] = ln;
                col[count] = cl;
                if (c == '\r' || c == '\n') {
                    int len = (c == '\r' && i + 1 < source.length && source[i + 1] == '\n') ? 2 : 1;
                    ch[count] = '\n';
                    endOff[count++] = i + len;
                    i += len;
                    ln++;
                    cl = 1;
                    continue;
                }
                if (c == '\\' && i + 1 < source.length && (source[i + 1] == '\\' || MarkKind.isMarkChar(source[i + 1]))) {
                    ch[count] = source[i + 1];
                    literal[count] = true;
                    endOff[count++] = i + 2;
                    i += 2;
                    cl += 2;
                    continue;
                }
                ch[count] = c;
                endOff[count++] = i + 1;
                i++;
                cl++;
            }
            n = count;
        }

        static Elements of(String text) {
            int[] cps = text.codePoints().toArray();
            return new Elements(cps.length, cps);
        }

        boolean isLineEnd(int i) {
            return ch[i] == '\n';
        }

        /** True when the line starting at element i holds only white space. */
        boolean blankLineAt(int i) {
            for (int j = i; j < n && ch[j] != '\n'; j++) {
                if (!Character.isWhitespace(ch[j]) && !Character.isSpaceChar(ch[j])) return false;
            }
            return true;
        }

        String where(int i) {
            return line[i] + ":" + col[i];
        }

        String original(int from, int to) {
            return new String(source, from, to - from);
        }
    }

    /** Finds the marks; {@code result[i]} is the mark opening at element i. */
    private static final class MarkScanner {
        private final Elements el;
        private final ErrorHandler errors;
        private final boolean lenient;
        private final Mark[] marks;
        private final int[] markEnd;

        MarkScanner(Elements el, ErrorHandler errors, boolean lenient) {
            this.el = el;
            this.errors = errors;
            this.lenient = lenient;
            this.marks = new Mark[el.n];
            this.markEnd = new int[el.n];
        }

        private void problem(int at, String message) {
            if (lenient) errors.warning(message + " (kept as plain text)", el.line[at], el.col[at]);
            else errors.error(message, el.line[at], el.col[at]);
        }

        Mark[] scan() {
            int i = 0;
            while (i < el.n) {
                int c = el.ch[i];
                if (el.literal[i]) {
                    i++;
                    continue;
                }
                MarkKind closes = MarkKind.closing(c);
                if (closes != null) {
                    problem(i, "unopened mark: '" + (char) c + "' closes no '" + closes.open
                            + "'; write \\" + (char) c + " if it is ordinary text");
                    i++;
                    continue;
                }
                MarkKind kind = MarkKind.opening(c);
                i = kind == null ? i + 1 : scanMark(i, kind);
            }
            return marks;
        }

        /** Scans the mark opening at i; returns where scanning goes on. */
        private int scanMark(int i, MarkKind kind) {
            int lineEnds = 0;
            for (int j = i + 1; j < el.n; j++) {
                int c = el.ch[j];
                if (el.isLineEnd(j)) {
                    if (++lineEnds > 1 || j + 1 >= el.n || el.blankLineAt(j + 1)) {
                        problem(i, "unclosed mark: '" + kind.open + "' has no '" + kind.close
                                + "' before " + (j + 1 >= el.n ? "the end of the file" : "the end of the paragraph")
                                + "; close it or write \\" + kind.open + " for an ordinary bracket");
                        return i + 1;
                    }
                    continue;
                }
                if (el.literal[j]) continue;
                if (c == kind.close) {
                    return accept(i, j, kind);
                }
                MarkKind inner = MarkKind.opening(c);
                if (inner != null) {
                    int outerClose = findClose(j + 1, kind, lineEnds);
                    if (outerClose > 0) {
                        problem(j, "nested mark: '" + inner.open + "' inside the '" + kind.open
                                + "' mark opened at " + el.where(i) + "; marks do not nest, write \\"
                                + inner.open + " for an ordinary bracket");
                        return outerClose + 1;
                    }
                    problem(i, "unclosed mark: '" + kind.open + "' has no '" + kind.close
                            + "' before the next mark opens at " + el.where(j));
                    return j;
                }
                MarkKind other = MarkKind.closing(c);
                if (other != null) {
                    problem(j, "unexpected '" + (char) c + "' inside the '" + kind.open + "' mark opened at "
                            + el.where(i) + "; write \\" + (char) c + " if it is ordinary text");
                }
            }
            problem(i, "unclosed mark: '" + kind.open + "' has no '" + kind.close
                    + "' before the end of the file; close it or write \\" + kind.open + " for an ordinary bracket");
            return i + 1;
        }

        /** The closing bracket of kind at or after j within the mark's reach, or -1. */
        private int findClose(int j, MarkKind kind, int lineEnds) {
            for (; j < el.n; j++) {
                if (el.isLineEnd(j) && (++lineEnds > 1 || j + 1 >= el.n || el.blankLineAt(j + 1))) return -1;
                if (!el.literal[j] && el.ch[j] == kind.close) return j;
            }
            return -1;
        }

        private int accept(int open, int close, MarkKind kind) {
            StringBuilder sb = new StringBuilder();
            for (int k = open + 1; k < close; k++) {
                if (!el.isLineEnd(k)) sb.appendCodePoint(el.ch[k]);
            }
            String text = sb.toString();
            String label = Labels.label(text);
            if (label.isEmpty()) {
                problem(open, "empty mark: '" + kind.open + kind.close + "' holds no text; write the "
                        + "item between the brackets or remove them");
                return close + 1;
            }
            marks[open] = new Mark(kind, text, label, el.off[open], el.endOff[close], el.line[open], el.col[open]);
            markEnd[open] = close + 1;
            return close + 1;
        }
    }

    /** Splits the text into sections, paragraphs, sentences and clauses. */
    private static final class Segmenter {
        private final String id;
        private final String source;
        private final Elements el;
        private final Mark[] marks;
        /** For a mark opening at i: the element just after its closing bracket. */
        private final int[] markEnd;
        private final List<Section> sections = new ArrayList<>();
        private final List<Clause> clauses = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private int section = -1;
        private int paragraph = -1;
        private int sentence = 0;
        private boolean paragraphOpen = false;
        /** Elements of the clause being built: index i >= 0 is a character, a mark is stored as -(i+1). */
        private final List<Integer> buffer = new ArrayList<>();

        Segmenter(String id, String source, Elements el, Mark[] marks, int[] markEnd) {
            this.id = id;
            this.source = source;
            this.el = el;
            this.marks = marks;
            this.markEnd = markEnd;
        }

        PolicyDocument run() {
            int i = 0;
            while (i <= el.n) {
                int end = lineEnd(i);
                handleLine(i, end);
                i = end + 1;
            }
            return new PolicyDocument(id, source, List.copyOf(lines), List.copyOf(sections), List.copyOf(clauses));
        }

        /** The element index of the line end that ends the line starting at i (marks may span one). */
        private int lineEnd(int i) {
            while (i < el.n) {
                if (marks[i] != null) {
                    i = skipMark(i);
                    continue;
                }
                if (el.isLineEnd(i)) return i;
                i++;
            }
            return el.n;
        }

        private int skipMark(int i) {
            if (markEnd[i] > i) return markEnd[i]; // the scanner found the closing bracket already
            int j = i + 1;
            while (!(el.ch[j] == marks[i].kind().close && !el.literal[j])) j++;
            return j + 1;
        }

        private void handleLine(int from, int to) {
            String plain = render(from, to).strip();
            lines.add(plain);
            if (plain.isEmpty() || SEPARATOR.matcher(plain).matches()) {
                paragraphOpen = false;
                return;
            }
            int level = headingLevel(plain);
            if (level > 0) {
                int parent = section;
                while (parent >= 0 && sections.get(parent).level() >= level) parent = sections.get(parent).parent();
                section = sections.size();
                sections.add(new Section(section, level, headingText(plain), el.line[from], parent));
                paragraphOpen = false;
            } else if (BULLET.matcher(plain).find()) {
                paragraphOpen = false;
            }
            if (!paragraphOpen) {
                paragraph++;
                paragraphOpen = true;
            }
            segmentLine(from, to);
        }

        private String render(int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; ) {
                if (marks[i] != null) {
                    sb.append(marks[i].text());
                    i = skipMark(i);
                } else {
                    sb.appendCodePoint(el.ch[i++]);
                }
            }
            return sb.toString();
        }

        static int headingLevel(String line) {
            String s = line.startsWith("**") ? line.substring(2).strip() : line;
            Matcher md = MD_HEADING.matcher(line);
            if (md.matches()) return md.group(1).length();
            if (LEVEL1.matcher(s).find()) return 1;
            if (LEVEL2.matcher(s).find()) return 2;
            Matcher dotted = DOTTED.matcher(s);
            if (dotted.find()) return 3 + (int) dotted.group(1).chars().filter(c -> c == '.').count();
            if (LEVEL3.matcher(s).find()) return 3;
            if (LEVEL4.matcher(s).find()) return 4;
            return 0;
        }

        private static final Pattern MD_PREFIX = Pattern.compile("^#{1,6}\\s*");
        private static final Pattern EMPHASIS = Pattern.compile("^\\*\\*|\\*\\*$");

        private static String headingText(String line) {
            String s = MD_PREFIX.matcher(line).replaceFirst("").strip();
            s = EMPHASIS.matcher(s).replaceAll("").strip();
            return EMPHASIS.matcher(s).replaceAll("").strip();
        }

        private void segmentLine(int from, int to) {
            for (int i = from; i < to; ) {
                if (marks[i] != null) {
                    buffer.add(-(i + 1));
                    i = skipMark(i);
                    continue;
                }
                int c = el.ch[i];
                buffer.add(i);
                if (!el.literal[i] && (c == '。' || c == '！' || c == '？' || c == '!' || c == '?')) {
                    closeClause();
                    sentence++;
                } else if (!el.literal[i] && (c == '；' || c == ';')) {
                    closeClause();
                }
                i++;
            }
            closeClause();
            sentence++;
        }

        private void closeClause() {
            int b = 0;
            int e = buffer.size();
            while (b < e && isSpace(buffer.get(b))) b++;
            while (e > b && isSpace(buffer.get(e - 1))) e--;
            List<Integer> items = buffer.subList(b, e);
            boolean keep = false;
            for (int k = b; k < e && !keep; k++) {
                int x = buffer.get(k);
                keep = x < 0 || Character.isLetterOrDigit(el.ch[x]);
            }
            if (keep) clauses.add(build(items));
            buffer.clear();
        }

        private boolean isSpace(int item) {
            return item >= 0 && (Character.isWhitespace(el.ch[item]) || Character.isSpaceChar(el.ch[item]));
        }

        private Clause build(List<Integer> items) {
            List<Segment> segments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            StringBuilder run = new StringBuilder();
            int runStart = -1;
            for (int item : items) {
                if (item < 0) {
                    if (run.length() > 0) segments.add(new Segment.Text(run.toString(), runStart));
                    run.setLength(0);
                    Mark m = marks[-item - 1];
                    segments.add(new Segment.Marked(m));
                    text.append(m.text());
                } else {
                    if (run.length() == 0) runStart = el.off[item];
                    run.appendCodePoint(el.ch[item]);
                    text.appendCodePoint(el.ch[item]);
                }
            }
            if (run.length() > 0) segments.add(new Segment.Text(run.toString(), runStart));
            int first = items.get(0);
            int last = items.get(items.size() - 1);
            int start = first < 0 ? marks[-first - 1].start() : el.off[first];
            int end = last < 0 ? marks[-last - 1].end() : el.endOff[last];
            long line = first < 0 ? marks[-first - 1].line() : el.line[first];
            return new Clause(clauses.size(), sentence, paragraph, section, line, start, end,
                    text.toString(), el.original(start, end), List.copyOf(segments));
        }
    }
}
