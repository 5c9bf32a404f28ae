package org.privkg.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed from one version of a policy to another, practice by practice: practices whose key
 * only the newer version has are added, those only the older has are removed, and those of the same key
 * whose terms differ are changed, naming the fields. A key may come more than once (the same data
 * collected in two clauses for different purposes): practices with equal terms are matched first, the
 * rest pairwise in text order, and what is left over is added or removed.
 */
public record PolicyDiff(List<Practice> added, List<Practice> removed, List<Change> changed) {
    /** A practice kept under its key, with {@code fields} (of {@link Practice#TERMS}) different. */
    public record Change(Practice from, Practice to, List<String> fields) {
    }

    public static PolicyDiff between(List<Practice> from, List<Practice> to) {
        Map<Practice.Key, List<Practice>> older = byKey(from);
        Map<Practice.Key, List<Practice>> newer = byKey(to);
        List<Practice> added = new ArrayList<>();
        List<Practice> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        older.forEach((key, olds) -> {
            List<Practice> news = new ArrayList<>(newer.getOrDefault(key, List.of()));
            List<Practice> unmatched = new ArrayList<>();
            for (Practice o : olds) {
                int same = indexOfSameTerms(news, o);
                if (same >= 0) news.remove(same);
                else unmatched.add(o);
            }
            int paired = Math.min(unmatched.size(), news.size());
            for (int i = 0; i < paired; i++) changed.add(change(unmatched.get(i), news.get(i)));
            removed.addAll(unmatched.subList(paired, unmatched.size()));
            added.addAll(news.subList(paired, news.size()));
        });
        newer.forEach((key, news) -> {
            if (!older.containsKey(key)) added.addAll(news);
        });
        added.sort(java.util.Comparator.comparingInt(Practice::line));
        removed.sort(java.util.Comparator.comparingInt(Practice::line));
        changed.sort(java.util.Comparator.comparingInt(c -> c.to().line()));
        return new PolicyDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    public boolean identical() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<Practice.Key, List<Practice>> byKey(List<Practice> practices) {
        Map<Practice.Key, List<Practice>> m = new LinkedHashMap<>();
        for (Practice p : practices) m.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        return m;
    }

    private static int indexOfSameTerms(List<Practice> candidates, Practice p) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).terms().equals(p.terms())) return i;
        }
        return -1;
    }

    private static Change change(Practice from, Practice to) {
        List<String> fields = Practice.TERMS.stream().filter(t -> !from.term(t).equals(to.term(t))).toList();
        return new Change(from, to, fields);
    }
}
