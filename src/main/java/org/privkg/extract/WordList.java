package org.privkg.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A list of words from the lexicon, indexed by first and last character so that "which word starts
 * (or ends) here" costs a map look-up, not a scan. Longer words win over the shorter ones they contain.
 */
public final class WordList {
    private final Set<String> set;
    private final int maxLength;
    /** Words by first (last) character: sorted characters and, at the same index, their words longest first. */
    private final char[] firsts;
    private final String[][] byFirst;
    private final char[] lasts;
    private final String[][] byLast;
    /** Characters that start (end) some word: most text characters are rejected without a map look-up. */
    private final BitSet firstChars = new BitSet(1 << 16);
    private final BitSet lastChars = new BitSet(1 << 16);

    public WordList(Collection<String> words) {
        this.set = Set.copyOf(new LinkedHashSet<>(words));
        List<String> longestFirst = set.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        this.maxLength = longestFirst.isEmpty() ? 0 : longestFirst.get(0).length();
        Map<Character, List<String>> first = new TreeMap<>();
        Map<Character, List<String>> last = new TreeMap<>();
        for (String w : longestFirst) {
            if (w.isEmpty()) continue;
            first.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
            last.computeIfAbsent(w.charAt(w.length() - 1), k -> new ArrayList<>()).add(w);
            firstChars.set(w.charAt(0));
            lastChars.set(w.charAt(w.length() - 1));
        }
        firsts = keys(first);
        byFirst = values(first);
        lasts = keys(last);
        byLast = values(last);
    }

    private static char[] keys(Map<Character, List<String>> m) {
        char[] out = new char[m.size()];
        int i = 0;
        for (char c : m.keySet()) out[i++] = c;
        return out;
    }

    private static String[][] values(Map<Character, List<String>> m) {
        String[][] out = new String[m.size()][];
        int i = 0;
        for (List<String> l : m.values()) out[i++] = l.toArray(new String[0]);
        return out;
    }

    /**
     * The first position of s at or after from where a word of the list could start (its character
     * starts some word), or -1; only positions passed over can hold no word. A few first characters
     * are found with String.indexOf, much faster than asking at every position.
     */
    int nextStart(String s, int from) {
        if (firsts.length > FEW_FIRSTS) {
            for (int i = Math.max(0, from); i < s.length(); i++) if (firstChars.get(s.charAt(i))) return i;
            return -1;
        }
        int next = -1;
        for (char c : firsts) {
            int at = s.indexOf(c, from);
            if (at >= 0 && (next < 0 || at < next)) next = at;
        }
        return next;
    }

    private static final int FEW_FIRSTS = 8;

    /** Every word that could start at position i of s (those starting with its character), longest first, or null. */
    String[] startingAt(String s, int i) {
        return startingWith(s.charAt(i));
    }

    /** The words starting with c, longest first, or null. */
    private String[] startingWith(char c) {
        if (!firstChars.get(c)) return null;
        int k = Arrays.binarySearch(firsts, c);
        return k < 0 ? null : byFirst[k];
    }

    public static WordList of(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return new WordList(all);
    }

    /** The longest word starting at position i of s, or null. */
    public String at(String s, int i) {
        return at(s, i, s.length());
    }

    /** The longest word starting at position i of s that ends by position end, or null. */
    public String at(String s, int i, int end) {
        if (i < 0 || i >= end) return null;
        String[] candidates = startingWith(s.charAt(i));
        if (candidates != null) for (String w : candidates) if (i + w.length() <= end && s.startsWith(w, i)) return w;
        return null;
    }

    /** The longest word ending just before position end of s, or null. */
    public String endingAt(String s, int end) {
        if (end <= 0 || end > s.length() || !lastChars.get(s.charAt(end - 1))) return null;
        int k = Arrays.binarySearch(lasts, s.charAt(end - 1));
        String[] candidates = k < 0 ? null : byLast[k];
        if (candidates != null) {
            for (String w : candidates) if (end >= w.length() && s.startsWith(w, end - w.length())) return w;
        }
        return null;
    }

    public boolean contains(String w) {
        return set.contains(w);
    }

    /** True when some word of the list occurs in s. */
    public boolean occursIn(String s) {
        for (int i = 0; i < s.length(); i++) if (at(s, i) != null) return true;
        return false;
    }

    /** True when some word of the list covers position i of s (starts at or before i and ends after it). */
    boolean covers(String s, int i) {
        for (int k = Math.max(0, i - maxLength + 1); k <= i; k++) {
            String[] candidates = startingWith(s.charAt(k));
            if (candidates == null) continue;
            for (String x : candidates) if (k + x.length() > i && s.startsWith(x, k)) return true;
        }
        return false;
    }
}
