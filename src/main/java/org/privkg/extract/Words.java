package org.privkg.extract;

import java.util.ArrayList;
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
    final WordList verbs;
    final WordList thirdParty;
    final WordList firstParty;
    final WordList dataSubject;
    final WordList places;
    final WordList connectives;
    final WordList negation;
    final WordList notNegation;
    final WordList negationBlockers;
    final WordList consent;
    final WordList separateConsent;
    final WordList consentCancellers;
    final WordList leadingNoise;
    final WordList trailingNoise;
    final WordList etc;
    final WordList listBackstops;
    final WordList subjectPrepositions;
    final WordList objectMarkers;
    final WordList recipientPrepositions;
    final WordList sourcePrepositions;
    final WordList collectSourcePrepositions;
    final WordList entrustment;
    final WordList recipientCues;
    final WordList toward;
    final WordList shareAfterVerb;
    final WordList directional;
    final WordList directedDisclose;
    final WordList ellipsisFillers;
    final WordList partyPronouns;
    final WordList inlineListOpeners;
    final Pattern adverbialFrame;
    final Pattern consentCondition;
    private final List<String> abroadCues;
    private final List<String> notAbroad;
    final Pattern exceptionIntroduction;
    final Pattern listItem;
    final Pattern modifier;
    final Pattern sensitivity;
    final Pattern anaphora;
    final Pattern exampleStart;
    final Pattern listIntroduction;

    Words(Lexicon lexicon) {
        this.lexicon = lexicon;
        Lexicon.Cues c = lexicon.cues();
        Lexicon.Parties p = lexicon.parties();
        verbs = new WordList(lexicon.actions().verbs().keySet());
        thirdParty = new WordList(p.thirdPartyWords());
        firstParty = new WordList(p.firstParty());
        dataSubject = new WordList(p.dataSubject());
        places = new WordList(p.places());
        connectives = new WordList(c.connectives());
        negation = new WordList(c.negation());
        notNegation = new WordList(c.notNegation());
        negationBlockers = new WordList(c.negationBlockers());
        consent = new WordList(c.consent());
        separateConsent = new WordList(c.separateConsent());
        consentCancellers = new WordList(c.consentCancellers());
        leadingNoise = WordList.of(p.determiners(), p.possessives());
        trailingNoise = WordList.of(c.etc(), p.localizers());
        etc = new WordList(c.etc());
        listBackstops = new WordList(c.listBackstops());
        subjectPrepositions = new WordList(c.subjectPrepositions());
        objectMarkers = new WordList(c.objectMarkers());
        recipientPrepositions = new WordList(c.recipientPrepositions());
        sourcePrepositions = new WordList(c.sourcePrepositions());
        collectSourcePrepositions = WordList.of(c.sourcePrepositions(), c.sourceOfCollect());
        entrustment = new WordList(c.entrustment());
        recipientCues = new WordList(c.recipientCues());
        toward = new WordList(List.of("向", "给"));
        shareAfterVerb = new WordList(lexicon.actions().shareAfterVerb());
        directional = new WordList(lexicon.actions().directional());
        directedDisclose = new WordList(lexicon.actions().directedDisclose());
        ellipsisFillers = new WordList(c.ellipsisFillers());
        partyPronouns = new WordList(c.partyPronouns());
        inlineListOpeners = new WordList(c.inlineListOpeners());
        adverbialFrame = Pattern.compile(c.adverbialFrame());
        consentCondition = Pattern.compile(c.consentCondition());
        List<String> abroad = new ArrayList<>(lexicon.regions().abroadWords());
        abroad.addAll(lexicon.regions().regions());
        abroadCues = List.copyOf(abroad);
        notAbroad = lexicon.regions().notAbroad();
        exceptionIntroduction = Pattern.compile(c.exceptionIntroduction());
        listItem = Pattern.compile(c.listItem());
        modifier = Pattern.compile(c.modifierVerb());
        sensitivity = c.sensitivityPattern();
        anaphora = Pattern.compile(c.anaphora());
        exampleStart = Pattern.compile(c.exampleStart());
        listIntroduction = Pattern.compile(c.listIntroduction());
    }

    /** The longest lexicon verb starting at a position, or null. */
    String verbAt(String s, int pos) {
        return verbs.at(s, pos);
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
        if (verbs.contains(label)) return List.of(label);
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

    /** True when s[from, to), the text between two marks, is only connectives (和 及 与 并 或 、 …). */
    boolean isConnective(String s, int from, int to) {
        return consistsOf(s, from, to, connectives);
    }

    /** True when s is only filler words (并、将、其 …): an action with nothing of its own after a comma. */
    boolean onlyFillers(String s) {
        return consistsOf(s, 0, s.length(), ellipsisFillers);
    }

    /** True when s[from, to) is words of the list and white space: read in place, no piece of s is made. */
    private static boolean consistsOf(String s, int from, int to, WordList words) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        while (true) {
            while (from < to && Character.isWhitespace(s.charAt(from))) from++;
            if (from == to) return true;
            String w = words.at(s, from, to);
            if (w == null) return false;
            from += w.length();
        }
    }

    /** End of the last third-party word in s, or -1. */
    int lastPartyWordEnd(String s) {
        for (int end = s.length(); end > 0; end--) if (thirdParty.endingAt(s, end) != null) return end;
        return -1;
    }

    /** Positions of s covered by a third-party word, so that 关联 in 关联公司 is not read as a verb. */
    boolean[] partyWordCover(String s) {
        boolean[] cover = new boolean[s.length()];
        for (int i = 0; i < s.length(); i++) {
            String w = thirdParty.at(s, i);
            if (w != null) for (int k = i; k < i + w.length(); k++) cover[k] = true;
        }
        return cover;
    }

    boolean isPlace(String label) {
        if (thirdParty.endingAt(label, label.length()) != null) return false;
        return places.occursIn(label);
    }

    /** Drops leading determiners and possessives (该SDK → SDK, 这些支付机构 → 支付机构), and trailing 等 and localizers. */
    String cleanParty(String label) {
        String s = label.strip();
        // a determiner stays before a one-character noun: 其他方 is no 方
        for (String d = leadingNoise.at(s, 0); d != null && s.length() > d.length() + 1; d = leadingNoise.at(s, 0)) {
            s = s.substring(d.length()).strip();
        }
        for (String t = trailingNoise.endingAt(s, s.length()); t != null && s.length() > t.length()
                && lastPartyWordEnd(s.substring(0, s.length() - t.length())) >= 0; t = trailingNoise.endingAt(s, s.length())) {
            s = s.substring(0, s.length() - t.length()).strip();
        }
        return s;
    }

    /** Does a party or place label name somewhere outside mainland China (regions.json)? */
    boolean abroad(String label) {
        return PiplCues.occurs(label, abroadCues, notAbroad);
    }
}
