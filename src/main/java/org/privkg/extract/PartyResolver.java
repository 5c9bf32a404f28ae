package org.privkg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotation.Labels;

/** Who a name stands for in one policy: its own side, the user, a place or a third party (docs/annotating.md). */
final class PartyResolver {
    private static final Pattern LEAD_IN = Pattern.compile("^\\s*(?:[●•·▪◆■◇○*+-]\\s*)?([^：:，,。；;]{1,30})[：:]");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("、|以及|或者|和|及|或|/");

    private final Words words;
    final Party firstParty;
    final Party dataSubject;
    /** The keys of the names the policy gives its own side. */
    private final Set<String> aliasKeys;
    /** A party and why the label stands for it, for {@code --explain}. */
    private record Resolved(Party party, String why) {
    }

    /** Parties by label: classifying is a function of the label for one policy's owner, asked many times per clause. */
    private final Map<String, Resolved> classified = new HashMap<>();

    PartyResolver(Words words, Owner owner) {
        this.words = words;
        this.firstParty = new Party(Party.Role.FIRST_PARTY, owner.name());
        this.dataSubject = new Party(Party.Role.DATA_SUBJECT, "用户");
        Set<String> keys = new HashSet<>();
        for (String alias : owner.aliases()) keys.add(Labels.key(alias));
        this.aliasKeys = keys;
    }

    Party classify(String label) {
        return resolve(label).party();
    }

    /** Why the label stands for the party {@link #classify} gives: first person, the owner's alias, a place … */
    String why(String label) {
        return resolve(label).why();
    }

    private Resolved resolve(String label) {
        Resolved r = classified.get(label);
        if (r == null) {
            r = classifyAnew(label);
            classified.put(label, r);
        }
        return r;
    }

    private Resolved classifyAnew(String label) {
        String key = Labels.key(label);
        if (words.firstParty.contains(key)) return new Resolved(firstParty, "first person");
        if (aliasKeys.contains(key)) return new Resolved(firstParty, "a name the policy gives its own side");
        if (words.dataSubject.contains(key)) return new Resolved(dataSubject, "the user");
        String clean = words.cleanParty(label);
        if (words.isPlace(clean)) return new Resolved(new Party(Party.Role.PLACE, clean), "a place");
        if (words.firstParty.contains(clean)) return new Resolved(firstParty, "first person");
        return new Resolved(new Party(Party.Role.THIRD_PARTY, clean), "a third party");
    }

    /**
     * A paragraph that opens with a party's name and a colon, as in SDK lists ('- 友盟统计SDK：…会收集…'),
     * speaks of what that party does: the party is the subject of the paragraph. Null otherwise.
     */
    Party leadInParty(ClauseView v) {
        int colon = v.text.indexOf('：');
        if (colon < 0) colon = v.text.indexOf(':');
        if (colon < 1 || colon > 34) return null;
        Matcher m = LEAD_IN.matcher(v.text);
        // anchored at the start: lookingAt, not a find that tries every position
        if (!m.lookingAt() || v.markBetween(m.start(1), m.end(1)) || v.inMark(m.start(1)) || v.inMark(m.end(1) - 1)) return null;
        String name = m.group(1).strip();
        if (words.lastPartyWordEnd(name) < 0) return null;
        Party p = classify(name);
        return p.role() == Party.Role.THIRD_PARTY ? p : null;
    }

    /** Parties written in a phrase: 'A、B等' gives A and B when each names a party (docs/annotating.md). */
    List<Party> partiesIn(String phrase) {
        String head = phrase;
        boolean[] partyWord = words.partyWordCover(phrase);
        for (int k = 0; k < head.length(); k++) {
            if ("，,。；;：:".indexOf(head.charAt(k)) >= 0 || (k > 0 && !partyWord[k] && isVerbHere(head, k))) {
                head = head.substring(0, k);
                break;
            }
        }
        List<Party> found = new ArrayList<>();
        for (String item : ITEM_SEPARATOR.split(head)) {
            int end = words.lastPartyWordEnd(item);
            if (end < 0) continue;
            String label = words.cleanParty(item.substring(0, end));
            if (label.isEmpty()) continue;
            Party p = classify(label);
            if (p.role() == Party.Role.THIRD_PARTY) found.add(p);
        }
        return found;
    }

    /** A verb at k that is not the modifier of a party noun (识别 in 语音识别服务商, 存储 in 存储服务商). */
    private boolean isVerbHere(String phrase, int k) {
        String verb = words.verbAt(phrase, k);
        return verb != null && words.thirdParty.at(phrase, k + verb.length()) == null;
    }
}
