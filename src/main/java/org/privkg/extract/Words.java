package org.privkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.vocab.Lexicon;

/** The lexicon turned into the look-ups the rules need, built once per extractor. */
final class Words {
    /** A lexicon verb found in running text. */
    record Verb(String text, int from, int to) {
    }

    final Lexicon lexicon;
    private final List<String> verbs;
    private final List<String> thirdPartyWords;
    private final Pattern modifier;
    final Pattern sensitivity;
    final Pattern anaphora;
    final Pattern exampleStart;
    final Pattern listIntroduction;

    Words(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.verbs = lexicon.actions().verbsLongestFirst();
        this.thirdPartyWords = longestFirst(lexicon.parties().thirdPartyWords());
        this.modifier = Pattern.compile(lexicon.cues().modifierVerb());
        this.sensitivity = lexicon.cues().sensitivityPattern();
        this.anaphora = Pattern.compile(lexicon.cues().anaphora());
        this.exampleStart = Pattern.compile(lexicon.cues().exampleStart());
        this.listIntroduction = Pattern.compile(lexicon.cues().listIntroduction());
    }

    static List<String> longestFirst(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The longest lexicon verb starting at a position, or null. */
    String verbAt(String s, int pos) {
        for (String v : verbs) if (s.startsWith(v, pos)) return v;
        return null;
    }

    /** Lexicon verbs in a clause's own text: not inside marks and not inside a 所…的 modifier. */
    List<Verb> verbsIn(ClauseView view) {
        boolean[] skip = new boolean[view.text.length()];
        Matcher m = modifier.matcher(view.text);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) skip[i] = true;
        List<Verb> found = new ArrayList<>();
        for (int i = 0; i < view.text.length(); i++) {
            if (skip[i] || view.inMark(i)) continue;
            String v = verbAt(view.text, i);
            if (v != null && !view.inMark(i + v.length() - 1)) {
                found.add(new Verb(v, i, i + v.length()));
                i += v.length() - 1;
            }
        }
        return found;
    }

    /** Splits an action mark into its verbs: 收集、使用 → 收集, 使用; 自动收集 → 收集; unknown → itself. */
    List<String> splitVerbs(String label) {
        if (lexicon.actions().verbs().containsKey(label)) return List.of(label);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < label.length(); ) {
            String v = verbAt(label, i);
            if (v != null) {
                found.add(v);
                i += v.length();
            } else {
                i++;
            }
        }
        return found.isEmpty() ? List.of(label) : found;
    }

    boolean isConnective(String between) {
        String s = between.strip();
        if (s.isEmpty()) return true;
        outer:
        while (!s.isEmpty()) {
            for (String c : longestFirst(lexicon.cues().connectives())) {
                if (s.startsWith(c)) {
                    s = s.substring(c.length()).strip();
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** End of the last third-party word in s, or -1. */
    int lastPartyWordEnd(String s) {
        int best = -1;
        for (String w : thirdPartyWords) {
            int at = s.lastIndexOf(w);
            if (at >= 0) best = Math.max(best, at + w.length());
        }
        return best;
    }

    /** Positions of s covered by a third-party word, so that 关联 in 关联公司 is not read as a verb. */
    boolean[] partyWordCover(String s) {
        boolean[] cover = new boolean[s.length()];
        for (String w : thirdPartyWords) {
            for (int at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) {
                for (int k = at; k < at + w.length(); k++) cover[k] = true;
            }
        }
        return cover;
    }

    boolean hasPartyWord(String s) {
        return lastPartyWordEnd(s) >= 0;
    }

    boolean isPlace(String label) {
        if (endsWithPartyWord(label)) return false;
        for (String p : lexicon.parties().places()) if (label.contains(p)) return true;
        return false;
    }

    private boolean endsWithPartyWord(String label) {
        for (String w : thirdPartyWords) if (label.endsWith(w)) return true;
        return false;
    }

    /** Drops leading determiners and possessives (该SDK → SDK, 这些支付机构 → 支付机构), and trailing 等 and localizers. */
    String cleanParty(String label) {
        String s = label.strip();
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String d : longestFirst(concat(lexicon.parties().determiners(), lexicon.parties().possessives()))) {
                if (s.startsWith(d) && s.length() > d.length()) {
                    s = s.substring(d.length()).strip();
                    changed = true;
                    break;
                }
            }
        }
        changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String t : longestFirst(concat(lexicon.cues().etc(), lexicon.parties().localizers()))) {
                if (s.endsWith(t) && s.length() > t.length() && hasPartyWord(s.substring(0, s.length() - t.length()))) {
                    s = s.substring(0, s.length() - t.length()).strip();
                    changed = true;
                    break;
                }
            }
        }
        return s;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static List<Party> concatParties(List<Party> a, List<Party> b) {
        List<Party> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The word of a list (e.g. prepositions) that ends exactly at position end of s, or null. */
    static String endingAt(String s, int end, List<String> words) {
        for (String w : longestFirst(words)) if (end >= w.length() && s.startsWith(w, end - w.length())) return w;
        return null;
    }
}
