package org.privkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/** Which data items a policy declares sensitive (docs/annotating.md). */
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
            for (ClauseView v : views) for (Span s : v.spans(MarkKind.DATA)) {
                for (String m : v.items(s).members()) labels.putIfAbsent(org.privkg.annotation.Labels.key(m), m);
            }
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
            int read = 0;
            // each declaration searches its clause: a bound keeps a clause of thousands of them linear
            while (m.find() && read < ExtractionBounds.MARKS_PER_KIND) {
                if (v.inMark(m.start())) continue;
                read++;
                for (String l : subjects(i, m.start())) out.putIfAbsent(Hierarchy.key(l), l);
            }
        }
        return List.copyOf(out.values());
    }

    /** The items a declaration at position p of clause i speaks of. */
    private List<String> subjects(int i, int p) {
        ClauseView v = views.get(i);
        int start = v.partStart(p);
        // only anaphors in the comma-part before p count: the search need not read the rest of the clause
        Matcher a = words.anaphora.matcher(v.text).region(start, p);
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
            for (Span s : v.spans(MarkKind.DATA)) items.addAll(v.items(s).members());
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

    /**
     * How many clauses an anaphor ('上述信息') looks back over: a sentence of thousands of clauses each
     * pointing back would otherwise read the sentence once per clause.
     */
    private static final int LOOK_BACK = ExtractionBounds.MARKS_PER_KIND;

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
        while (k > 0 && i - k < LOOK_BACK && views.get(k - 1).clause.sentence() == sentence) k--;
        for (; k <= i; k++) items.addAll(itemsOf(views.get(k), k == i ? pos : Integer.MAX_VALUE));
        return items;
    }

    private List<String> itemsOfPreviousSentence(int i) {
        int sentence = views.get(i).clause.sentence();
        int k = i;
        while (k >= 0 && i - k <= LOOK_BACK && views.get(k).clause.sentence() == sentence) k--;
        if (k < 0 || views.get(k).clause.sentence() == sentence) return List.of();
        int prev = views.get(k).clause.sentence();
        List<String> items = new ArrayList<>();
        int last = k;
        while (k > 0 && last - k < LOOK_BACK && views.get(k - 1).clause.sentence() == prev) k--;
        for (; k < views.size() && views.get(k).clause.sentence() == prev; k++) items.addAll(itemsOf(views.get(k), Integer.MAX_VALUE));
        return items;
    }

    private List<String> itemsOf(ClauseView v, int upTo) {
        List<String> items = new ArrayList<>();
        for (Span s : v.spans(MarkKind.DATA)) if (s.to() <= upTo) items.addAll(v.items(s).members());
        items.addAll(written(v, Math.min(upTo, v.text.length())));
        return items;
    }

    /** Known data labels written as plain text (not marked) before a position, longest match first. */
    private List<String> written(ClauseView v, int to) {
        // Label by label, longest first, each label's occurrences left to right; an occurrence is taken
        // when none of its characters is marked or taken already. The occurrences are found once per
        // clause, by looking up the text at each position for each length a label has: a search of the
        // clause for each label of the policy would take their product.
        int[] occ = occurrences(v);
        List<String> found = new ArrayList<>();
        boolean[] taken = new boolean[v.text.length()];
        for (int o = 0; o < occ.length; o += 2) {
            String label = known().get(occ[o]);
            int at = occ[o + 1];
            if (at + label.length() > to) continue;
            boolean free = true;
            for (int k = at; k < at + label.length(); k++) if (taken[k] || v.inMark(k)) free = false;
            if (free) {
                for (int k = at; k < at + label.length(); k++) taken[k] = true;
                found.add(label);
            }
        }
        return found;
    }

    /** Labels longer than this are not looked for as plain text: no item is named at such length. */
    private static final int LONGEST_WRITTEN = 64;

    private ClauseView occurrencesOf;
    private int[] occurrences;
    private Map<String, Integer> rank;
    private int[] lengths;

    /**
     * Every occurrence of a known label in the clause's text, as pairs (the label's place in
     * {@link #known}, position), in the order {@link #written} takes them: by label, then by position.
     */
    private int[] occurrences(ClauseView v) {
        if (occurrencesOf == v) return occurrences;
        if (rank == null) {
            rank = new java.util.HashMap<>();
            java.util.TreeSet<Integer> ls = new java.util.TreeSet<>();
            List<String> k = known();
            for (int i = 0; i < k.size(); i++) {
                if (k.get(i).length() > LONGEST_WRITTEN) continue;
                rank.put(k.get(i), i);
                ls.add(k.get(i).length());
            }
            lengths = ls.stream().mapToInt(Integer::intValue).toArray();
        }
        List<long[]> found = new ArrayList<>();
        String t = v.text;
        for (int at = 0; at < t.length(); at++) {
            for (int len : lengths) {
                if (at + len > t.length()) break;
                Integer r = rank.get(t.substring(at, at + len));
                if (r != null) found.add(new long[] {r, at});
            }
        }
        found.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int[] out = new int[found.size() * 2];
        for (int i = 0; i < found.size(); i++) {
            out[2 * i] = (int) found.get(i)[0];
            out[2 * i + 1] = (int) found.get(i)[1];
        }
        occurrencesOf = v;
        occurrences = out;
        return out;
    }
}
