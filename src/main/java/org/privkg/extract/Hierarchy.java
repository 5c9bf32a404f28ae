package org.privkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.privkg.annotation.Labels;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/** The data hierarchy a policy states (docs/annotating.md): child → parent edges between labels. */
final class Hierarchy {
    private final Words words;
    private final List<ClauseView> views;
    private final Set<Broader> edges = new LinkedHashSet<>();
    /** One matcher for every sentence of the policy, not one each. */
    private final java.util.regex.Matcher exampleStart;
    /**
     * Items that already have a parent from a parenthesis or an 例如 sentence. By identity: a span is
     * made once per mark, and hashing a span's record hashes all of its mark's text.
     */
    private final Set<Span> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Hierarchy(Words words, List<ClauseView> views) {
        this.words = words;
        this.views = views;
        this.exampleStart = words.exampleStart.matcher("");
    }

    List<Broader> edges() {
        for (ClauseView v : views) {
            for (Span s : v.spans(MarkKind.DATA)) {
                owner.put(s, v);
                edges.addAll(v.items(s).children()); // 设备识别码（IMEI、ESN）inside one mark
            }
        }
        for (ClauseView v : views) parentheses(v);
        exampleSentences();
        leadIns();
        return List.copyOf(edges);
    }

    /** Every item the child mark names is a kind of the item the parent mark names last (docs/annotating.md). */
    private void edge(Span child, Span parent) {
        String up = itemsOf(parent).last();
        for (String c : itemsOf(child).members()) {
            if (!key(c).equals(key(up))) edges.add(new Broader(c, up));
        }
    }

    private ItemList itemsOf(Span s) {
        return owner.get(s).items(s);
    }

    /** The clause of each data mark, to ask it for the mark's items. */
    private final java.util.Map<Span, ClauseView> owner = new java.util.IdentityHashMap<>();

    /** Items in '（例如 …）', '（包括 …）' or a bare '（…）' right after an item are its children. */
    private void parentheses(ClauseView v) {
        for (Span item : v.spans(MarkKind.DATA)) {
            int open = item.to();
            while (open < v.text.length() && Character.isWhitespace(v.text.charAt(open))) open++;
            if (open >= v.text.length() || v.inMark(open) || !isOpen(v.text.charAt(open))) {
                inlineList(v, item, open);
                continue;
            }
            int close = matchingClose(v, open);
            List<Span> inner = new ArrayList<>();
            for (Span s : v.spans(MarkKind.DATA)) {
                if (s.from() > open && s.to() <= close && depth(v, open, s.from()) == 1) inner.add(s);
            }
            list(v, item, inner, open + 1);
        }
    }

    /**
     * 'X，包括但不限于A、B' and 'X包括A、B': items listed right after an item, to the end of that
     * comma-part, are its children as in a parenthesis.
     */
    private void inlineList(ClauseView v, Span item, int at) {
        if (at < v.text.length() && (v.text.charAt(at) == '，' || v.text.charAt(at) == ',')) at++;
        String opener = words.inlineListOpeners.at(v.text, at);
        if (opener == null) return;
        int from = at + opener.length();
        while (from < v.text.length() && (v.text.charAt(from) == '：' || v.text.charAt(from) == ':')) from++;
        int end = v.partEnd(from);
        List<Span> inner = new ArrayList<>();
        for (Span s : v.spans(MarkKind.DATA)) if (s.from() >= from && s.to() <= end) inner.add(s);
        if (inner.isEmpty() || inner.get(0).from() != from) return;
        list(v, item, inner, from);
    }

    /** 'A、B 等 C' makes A, B children of C, back to the nearest 以及/及; the rest are children of the item. */
    private void list(ClauseView v, Span parent, List<Span> items, int from) {
        List<Span> pending = new ArrayList<>();
        int prevEnd = from;
        for (Span c : items) {
            String between = v.unmarked(prevEnd, c.from()).strip();
            if (words.etc.endingAt(between, between.length()) != null && !pending.isEmpty()) {
                for (Span p : pending) {
                    edge(p, c);
                    placed.add(p);
                }
                pending.clear();
                edge(c, parent);
                placed.add(c);
            } else {
                if (words.listBackstops.occursIn(between)) flush(pending, parent);
                pending.add(c);
            }
            prevEnd = c.to();
        }
        flush(pending, parent);
    }

