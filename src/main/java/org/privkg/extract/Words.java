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
    private final List<String> leadingDeterminers;
    private final List<String> trailingWords;
    /** Where a collect-family verb takes its source from (not for 提供: 向我们提供). */
    final List<String> collectSourcePrepositions;
    private final Pattern modifier;
    final Pattern sensitivity;
    /** One of these is in every match of {@link #sensitivity}, or null when that cannot be told. */
    private final List<String> sensitivityWords;
    private final List<String> listIntroductionWords;
    final Pattern anaphora;
    final Pattern exampleStart;
    final Pattern listIntroduction;

    Words(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.verbs = lexicon.actions().verbsLongestFirst();
        this.thirdPartyWords = longestFirst(lexicon.parties().thirdPartyWords());
        this.leadingDeterminers = longestFirst(concat(lexicon.parties().determiners(), lexicon.parties().possessives()));
        this.trailingWords = longestFirst(concat(lexicon.cues().etc(), lexicon.parties().localizers()));
        this.collectSourcePrepositions = List.copyOf(concat(lexicon.cues().sourcePrepositions(),
                lexicon.cues().sourceOfCollect()));
        this.modifier = Pattern.compile(lexicon.cues().modifierVerb());
        this.sensitivity = lexicon.cues().sensitivityPattern();
        this.sensitivityWords = requiredAlternatives(lexicon.cues().sensitivity());
        this.listIntroductionWords = requiredAlternatives(lexicon.cues().listIntroduction());
        this.anaphora = Pattern.compile(lexicon.cues().anaphora());
        this.exampleStart = Pattern.compile(lexicon.cues().exampleStart());
        this.listIntroduction = Pattern.compile(lexicon.cues().listIntroduction());
    }

    static List<String> longestFirst(List<String> words) {
        return WordList.of(words).words;
    }

    /**
     * A word list sorted longest first, with the first and last characters of its words for a quick
     * "no word here" test. The rules ask for the same few lexicon lists at every character of every
     * clause, so the sorted lists are kept: by identity for the lexicon's own (long-lived) lists, by
     * content for any other.
     */
    static final class WordList {
        final List<String> words;
        private final String firsts;
        private final String lasts;

        private WordList(List<String> list) {
            this.words = list.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            StringBuilder f = new StringBuilder();
            StringBuilder l = new StringBuilder();
            for (String w : words) {
                if (w.isEmpty()) continue;
                f.append(w.charAt(0));
                l.append(w.charAt(w.length() - 1));
            }
            boolean anyEmpty = words.stream().anyMatch(String::isEmpty);
            this.firsts = anyEmpty ? null : f.toString();
            this.lasts = anyEmpty ? null : l.toString();
        }

        /** False when no word can start at position i of s. */
        boolean mayStartAt(String s, int i) {
            return firsts == null || (i < s.length() && firsts.indexOf(s.charAt(i)) >= 0);
        }

        /** False when no word can end just before position end of s. */
        boolean mayEndAt(String s, int end) {
            return lasts == null || (end > 0 && end <= s.length() && lasts.indexOf(s.charAt(end - 1)) >= 0);
        }

        private static volatile Object[] byIdentity = new Object[0];
        private static final java.util.concurrent.ConcurrentHashMap<List<String>, WordList> BY_CONTENT =
                new java.util.concurrent.ConcurrentHashMap<>();

        static WordList of(List<String> list) {
            Object[] known = byIdentity;
            for (int k = 0; k < known.length; k += 2) if (known[k] == list) return (WordList) known[k + 1];
            WordList w = BY_CONTENT.get(list);
            if (w == null) {
                w = new WordList(list);
                if (BY_CONTENT.size() < 1024) BY_CONTENT.putIfAbsent(List.copyOf(list), w);
            }
            synchronized (WordList.class) {
                Object[] now = byIdentity;
                if (now.length < 128) {
                    Object[] more = java.util.Arrays.copyOf(now, now.length + 2);
                    more[now.length] = list;
                    more[now.length + 1] = w;
                    byIdentity = more;
                }
            }
            return w;
        }
    }

    /** False when the text cannot hold a sensitivity declaration (a quick test before the regex). */
    boolean mayDeclareSensitive(String text) {
        return containsAny(text, sensitivityWords);
    }

    /** False when the text cannot match {@link #listIntroduction} (a quick test before the regex). */
    boolean mayIntroduceList(String text) {
        return containsAny(text, listIntroductionWords);
    }

    private static boolean containsAny(String text, List<String> required) {
        if (required == null) return true;
        for (String w : required) if (text.contains(w)) return true;
        return false;
    }

    private static final String WORDS_GROUP = "\\(((?:[^()\\[\\]{}|*+?.^$\\\\]+\\|)*[^()\\[\\]{}|*+?.^$\\\\]+)\\)";
    private static final Pattern TRAILING_WORDS = Pattern.compile(WORDS_GROUP + "$");
    private static final Pattern LEADING_WORDS = Pattern.compile("^\\^?" + WORDS_GROUP + "(?![*?{])");

    /**
     * The literal alternatives of a regex that ends (or else starts) with a group of plain words,
     * {@code …(A|B|C)} or {@code (A|B|C)…}: every match contains one of them. Null for any other
     * shape, or when the group is itself one side of a top-level alternation.
     */
    static List<String> requiredAlternatives(String regex) {
        Matcher m = TRAILING_WORDS.matcher(regex);
        if (m.find() && !topLevelBar(regex, 0, m.start())) return List.of(m.group(1).split("\\|"));
        m = LEADING_WORDS.matcher(regex);
        if (m.find() && !topLevelBar(regex, m.end(), regex.length())) return List.of(m.group(1).split("\\|"));
        return null;
    }

    /** True when regex[from, to) holds a '|' outside any group, or its brackets do not balance. */
    private static boolean topLevelBar(String regex, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '[') {
                while (i < to && regex.charAt(i) != ']') i++;
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return true;
        }
        return depth != 0;
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
            for (String d : leadingDeterminers) {
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
            for (String t : trailingWords) {
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
        WordList list = WordList.of(words);
        if (!list.mayEndAt(s, end)) return null;
        for (String w : list.words) if (end >= w.length() && s.startsWith(w, end - w.length())) return w;
        return null;
    }
}
