package org.privkg.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privkg.annotate.DataItems.Item;
import org.privkg.annotate.TextParts.Range;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.WordList;
import org.privkg.vocab.AnnotationCues;
import org.privkg.vocab.Lexicon;

/**
 * The rules that propose marks in one clause, in this order, a later mark never overlapping an
 * earlier one: a purpose cue (为了, 用于, 以便; 为 or 以 opening a part) makes the rest of its part a
 * purpose; a lexicon verb whose object (up to the part's end, a purpose cue or a recipient's 给/至)
 * names data items is an action and its items data — 将…提供 takes the object before the verb, and
 * 收集并使用 shares the second verb's object; in a clause with an action, a party or place word
 * (第三方, …公司, …SDK, 服务器), with the name before it, is an entity, and so is the policy's own side
 * (我们, 本公司) as the subject of an action of its part (docs/annotating.md: "(我们)会[收集]").
 */
final class ClauseRules {
    /** A proposed mark in char offsets of the text. */
    record Found(MarkKind kind, int start, int end, double score) {
    }

    static final double PURPOSE = 0.7;
    static final double ACTION = 0.9;
    static final double DATA_NAMED = 0.85;
    static final double DATA_LISTED = 0.5;
    static final double PARTY = 0.75;
    static final double FIRST_PARTY = 0.6;

    private final AnnotationCues cues;
    private final DataItems items;
    private final WordList verbs;
    private final WordList parties;
    private final WordList questions;
    private final WordList users;
    private final WordList firstParty;
    private final WordList placeMarkers;
    private final WordList topicEnders;
    private final WordList notEntities;
    private final WordList purposeOpeners;
    private final WordList partStartOpeners;
    private final WordList notAfterOpener;
    private final WordList trailers;
    private final WordList temporal;
    private final WordList objectStops;
    private final WordList chainConnectives = new WordList(List.of("并且", "并", "和", "及", "与", "、", "或", "以及", "再"));

    ClauseRules(Lexicon lexicon, AnnotationCues cues) {
        this.cues = cues;
        this.items = new DataItems(cues, new WordList(lexicon.actions().verbs().keySet()));
        this.verbs = new WordList(lexicon.actions().verbs().keySet());
        this.parties = WordList.of(lexicon.parties().thirdPartyWords(), lexicon.parties().places());
        this.questions = new WordList(cues.questionWords());
        this.users = new WordList(lexicon.parties().dataSubject());
        this.firstParty = new WordList(lexicon.parties().firstParty());
        this.placeMarkers = new WordList(cues.placeMarkers());
        this.topicEnders = new WordList(cues.topicEnders());
        this.notEntities = new WordList(cues.notEntities());
        this.purposeOpeners = new WordList(cues.purposeOpeners());
        this.partStartOpeners = new WordList(cues.partStartOpeners());
        this.notAfterOpener = new WordList(cues.notAfterOpener());
        this.trailers = new WordList(cues.purposeTrailers());
        this.temporal = new WordList(cues.temporalEnders());
        this.objectStops = new WordList(cues.objectStops());
    }

    List<Found> propose(String text, Range clause) {
        List<Range> parts = TextParts.parts(text, clause);
        boolean[] taken = new boolean[clause.end() - clause.start()];
        List<Found> out = new ArrayList<>();
        for (Range p : parts) purpose(text, p, clause, taken, out);
        int purposes = out.size();
        actions(text, parts, clause, taken, out);
        if (out.size() > purposes) entities(text, clause, parts, taken, out);
        return out;
    }

    // ---------------------------------------------------------------- purposes

    private void purpose(String text, Range part, Range clause, boolean[] taken, List<Found> out) {
        int from = -1;
        String start = partStartOpeners.at(text, part.start(), part.end());
        String anywhere = purposeOpeners.at(text, part.start(), part.end());
        if (anywhere != null) {
            from = part.start() + anywhere.length();
        } else if (start != null && notAfterOpener.at(text, part.start() + start.length(), part.end()) == null) {
            from = part.start() + start.length();
        } else {
            for (int i = part.start() + 1; i < part.end() && from < 0; i++) {
                String w = purposeOpeners.at(text, i, part.end());
                if (w != null) from = i + w.length();
            }
        }
        if (from < 0) return;
        int to = part.end();
        if (temporal.endingAt(text, to) != null) {
            if (from - part.start() <= 2) return; // 为…时: a time, not a purpose
        }
        for (String t = trailers.endingAt(text, to); t != null && to - t.length() > from; t = trailers.endingAt(text, to)) {
            to -= t.length();
        }
        Range r = TextParts.trim(text, from, to);
        if (r.end() - r.start() < 2 || !free(taken, clause, r.start(), r.end())) return;
        take(taken, clause, r.start(), r.end());
        out.add(new Found(MarkKind.PURPOSE, r.start(), r.end(), PURPOSE));
    }

