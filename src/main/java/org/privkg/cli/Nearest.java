package org.privkg.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The known names nearest a mistyped one (edit distance), for "did you mean" hints. */
final class Nearest {
    private Nearest() {
    }

    /** Up to three known names within a few edits of the given one (or containing it), nearest first. */
    static List<String> to(String given, Collection<String> known) {
        int limit = Math.max(2, given.length() / 3);
        return known.stream()
                .filter(k -> distance(given, k) <= limit || (given.length() >= 3 && k.contains(given)))
                .sorted(Comparator.comparingInt((String k) -> distance(given, k)).thenComparing(k -> k))
                .limit(3).toList();
    }

    /** ", did you mean a or b?" or "" when nothing is near. */
    static String hint(String given, Collection<String> known) {
        List<String> near = to(given, known);
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
