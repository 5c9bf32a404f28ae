package org.privkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/** Which data items a policy declares sensitive (SPEC §3, "Sensitivity"). */
final class Sensitivity {
    private final Words words;
    private final List<ClauseView> views;
    /**
     * Every data label of the policy, longest first, to find items written without a mark; gathered
     * on first use, as only declarations that point back at items need it.
     */
    private List<String> known;

    Sensitivity(Words words, List<ClauseView> views) {
        this.words = words;
        this.views = views;
    }

    private List<String> known() {
        if (known == null) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (ClauseView v : views) for (Span s : v.spans(MarkKind.DATA)) labels.putIfAbsent(s.mark().key(), s.mark().label());
            // longest first, equal lengths in text order (the sort is stable)
            known = labels.values().stream().filter(l -> l.length() >= 2)
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
        return known;
    }

    List<String> declared() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < views.size(); i++) {
            ClauseView v = views.get(i);
            if (!v.text.contains("敏感")) continue;
            Matcher m = words.sensitivity.matcher(v.text);
            while (m.find()) {
                if (v.inMark(m.start())) continue;
                for (String l : subjects(i, m.start())) out.putIfAbsent(Hierarchy.key(l), l);
            }
        }
        return List.copyOf(out.values());
    }

    /** The items a declaration at position p of clause i speaks of. */
    private List<String> subjects(int i, int p) {
        ClauseView v = views.get(i);
        Matcher a = words.anaphora.matcher(v.text);
        int start = v.partStart(p);
        List<String> qualifiers = new ArrayList<>();
        int anaphorAt = -1;
        int anaphorEnd = -1;
        while (a.find()) {
            if (a.start() >= start && a.end() <= p && !v.inMark(a.start())) {
                qualifiers.clear();
                qualifiers.add(clean(a.group(2)));
                anaphorAt = a.start();
                anaphorEnd = a.end();
            }
        }
        if (anaphorAt < 0) {
            List<String> items = new ArrayList<>();
            for (Span s : v.spans(MarkKind.DATA)) items.add(s.mark().label());
            items.addAll(written(v, p));
            return items;
        }
        // '上述证件信息和人像信息': every qualifier of the coordinated anaphor counts
        Matcher more = MORE.matcher(v.text).region(anaphorEnd, p);
        while (more.lookingAt()) {
            qualifiers.add(clean(more.group(1)));
            more.region(more.end(), p);
        }
        List<String> items = itemsOfSentenceBefore(i, anaphorAt);
        if (items.isEmpty()) items = itemsOfPreviousSentence(i);
        List<String> narrowed = items.stream()
                .filter(l -> qualifiers.stream().anyMatch(q -> !q.isEmpty() && l.contains(q))).toList();
        return narrowed.isEmpty() ? items : narrowed;
    }

    private static final java.util.regex.Pattern MORE =
            java.util.regex.Pattern.compile("(?:和|及|以及|与|、)([^，,。；;和及与、]{1,8}?)(?:个人信息|信息|数据|资料)");

    private static final java.util.regex.Pattern QUALIFIER_ENDS = java.util.regex.Pattern.compile("^(个人|类|的)+|(个人|类|的)+$");

    private static String clean(String qualifier) {
        return QUALIFIER_ENDS.matcher(qualifier).replaceAll("");
    }

    /** Items earlier in the same sentence, up to a position of clause i. */
    private List<String> itemsOfSentenceBefore(int i, int pos) {
        int sentence = views.get(i).clause.sentence();
        List<String> items = new ArrayList<>();
        int k = i;
        while (k > 0 && views.get(k - 1).clause.sentence() == sentence) k--;
        for (; k <= i; k++) items.addAll(itemsOf(views.get(k), k == i ? pos : Integer.MAX_VALUE));
        return items;
    }

    private List<String> itemsOfPreviousSentence(int i) {
        int sentence = views.get(i).clause.sentence();
        int k = i;
        while (k >= 0 && views.get(k).clause.sentence() == sentence) k--;
        if (k < 0) return List.of();
        int prev = views.get(k).clause.sentence();
        List<String> items = new ArrayList<>();
        while (k > 0 && views.get(k - 1).clause.sentence() == prev) k--;
        for (; k < views.size() && views.get(k).clause.sentence() == prev; k++) items.addAll(itemsOf(views.get(k), Integer.MAX_VALUE));
        return items;
    }

    private List<String> itemsOf(ClauseView v, int upTo) {
        List<String> items = new ArrayList<>();
        for (Span s : v.spans(MarkKind.DATA)) if (s.to() <= upTo) items.add(s.mark().label());
        items.addAll(written(v, Math.min(upTo, v.text.length())));
        return items;
    }

    /** Known data labels written as plain text (not marked) before a position, longest match first. */
    private List<String> written(ClauseView v, int to) {
        // Label by label, longest first, each label's occurrences left to right; an occurrence is taken
        // when none of its characters is marked or taken already. A clause is short and is searched
        // only for a declaration, so finding each label with indexOf beats indexing the labels.
        List<String> found = new ArrayList<>();
        boolean[] taken = new boolean[v.text.length()];
        long[] present = characters(v.text, to);
        for (String label : known()) {
            // most labels of the policy are not in this clause: two bit tests rule them out before a search
            if (!has(present, label.charAt(0)) || !has(present, label.charAt(label.length() - 1))) continue;
            for (int at = v.text.indexOf(label); at >= 0 && at + label.length() <= to;
                    at = v.text.indexOf(label, at + 1)) {
                boolean free = true;
                for (int k = at; k < at + label.length(); k++) if (taken[k] || v.inMark(k)) free = false;
                if (free) {
                    for (int k = at; k < at + label.length(); k++) taken[k] = true;
                    found.add(label);
                }
            }
        }
        return found;
    }

    /** The characters of s[0, to) as a set of 1,024 bits (a character sets bit c mod 1024). */
    private static long[] characters(String s, int to) {
        long[] bits = new long[16];
        for (int i = 0; i < to; i++) {
            char c = s.charAt(i);
            bits[(c >> 6) & 15] |= 1L << c; // a shift of a long uses c mod 64
        }
        return bits;
    }

    /** False when c is surely not among the characters; true when it may be. */
    private static boolean has(long[] bits, char c) {
        return (bits[(c >> 6) & 15] & (1L << c)) != 0;
    }
}