    // ---------------------------------------------------------------- actions and their data

    private record Verb(int start, int end, Range part) {
    }

    private void actions(String text, List<Range> parts, Range clause, boolean[] taken, List<Found> out) {
        List<Verb> found = new ArrayList<>();
        for (Range p : parts) {
            for (int i = p.start(); i < p.end(); i++) {
                String v = verbs.at(text, i, p.end());
                if (v == null) continue;
                if (isVerbUse(text, i, i + v.length(), p) && free(taken, clause, i, i + v.length())) {
                    found.add(new Verb(i, i + v.length(), p));
                }
                i += v.length() - 1;
            }
        }
        Map<Verb, List<Item>> objects = new HashMap<>();
        for (int k = found.size() - 1; k >= 0; k--) {
            Verb v = found.get(k);
            Verb next = k + 1 < found.size() ? found.get(k + 1) : null;
            objects.put(v, object(text, v, next, parts, objects.get(next)));
        }
        for (Verb v : found) {
            List<Item> data = objects.get(v);
            if (data.isEmpty() || !free(taken, clause, v.start(), v.end())) continue;
            take(taken, clause, v.start(), v.end());
            out.add(new Found(MarkKind.ACTION, v.start(), v.end(), ACTION));
            for (Item it : data) {
                if (!free(taken, clause, it.start(), it.end())) continue;
                take(taken, clause, it.start(), it.end());
                out.add(new Found(MarkKind.DATA, it.start(), it.end(), it.named() ? DATA_NAMED : DATA_LISTED));
            }
        }
    }

    /** A verb of the policy's side, not a word holding one: not 所…的's verb, 提供者, 答题记录, 关联公司, 如何收集, 您可以使用. */
    private boolean isVerbUse(String text, int s, int e, Range part) {
        String verb = text.substring(s, e);
        if (s > part.start()) {
            char before = text.charAt(s - 1);
            if (before == '所') return false;
            if (cues.nounVerbs().contains(verb) && Character.isLetter(before) && cues.verbPreceders().indexOf(before) < 0
                    && TextParts.lastIndexOf(text, '将', part.start(), s) < 0 && TextParts.lastIndexOf(text, '把', part.start(), s) < 0) {
                return false;
            }
        }
        if (e < part.end() && "的者方人商".indexOf(text.charAt(e)) >= 0) return false;
        for (int k = Math.max(part.start(), s - 6); k <= s; k++) {
            String w = parties.at(text, k, part.end());
            if (w != null && k + w.length() > s) return false;
        }
        for (int k = part.start(); k < s; k++) if (questions.at(text, k, s) != null) return false;
        if (cues.userVerbs().contains(verb) && userIsSubject(text, part.start(), s)) return false;
        return !items.dataWordAcross(text, Math.max(part.start(), s - 6), s); // 浏览记录's 记录 is no verb
    }

    /** Is the user the last subject named before a verb (您可以使用, 您发布的), not its object or beneficiary (向您)? */
    private boolean userIsSubject(String text, int from, int verb) {
        int user = -1;
        int own = -1;
        for (int i = from; i < verb; i++) {
            if (users.at(text, i, verb) != null && (i == from || "向给为对与和帮".indexOf(text.charAt(i - 1)) < 0)) user = i;
            if (firstParty.at(text, i, verb) != null) own = i;
        }
        return user > own;
    }

