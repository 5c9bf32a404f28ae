package org.privkg.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an annotated policy (docs/annotating.md) into a {@link PolicyDocument}: resolves escapes, finds the
 * marks, and splits the text into sections, paragraphs, sentences and clauses. Every problem goes to
 * the {@link ErrorHandler}; in lenient mode a bad mark is kept as plain text and reported as a warning.
 */
public final class AnnotationParser {
    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s*(.*)$");

    private final boolean lenient;

    public AnnotationParser(boolean lenient) {
        this.lenient = lenient;
    }

    public PolicyDocument parse(String id, String source, String text, ErrorHandler errors) {
        Elements el = Elements.of(text);
        Marks marks = new MarkScanner(el, errors, lenient).scan();
        return new Segmenter(id, source, el, marks).run();
    }

    /**
     * The same document from plain text and its marks given apart (standoff annotations): no escapes,
     * every character is ordinary text, and the marks are the spans. The spans must be checked
     * already (inside the text, in order, not overlapping, none across a paragraph break). A span
     * across single line ends is one mark with the line ends dropped from its text, as an inline mark
     * across a line end is; white space at either end of a span is not part of its mark.
     */
    public static PolicyDocument fromSpans(String id, String source, String text, List<MarkSpan> spans) {
        Elements el = Elements.plain(text);
        Marks marks = new Marks();
        for (MarkSpan span : spans) addPiece(el, marks, span.kind(), el.elementAt(span.start()), el.elementAt(span.end()));
        return new Segmenter(id, source, el, marks).run();
    }