    private void flush(List<Span> pending, Span parent) {
        for (Span p : pending) {
            edge(p, parent);
            placed.add(p);
        }
        pending.clear();
    }

    /** A sentence that starts with 例如 lists children of the last item of the sentence before. */
    private void exampleSentences() {
        // the last item of the paragraph before clause i, kept as the walk goes: looking back from
        // each 例如 sentence would read a long paragraph without items once per sentence
        Span lastItem = null;
        for (int i = 0; i < views.size(); i++) {
            ClauseView v = views.get(i);
            if (i > 0) {
                ClauseView prev = views.get(i - 1);
                if (prev.clause.paragraph() != v.clause.paragraph()) lastItem = null;
                else if (prev.spans(MarkKind.DATA).length > 0) lastItem = prev.spans(MarkKind.DATA)[prev.spans(MarkKind.DATA).length - 1];
            }
            boolean sentenceStart = i == 0 || views.get(i - 1).clause.sentence() != v.clause.sentence();
            if (!sentenceStart || !exampleStart.reset(v.text).find()) continue;
            Span parent = lastItem;
            if (parent == null) continue;
            for (int k = i; k < views.size() && views.get(k).clause.sentence() == v.clause.sentence(); k++) {
                for (Span s : views.get(k).spans(MarkKind.DATA)) {
                    if (placed.add(s)) edge(s, parent);
                }
            }
        }
    }

    /**
     * '<X>：' at the start of a paragraph makes the paragraph's other items children of X; such
     * paragraphs right after '这些信息包括：' make X a child of the item that sentence introduced.
     */
    private void leadIns() {
        Span introduced = null;
        int i = 0;
        while (i < views.size()) {
            int paragraph = views.get(i).clause.paragraph();
            int end = i;
            while (end < views.size() && views.get(end).clause.paragraph() == paragraph) end++;
            Span leader = leader(views.get(i));
            if (leader != null) {
                if (introduced != null) edge(leader, introduced);
                for (int k = i; k < end; k++) {
                    for (Span s : views.get(k).spans(MarkKind.DATA)) {
                        if (s != leader && !placed.contains(s)) edge(s, leader);
                    }
                }
            } else {
                introduced = null;
            }
            ClauseView last = views.get(end - 1);
            String tail = last.text.stripTrailing();
            if ((tail.endsWith("：") || tail.endsWith(":")) && words.listIntroduction.matcher(last.text).find()) {
                introduced = lastItemOfSentence(end - 1);
            }
            i = end;
        }
    }

    private Span leader(ClauseView v) {
        Span[] data = v.spans(MarkKind.DATA);
        if (data.length == 0 || !onlyBullet(v.text, data[0].from())) return null;
        int after = data[0].to();
        return after < v.text.length() && (v.text.charAt(after) == '：' || v.text.charAt(after) == ':') ? data[0] : null;
    }

    /** True when text[0, end) is white space with at most one bullet mark after its leading white space. */
    private static boolean onlyBullet(String text, int end) {
        int i = 0;
        while (i < end && isRegexSpace(text.charAt(i))) i++;
        if (i < end && "●•·▪◆■◇○-*+".indexOf(text.charAt(i)) >= 0) i++;
        else i = 0;
        for (; i < end; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    /** The regex class \\s: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private Span lastItemOfSentence(int clauseIndex) {
        int sentence = views.get(clauseIndex).clause.sentence();
        for (int k = clauseIndex; k >= 0 && views.get(k).clause.sentence() == sentence; k--) {
            Span[] d = views.get(k).spans(MarkKind.DATA);
            if (d.length > 0) return d[d.length - 1];
        }
        return null;
    }

    private static boolean isOpen(char c) {
        return c == '（' || c == '(';
    }

    private static int matchingClose(ClauseView v, int open) {
        int depth = 0;
        for (int i = open; i < v.text.length(); i++) {
            if (v.inMark(i)) continue;
            char c = v.text.charAt(i);
            if (c == '（' || c == '(') depth++;
            else if ((c == '）' || c == ')') && --depth == 0) return i;
        }
        return v.text.length();
    }

    private static int depth(ClauseView v, int open, int pos) {
        int depth = 0;
        for (int i = open; i < pos; i++) {
            if (v.inMark(i)) continue;
            char c = v.text.charAt(i);
            if (c == '（' || c == '(') depth++;
            else if (c == '）' || c == ')') depth--;
        }
        return depth;
    }

    static String key(String label) {
        return Labels.key(label);
    }
}