    private List<Item> object(String text, Verb v, Verb next, List<Range> parts, List<Item> nextObject) {
        int from = v.end();
        int to = v.part().end();
        String chain = chainConnectives.at(text, from, to);
        if (next != null && next.part() == v.part() && next.start() == from + (chain == null ? 0 : chain.length())) {
            return nextObject == null ? List.of() : nextObject; // 收集并使用X: X is both verbs' object
        }
        for (int i = from; i < to; i++) {
            if (objectStops.at(text, i, to) != null || (next != null && next.start() == i && i > from
                    && chainConnectives.endingAt(text, i) != null)) {
                to = i;
                break;
            }
        }
        List<Item> found = new ArrayList<>(items.find(text, from, to));
        if (found.isEmpty() && (placeMarkers.at(text, from, v.part().end()) != null || text.startsWith("被", v.start() - 1))) {
            found.addAll(topic(text, v, parts));
        }
        if (found.isEmpty()) {
            int jiang = Math.max(TextParts.lastIndexOf(text, '将', v.part().start(), v.start()),
                    TextParts.lastIndexOf(text, '把', v.part().start(), v.start()));
            if (jiang >= v.part().start()) found.addAll(items.find(text, jiang + 1, v.start()));
        }
        if (!found.isEmpty() && to == v.part().end()) {
            // a list that goes on in the next part: …，包括<A>、<B>
            int k = parts.indexOf(v.part()) + 1;
            if (k < parts.size()) {
                Range p = parts.get(k);
                if (cues.listOpeners().stream().anyMatch(o -> text.startsWith(o, p.start()))
                        || cues.listContinuers().stream().anyMatch(o -> text.startsWith(o, p.start()))) {
                    found.addAll(items.find(text, p.start(), p.end()));
                }
            }
        }
        return found;
    }

    /**
     * The object a verb of placement or a passive takes from before it: 行程轨迹将保存在… → 行程轨迹; with the verb
     * opening its part, the part before: …产生的个人信息，存储在… → 个人信息.
     */
    private List<Item> topic(String text, Verb v, List<Range> parts) {
        int from = v.part().start();
        int to = v.start();
        for (int i = from; i < to; i++) {
            if (topicEnders.at(text, i, to) != null) {
                to = i;
                break;
            }
        }
        if (TextParts.trim(text, from, to).isEmpty()) {
            int k = parts.indexOf(v.part());
            if (k == 0 || to != v.start()) return List.of();
            Range before = parts.get(k - 1);
            from = before.start();
            to = before.end();
        }
        return items.find(text, from, to);
    }

    // ---------------------------------------------------------------- entities

    private void entities(String text, Range clause, List<Range> parts, boolean[] taken, List<Found> out) {
        List<Found> actions = out.stream().filter(f -> f.kind() == MarkKind.ACTION).toList();
        for (int i = clause.start(); i < clause.end(); i++) {
            String own = firstParty.at(text, i, clause.end());
            if (own != null) {
                if (subjectOfAction(text, i, i + own.length(), parts, actions) && free(taken, clause, i, i + own.length())) {
                    take(taken, clause, i, i + own.length());
                    out.add(new Found(MarkKind.ENTITY, i, i + own.length(), FIRST_PARTY));
                }
                i += own.length() - 1;
                continue;
            }
            String w = parties.at(text, i, clause.end());
            if (w == null) continue;
            int end = i + w.length();
            for (String more = parties.at(text, end, clause.end()); more != null; more = parties.at(text, end, clause.end())) {
                end += more.length();
            }
            int start = i;
            while (start > clause.start() && i - start < cues.partyMaxPrefix() && !taken[start - 1 - clause.start()]
                    && isNamePart(text.charAt(start - 1)) && verbs.endingAt(text, start) == null) {
                start--;
            }
            boolean alone = notEntities.contains(text.substring(i, end)) || text.startsWith("任何", start);
            if (!alone && free(taken, clause, start, end)) {
                take(taken, clause, start, end);
                out.add(new Found(MarkKind.ENTITY, start, end, PARTY));
            }
            i = end - 1;
        }
    }

    /** Can a name before a party word hold this character (个推SDK, 合作保险公司; not ● or 的)? */
    private boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) && cues.partyStops().indexOf(c) < 0;
    }

    /** Does an action of the same part follow the word, which no preposition makes its object (向我们, 与本公司)? */
    private static boolean subjectOfAction(String text, int s, int e, List<Range> parts, List<Found> actions) {
        if (s > 0 && "向给与和及从对被由为经".indexOf(text.charAt(s - 1)) >= 0) return false;
        Range part = parts.stream().filter(p -> p.start() <= s && s < p.end()).findFirst().orElse(null);
        if (part == null || (e < part.end() && text.charAt(e) == '的')) return false;
        return actions.stream().anyMatch(a -> a.start() >= e && a.start() < part.end());
    }

    // ---------------------------------------------------------------- overlap

    private static boolean free(boolean[] taken, Range clause, int from, int to) {
        for (int i = from; i < to; i++) if (taken[i - clause.start()]) return false;
        return true;
    }

    private static void take(boolean[] taken, Range clause, int from, int to) {
        for (int i = from; i < to; i++) taken[i - clause.start()] = true;
    }
}