    /** A mark of the given kind over elements [from, to) trimmed of white space, unless nothing is left. */
    private static void addPiece(Elements el, Marks marks, MarkKind kind, int from, int to) {
        while (from < to && Segmenter.isSpace(el.ch(from))) from++;
        while (to > from && Segmenter.isSpace(el.ch(to - 1))) to--;
        if (from == to) return;
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) if (!el.isLineEnd(k)) sb.appendCodePoint(el.ch(k));
        String text = sb.toString();
        marks.add(new Mark(kind, text, Labels.label(text), el.off(from), el.endOff(to - 1), el.line(from), el.col(from)),
                from, to);
    }

    /** A mark given apart from the text: its kind and code-point offsets [start, end). */
    public record MarkSpan(MarkKind kind, int start, int end) {
    }

    /**
     * The marks found, in reading order, with the elements each spans. A list rather than an array per
     * element: every walk over the text goes forward, so a cursor says where the next mark opens.
     */
    private static final class Marks {
        private Mark[] mark = new Mark[16];
        /** Element index of each mark's opening bracket, and just after its closing bracket. */
        private int[] open = new int[16];
        private int[] end = new int[16];
        private int count;

        void add(Mark m, int openAt, int endAt) {
            if (count == mark.length) {
                mark = java.util.Arrays.copyOf(mark, count * 2);
                open = java.util.Arrays.copyOf(open, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            mark[count] = m;
            open[count] = openAt;
            end[count++] = endAt;
        }

        /** Element index where mark k opens; past the text for k == count, so a cursor never meets it. */
        int openAt(int k) {
            return k < count ? open[k] : Integer.MAX_VALUE;
        }
    }

    /**
     * The text as a sequence of characters with escapes resolved and line ends folded to '\n'. Line and
     * column are not stored per character: they follow from the character's offset and the line starts.
     */
    static final class Elements {
        /**
         * The elements: the text's characters, written over as escapes and CR LF pairs fold (there are
         * never more elements than characters), or its code points when it has surrogate pairs (then
         * {@link #chars} is null). No array of its own: see {@link #ch}.
         */
        private final char[] chars;
        private final int[] points;
        /** Which elements are escaped characters; null when the text has no escapes. */
        private final boolean[] literal;
        /** Code-point offset of each element; null while every element sits at its own offset (no escape, no CR LF). */
        private final int[] off;
        final int n;
        private final String text;
        /** Code points of the text; null when the text has no surrogate pairs (offsets are char indexes). */
        private final int[] source;
        private final int sourceLength;
        /** Code-point offset where each line starts: lineStart[k] is the start of line k + 1. */
        private final int[] lineStart;
        private final int lines;
        /** The 0-based line {@link #line} found last. */
        private int lastLine;

        private Elements(String text, boolean escapes) {
            this.text = text;
            // the characters as an array: one bulk copy is cheaper than asking the String for each
            char[] cs = text.toCharArray();
            int[] cps = null;
            for (int i = 0; i + 1 < cs.length; i++) {
                if (Character.isHighSurrogate(cs[i]) && Character.isLowSurrogate(cs[i + 1])) {
                    cps = text.codePoints().toArray();
                    break;
                }
            }
            int cpCount = cps == null ? cs.length : cps.length;
            this.source = cps;
            this.sourceLength = cpCount;
            char[] c16 = cps == null ? cs : null;
            int[] c32 = cps == null ? null : cps.clone(); // the source's code points stay as they are
            boolean[] lit = null;
            int[] offs = null;
            int[] starts = new int[64];
            starts[0] = 0;
            int lineCount = 1;
            int count = 0;
            int i = 0;
            while (i < cpCount) {
                int c = c16 != null ? c16[i] : c32[i];
                if (offs != null) offs[count] = i;
                int element = c;
                int step = 1;
                boolean lineEnd = c == '\r' || c == '\n';
                if (lineEnd) {
                    element = '\n';
                    if (c == '\r' && i + 1 < cpCount && (c16 != null ? c16[i + 1] : c32[i + 1]) == '\n') step = 2;
                } else if (escapes && c == '\\' && i + 1 < cpCount) {
                    int next = c16 != null ? c16[i + 1] : c32[i + 1];
                    if (next == '\\' || MarkKind.isMarkChar(next)) { // an escape
                        element = next;
                        step = 2;
                        if (lit == null) lit = new boolean[cpCount];
                        lit[count] = true;
                    }
                }
                // count <= i: the element goes where no character is still to be read
                if (c16 != null) c16[count] = (char) element;
                else c32[count] = element;
                count++;
                i += step;
                if (lineEnd) {
                    if (lineCount == starts.length) starts = java.util.Arrays.copyOf(starts, lineCount * 2);
                    starts[lineCount++] = i;
                }
                if (step == 2 && offs == null) {
                    // the first element that stands on two code points: offsets part from indexes from here on
                    offs = new int[cpCount];
                    for (int k = 0; k < count; k++) offs[k] = k;
                }
            }
            chars = c16;
            points = c32;
            n = count;
            literal = lit;
            off = offs;
            lineStart = starts;
            lines = lineCount;
        }

        /** Element i: a character, escapes resolved and line ends folded to '\n'. */
        int ch(int i) {
            return chars != null ? chars[i] : points[i];
        }

        /** Code-point offset of element i. */
        int off(int i) {
            return off == null ? i : off[i];
        }

        /** True when element i is an escaped character: never a bracket of a mark, nor a clause end. */
        boolean literal(int i) {
            return literal != null && literal[i];
        }

        static Elements of(String text) {
            return new Elements(text, true);
        }

        /** Plain text: a backslash is an ordinary character. */
        static Elements plain(String text) {
            return new Elements(text, false);
        }

        /** The first element at or after code-point offset {@code at} ({@link #n} past the last). */
        int elementAt(int at) {
            if (off == null) return Math.min(at, n);
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (off[mid] < at) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** Code-point offset just after element i. */
        int endOff(int i) {
            return i + 1 < n ? off(i + 1) : sourceLength;
        }

        /** 1-based line of element i. */
        long line(int i) {
            int at = i < n ? off(i) : sourceLength;
            // the parser asks in reading order, nearly always about the line it asked about last
            int h = lastLine;
            if (lineStart[h] <= at && (h + 1 == lines || at < lineStart[h + 1])) return h + 1;
            int lo = 0;
            int hi = lines - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStart[mid] <= at) lo = mid;
                else hi = mid - 1;
            }
            lastLine = lo;
            return lo + 1;
        }

        /** 1-based column of element i, in code points of the file as written (an escape counts two). */
        long col(int i) {
            int at = i < n ? off(i) : sourceLength;
            return at - lineStart[(int) line(i) - 1] + 1;
        }

        boolean isLineEnd(int i) {
            return ch(i) == '\n';
        }

        /** True when the line starting at element i holds only white space. */
        boolean blankLineAt(int i) {
            for (int j = i; j < n && ch(j) != '\n'; j++) {
                if (!Segmenter.isSpace(ch(j))) return false;
            }
            return true;
        }

        String where(int i) {
            return line(i) + ":" + col(i);
        }

        String original(int from, int to) {
            return source == null ? text.substring(from, to) : new String(source, from, to - from);
        }
    }

    /** Finds the marks. */
    private static final class MarkScanner {
        private final Elements el;
        private final ErrorHandler errors;
        private final boolean lenient;
        private final Marks marks = new Marks();
        private final Text scratch = new Text();

        MarkScanner(Elements el, ErrorHandler errors, boolean lenient) {
            this.el = el;
            this.errors = errors;
            this.lenient = lenient;
        }

        private void problem(int at, String message) {
            if (lenient) errors.warning(message + " (kept as plain text)", el.line(at), el.col(at));
            else errors.error(message, el.line(at), el.col(at));
        }

        Marks scan() {
            int i = 0;
            while (i < el.n) {
                int c = el.ch(i);
                // brackets (and line ends) are ASCII: the Chinese text around them is passed at one test each
                if (c >= 128 || el.literal(i)) {
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
                int c = el.ch(j);
                if (c >= 128) continue;
                if (el.isLineEnd(j)) {
                    if (++lineEnds > 1 || j + 1 >= el.n || el.blankLineAt(j + 1)) {
                        problem(i, "unclosed mark: '" + kind.open + "' has no '" + kind.close
                                + "' before " + (j + 1 >= el.n ? "the end of the file" : "the end of the paragraph")
                                + "; close it or write \\" + kind.open + " for an ordinary bracket");
                        return i + 1;
                    }
                    continue;
                }
                if (el.literal(j)) continue;
                if (c == kind.close) {
                    return accept(i, j, kind);
                }
                MarkKind inner = MarkKind.opening(c);
                if (inner != null) {
                    int outerClose = findClose(j, kind, lineEnds);
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

        /**
         * For an inner mark opening at j inside a mark of kind: the outer closing bracket when the inner
         * mark closes and the outer one follows with no other mark opening between ('[收集<手机号码>]'),
         * else -1 (then the outer mark is simply unclosed).
         */
        private int findClose(int j, MarkKind kind, int lineEnds) {
            MarkKind inner = MarkKind.opening(el.ch(j));
            boolean innerClosed = false;
            for (j = j + 1; j < el.n; j++) {
                if (el.isLineEnd(j) && (++lineEnds > 1 || j + 1 >= el.n || el.blankLineAt(j + 1))) return -1;
                if (el.literal(j)) continue;
                int c = el.ch(j);
                if (!innerClosed && c == inner.close) {
                    innerClosed = true;
                } else if (innerClosed && c == kind.close) {
                    return j;
                } else if (MarkKind.opening(c) != null) {
                    return -1;
                }
            }
            return -1;
        }

        private int accept(int open, int close, MarkKind kind) {
            scratch.clear();
            for (int k = open + 1; k < close; k++) {
                if (!el.isLineEnd(k)) scratch.append(el.ch(k));
            }
            String text = scratch.toString();
            String label = Labels.label(text);
            if (label.isEmpty()) {
                problem(open, "empty mark: '" + kind.open + kind.close + "' holds no text; write the "
                        + "item between the brackets or remove them");
                return close + 1;
            }
            marks.add(new Mark(kind, text, label, el.off(open), el.endOff(close), el.line(open), el.col(open)), open, close + 1);
            return close + 1;
        }
    }

    /** Splits the text into sections, paragraphs, sentences and clauses. */
    private static final class Segmenter {
        private final String id;
        private final String source;
        private final Elements el;
        private final Marks marks;
        /** The first mark of the line being read. */
        private int lineMark;
        private final List<Section> sections = new ArrayList<>();
        private final List<Clause> clauses = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private int section = -1;
        private int paragraph = -1;
        private int sentence = 0;
        private boolean paragraphOpen = false;
        private final Text scratch = new Text();
        /**
         * The clause being read: its first element and where that sits in the line's text, and its marks
         * with where each sits. A clause's text is a piece of its line's text, which is rendered already.
         */
        private int clauseFrom;
        private int clausePos;
        private int[] clauseMarks = new int[16];
        private int[] clauseMarkPos = new int[16];
        private int clauseMarkCount;

        Segmenter(String id, String source, Elements el, Marks marks) {
            this.id = id;
            this.source = source;
            this.el = el;
            this.marks = marks;
        }

        PolicyDocument run() {
            int i = 0;
            while (i <= el.n) {
                int end = render(i);
                handleLine(i, end);
                i = end + 1;
                while (marks.openAt(lineMark) < i) lineMark++;
            }
            return new PolicyDocument(id, source, List.copyOf(lines), List.copyOf(sections), List.copyOf(clauses));
        }

        /**
         * Puts the plain text of the line starting at element i into {@link #scratch} (marks give their
         * text) and returns the element index of the line end that ends it (marks may span one).
         */
        private int render(int i) {
            scratch.clear();
            int k = lineMark;
            int nextMark = marks.openAt(k);
            while (i < el.n) {
                if (i == nextMark) {
                    scratch.append(marks.mark[k].text());
                    i = marks.end[k];
                    nextMark = marks.openAt(++k);
                    continue;
                }
                if (el.isLineEnd(i)) return i;
                scratch.append(el.ch(i++));
            }
            return el.n;
        }

        private void handleLine(int from, int to) {
            String rendered = scratch.toString();
            String plain = rendered.strip();
            lines.add(plain);
            if (plain.isEmpty() || isSeparator(plain)) {
                paragraphOpen = false;
                return;
            }
            int level = headingLevel(plain);
            if (level > 0) {
                int parent = section;
                while (parent >= 0 && sections.get(parent).level() >= level) parent = sections.get(parent).parent();
                section = sections.size();
                sections.add(new Section(section, level, headingText(plain), el.line(from), parent));
                paragraphOpen = false;
            } else if (startsWithBullet(plain) || startsWithLeadIn(from, to)) {
                paragraphOpen = false;
            }
            if (!paragraphOpen) {
                paragraph++;
                paragraphOpen = true;
            }
            segmentLine(from, to, rendered);
        }

        /** A line of '=' and '-' only (a Markdown rule) separates paragraphs. */
        private static boolean isSeparator(String line) {
            for (int i = 0; i < line.length(); i++) if (line.charAt(i) != '=' && line.charAt(i) != '-') return false;
            return true;
        }

        /** A bullet: one of ●•·▪◆■◇○, or '-', '*', '+' followed by white space (the regex \\s). */
        private static boolean startsWithBullet(String line) {
            char c = line.charAt(0);
            if ("●•·▪◆■◇○".indexOf(c) >= 0) return true;
            if (c != '-' && c != '*' && c != '+' || line.length() < 2) return false;
            char d = line.charAt(1);
            return d == ' ' || d == '\t' || d == '\n' || d == '\u000B' || d == '\f' || d == '\r';
        }

        /** A line that opens with '<X>：' introduces its own paragraph about X, like a bullet. */
        private boolean startsWithLeadIn(int from, int to) {
            int i = from;
            int nextMark = marks.openAt(lineMark);
            while (i < to && i != nextMark && Character.isWhitespace(el.ch(i))) i++;
            if (i >= to || i != nextMark || marks.mark[lineMark].kind() != MarkKind.DATA) return false;
            int after = marks.end[lineMark];
            return after < to && (el.ch(after) == '：' || el.ch(after) == ':');
        }

        static int headingLevel(String line) {
            if (line.isEmpty() || !maybeHeading(line.charAt(0))) return 0;
            String s = line.startsWith("**") ? line.substring(2).strip() : line;
            // each pattern is tried only when the line starts with a character it must start with
            if (line.charAt(0) == '#') {
                Matcher md = MD_HEADING.matcher(line);
                if (md.matches()) return md.group(1).length();
            }
            char c = s.isEmpty() ? 0 : s.charAt(0);
            boolean bracket = c == '（' || c == '(';
            boolean digit = c >= '0' && c <= '9';
            if (followedBy(s, 0, NUMERALS, "、")) return 1;
            if (bracket && followedBy(s, 1, NUMERALS, "）)")) return 2;
            if (digit) {
                int dots = dottedNumber(s);
                if (dots > 0) return 3 + dots;
                if (numberedWithMark(s)) return 3;
            }
            if (bracket && followedBy(s, 1, DIGITS, "）)")) return 4;
            return 0;
        }

        /**
         * '1.2' and '1.2.3.': how many '.'-separated numbers follow the first, or 0 when the line does not
         * start so. What ^\\d+((?:\\.\\d+)+)\\.?(?![\\d%％]) matches, without a matcher per line: the digit
         * runs are whole, and before '%' ('1.5%') the last number is a decimal, not a level.
         */
        private static int dottedNumber(String s) {
            int p = digits(s, 0);
            int dots = 0;
            while (p + 1 < s.length() && s.charAt(p) == '.' && isDigit(s.charAt(p + 1))) {
                p = digits(s, p + 1);
                dots++;
            }
            if (dots > 0 && p < s.length() && (s.charAt(p) == '%' || s.charAt(p) == '％')) dots--;
            return dots;
        }

        /** '1、', '1)' or '1.' not followed by a digit or '%': what ^\\d+(、|[.．](?![\\d%％])|[）)]) matches. */
        private static boolean numberedWithMark(String s) {
            int p = digits(s, 0);
            if (p == 0 || p >= s.length()) return false;
            char c = s.charAt(p);
            if (c == '.' || c == '．') {
                return p + 1 >= s.length() || !(isDigit(s.charAt(p + 1)) || s.charAt(p + 1) == '%' || s.charAt(p + 1) == '％');
            }
            return c == '、' || c == '）' || c == ')';
        }

        /** Where the run of ASCII digits (the regex \\d) starting at i ends. */
        private static int digits(String s, int i) {
            while (i < s.length() && isDigit(s.charAt(i))) i++;
            return i;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static final String NUMERALS = "一二三四五六七八九十百";
        private static final String DIGITS = "0123456789";

        /**
         * True when s holds, from i, at least one character of {@code run} and then one of {@code end}:
         * the headings '一、', '（一）' and '（1）' without a matcher for each heading-like line.
         */
        private static boolean followedBy(String s, int i, String run, String end) {
            int j = i;
            while (j < s.length() && run.indexOf(s.charAt(j)) >= 0) j++;
            return j > i && j < s.length() && end.indexOf(s.charAt(j)) >= 0;
        }

        /** Headings start with a number, a Chinese numeral, an opening bracket, '#' or '**'. */
        private static boolean maybeHeading(char c) {
            return Character.isDigit(c) || "#*（(一二三四五六七八九十百".indexOf(c) >= 0;
        }

        private static String headingText(String line) {
            String s = line.strip();
            while (s.startsWith("#")) s = s.substring(1);
            s = s.strip();
            if (s.startsWith("**")) s = s.substring(2);
            if (s.endsWith("**")) s = s.substring(0, s.length() - 2);
            return s.strip();
        }

        /** Reads the clauses of a line; {@code rendered} is its text (marks give their text), not stripped. */
        private void segmentLine(int from, int to, String rendered) {
            int k = lineMark;
            int nextMark = marks.openAt(k);
            int pos = 0; // where element i sits in rendered
            clauseFrom = from;
            clausePos = 0;
            clauseMarkCount = 0;
            for (int i = from; i < to; ) {
                if (i == nextMark) {
                    if (clauseMarkCount == clauseMarks.length) {
                        clauseMarks = java.util.Arrays.copyOf(clauseMarks, clauseMarkCount * 2);
                        clauseMarkPos = java.util.Arrays.copyOf(clauseMarkPos, clauseMarkCount * 2);
                    }
                    clauseMarks[clauseMarkCount] = k;
                    clauseMarkPos[clauseMarkCount++] = pos;
                    pos += marks.mark[k].text().length();
                    i = marks.end[k];
                    nextMark = marks.openAt(++k);
                    continue;
                }
                int c = el.ch(i);
                boolean literal = el.literal(i);
                pos += Character.charCount(c);
                i++;
                if (!literal && (c == '。' || c == '！' || c == '？' || c == '!' || c == '?')) {
                    closeClause(i, pos, rendered);
                    sentence++;
                } else if (!literal && (c == '；' || c == ';')) {
                    closeClause(i, pos, rendered);
                }
            }
            closeClause(to, pos, rendered);
            sentence++;
        }

        /**
         * Ends the clause at element e (position ePos of the line's text): trimmed of white space, it is
         * kept when it holds a mark or a letter or digit. The next clause starts there.
         */
        private void closeClause(int e, int ePos, String rendered) {
            int b = clauseFrom;
            int bPos = clausePos;
            int count = clauseMarkCount;
            clauseFrom = e;
            clausePos = ePos;
            clauseMarkCount = 0;
            // white space at either end is left out; marks are never white space
            int firstMark = count > 0 ? marks.open[clauseMarks[0]] : e;
            while (b < firstMark && isSpace(el.ch(b))) bPos += Character.charCount(el.ch(b++));
            int lastMarkEnd = count > 0 ? marks.end[clauseMarks[count - 1]] : b;
            while (e > lastMarkEnd && isSpace(el.ch(e - 1))) ePos -= Character.charCount(el.ch(--e));
            boolean keep = count > 0;
            for (int i = b; i < e && !keep; i++) keep = Character.isLetterOrDigit(el.ch(i));
            if (keep) clauses.add(build(b, bPos, e, ePos, count, rendered));
        }

        /** White space; U+3000 is the last such character, so CJK text is passed at one comparison. */
        static boolean isSpace(int c) {
            return c <= '\u3000' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
        }

        /** The clause of elements [b, e), at [bPos, ePos) of the line's text, with the marks of {@link #clauseMarks}. */
        private Clause build(int b, int bPos, int e, int ePos, int count, String rendered) {
            Segment[] segments = new Segment[2 * count + 1];
            int n = 0;
            int pos = bPos;
            int run = b; // the element where the run of ordinary text at pos starts
            for (int j = 0; j < count; j++) {
                Mark m = marks.mark[clauseMarks[j]];
                int at = clauseMarkPos[j];
                if (at > pos) segments[n++] = new Segment.Text(rendered.substring(pos, at), el.off(run));
                segments[n++] = new Segment.Marked(m);
                pos = at + m.text().length();
                run = marks.end[clauseMarks[j]];
            }
            if (ePos > pos) segments[n++] = new Segment.Text(rendered.substring(pos, ePos), el.off(run));
            Mark first = count > 0 && marks.open[clauseMarks[0]] == b ? marks.mark[clauseMarks[0]] : null;
            Mark last = count > 0 && marks.end[clauseMarks[count - 1]] == e ? marks.mark[clauseMarks[count - 1]] : null;
            int start = first != null ? first.start() : el.off(b);
            int end = last != null ? last.end() : el.endOff(e - 1);
            long line = first != null ? first.line() : el.line(b);
            return new Clause(clauses.size(), sentence, paragraph, section, line, start, end,
                    rendered.substring(bPos, ePos), el.original(start, end),
                    List.of(n == segments.length ? segments : java.util.Arrays.copyOf(segments, n)));
        }
    }

    /**
     * Text being put together, reused for every mark and line of a policy: a StringBuilder
     * per piece started in Latin-1, widened at the first Chinese character and was copied again by
     * toString.
     */
    private static final class Text {
        private char[] chars = new char[256];
        private int length;

        void clear() {
            length = 0;
        }

        void append(int cp) {
            if (length + 2 > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + 2));
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) chars[length++] = (char) cp;
            else length += Character.toChars(cp, chars, length);
        }

        void append(String s) {
            if (length + s.length() > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + s.length()));
            s.getChars(0, s.length(), chars, length);
            length += s.length();
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
