package org.privkg.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotation.Labels;

/**
 * Cue words and patterns of one lexicon rule, compiled: finds where they occur in a label, leaving out
 * occurrences that fall inside one of the rule's 'unless' phrases.
 */
final class CueSet {
    /** One occurrence of a cue: [from, to) in the normalised label, and the cue as found. */
    record Hit(int from, int to, String cue) {
        int length() {
            return to - from;
        }
    }

    private final List<String> cues;
    private final List<Pattern> patterns;
    private final List<String> unless;

    CueSet(List<String> cues, List<String> patterns, List<String> unless) {
        this.cues = cues.stream().map(CueSet::normalise).filter(c -> !c.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.patterns = patterns.stream().map(Pattern::compile).toList();
        this.unless = unless.stream().map(CueSet::normalise).filter(c -> !c.isEmpty()).toList();
    }

    /** How labels and cues are compared: NFKC, no white space, Latin letters in lower case. */
    static String normalise(String s) {
        return Labels.key(s).toLowerCase(Locale.ROOT);
    }

    /** Every occurrence of a cue or pattern in an already normalised label. */
    List<Hit> find(String key) {
        List<Hit> hits = new ArrayList<>();
        for (String c : cues) {
            for (int at = key.indexOf(c); at >= 0; at = key.indexOf(c, at + 1)) {
                if (!excepted(key, at, at + c.length())) hits.add(new Hit(at, at + c.length(), c));
            }
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(key);
            while (m.find()) {
                if (m.end() > m.start() && !excepted(key, m.start(), m.end())) hits.add(new Hit(m.start(), m.end(), m.group()));
            }
        }
        return hits;
    }

    /** Is [from, to) inside an occurrence of an 'unless' phrase? */
    private boolean excepted(String key, int from, int to) {
        for (String u : unless) {
            for (int at = key.indexOf(u); at >= 0; at = key.indexOf(u, at + 1)) {
                if (at <= from && to <= at + u.length()) return true;
            }
        }
        return false;
    }
}
