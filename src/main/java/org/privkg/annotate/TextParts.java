package org.privkg.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * A raw policy cut the way the annotation format reads it: clauses end at 。！？；, a line end (and
 * their ASCII forms), and a clause falls into comma-parts at ，：, (char offsets into the text).
 */
final class TextParts {
    record Range(int start, int end) {
        boolean isEmpty() {
            return start >= end;
        }
    }

    private TextParts() {
    }

    static List<Range> clauses(String text) {
        return cut(text, 0, text.length(), "。！？；!?;\n\r");
    }

    static List<Range> parts(String text, Range clause) {
        return cut(text, clause.start(), clause.end(), "，：,:");
    }

    /** The pieces of text[from, to) between the given enders, white space trimmed, empty ones left out. */
    private static List<Range> cut(String text, int from, int to, String enders) {
        List<Range> out = new ArrayList<>();
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || enders.indexOf(text.charAt(i)) >= 0) {
                Range r = trim(text, s, i);
                if (!r.isEmpty()) out.add(r);
                s = i + 1;
            }
        }
        return out;
    }

    /**
     * Is the clause a whole line without clause punctuation that does not end in a colon: a heading, a title or a
     * date line (（六）第三方SDK直接收集的信息, 发布日期：2025年1月)? Human annotators mark nothing there; a line that
     * ends in a colon (我们仅会在以下情形公开披露您的个人信息：) opens a list and is a sentence.
     */
    static boolean isTitleLine(String text, Range clause) {
        int from = clause.start();
        while (from > 0 && text.charAt(from - 1) != '\n' && text.charAt(from - 1) != '\r') from--;
        int to = clause.end();
        while (to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != '\r') to++;
        Range line = trim(text, from, to);
        if (line.isEmpty()) return false;
        for (int i = line.start(); i < line.end(); i++) if ("，。；！？,;!?".indexOf(text.charAt(i)) >= 0) return false;
        char last = text.charAt(line.end() - 1);
        return last != '：' && last != ':';
    }

    /** The last c in text[from, before), or -1: unlike String.lastIndexOf, never looks before from. */
    static int lastIndexOf(String text, char c, int from, int before) {
        for (int i = before - 1; i >= from; i--) if (text.charAt(i) == c) return i;
        return -1;
    }

    static Range trim(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) from++;
        while (to > from && isBlank(text.charAt(to - 1))) to--;
        return new Range(from, to);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }
}
