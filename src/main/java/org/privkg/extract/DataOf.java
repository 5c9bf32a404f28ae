package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/**
 * The data of each act of a clause, and the rules that decide which act a data mark belongs to
 * (docs/annotating.md). Acts are values: two equal acts (收集、收集 split into the same verb twice)
 * share one list, as keys of a map would.
 */
final class DataOf {
    private final List<Act> acts;
    private final List<String>[] lists;

    @SuppressWarnings("unchecked")
    private DataOf(List<Act> acts) {
        this.acts = acts;
        this.lists = new List[acts.size()];
        for (int i = 0; i < acts.size(); i++) {
            int same = i;
            for (int j = 0; j < i; j++) {
                if (acts.get(j).equals(acts.get(i))) {
                    same = j;
                    break;
                }
            }
            lists[i] = same == i ? new ArrayList<>() : lists[same];
        }
    }

    List<String> get(Act a) {
        for (int i = 0; i < acts.size(); i++) if (acts.get(i) == a) return lists[i];
        for (int i = 0; i < acts.size(); i++) if (acts.get(i).equals(a)) return lists[i];
        return null;
    }

    /**
     * The data of each act: an inferred act takes every item; otherwise each data mark goes to its
     * owning act's group, to the main action it is the object of, and elided objects are shared.
     */
    static DataOf attach(Words words, ClauseView v, List<Act> acts, boolean inferred, Explanation explain) {
        DataOf dataOf = new DataOf(acts);
        Span[] data = v.spans(MarkKind.DATA);
        if (inferred) {
            for (Span d : data) {
                dataOf.get(acts.get(0)).addAll(v.items(d).members());
                if (explain.on()) explainMembers(v, d, "the clause's only verb " + verb(acts.get(0)), explain);
            }
            return dataOf;
        }
        Act main = null;
        Span previous = null;
        for (Span d : data) {
            Act target = owningAct(v, acts, d, explain);
            List<String> members = v.items(d).members();
            for (Act a : acts) if (a.group() == target.group()) dataOf.get(a).addAll(members);
            boolean coordinated = main != null && words.isConnective(v.text, previous.to(), d.from());
            if (!coordinated) main = modifiedBy(v, acts, target, d);
            if (main != null) for (Act a : acts) if (a.group() == main.group()) dataOf.get(a).addAll(members);
            if (explain.on() && main != null) {
                explain.decided("data <" + d.mark().label() + "> also goes to " + verb(main) + ": "
                        + (coordinated ? "joined by a connective to the item before" : verb(target) + "的 modifies it"));
            }
            previous = d;
        }
        dataOf.shareElidedObjects(words, v, explain);
        return dataOf;
    }

    /** Tells, for each member of a data mark, how the mark was read and which action it went to. */
    private static void explainMembers(ClauseView v, Span d, String goesTo, Explanation explain) {
        ItemList items = v.items(d);
        String how = items.isSplit() ? " (" + String.join("; ", items.steps()) + ")" : "";
        List<String> members = items.members();
        for (int i = 0; i < members.size(); i++) {
            String which = members.size() == 1 ? "marked <" + d.mark().label() + ">"
                    : "member " + (i + 1) + " of list <" + d.mark().label() + ">";
            explain.decided("data " + members.get(i) + ": " + which + how + ", object of " + goesTo);
        }
    }

    private static String verb(Act a) {
        return a.verb().isEmpty() ? "(no verb)" : "[" + a.verb() + "]";
    }

    /** Where the data of an action mark goes: its own comma-part first, then the nearest action (docs/annotating.md). */
    private static Act owningAct(ClauseView v, List<Act> acts, Span d, Explanation explain) {
        int part = v.part(d.from());
        Act before = null;
        Act after = null;
        Act anyBefore = null;
        Act anyAfter = null;
        for (Act a : acts) {
            if (a.to() <= d.from()) {
                anyBefore = a;
                if (v.part(a.from()) == part) before = a;
            } else {
                if (anyAfter == null) anyAfter = a;
                if (after == null && v.part(a.from()) == part) after = a;
            }
        }
        Act owner = before != null ? before : after != null ? after : anyBefore != null ? anyBefore : anyAfter;
        if (explain.on()) {
            explainMembers(v, d, verb(owner) + (owner == before ? ", the last action before it in its comma-part"
                    : owner == after ? ", the first action after it in its comma-part"
                    : owner == anyBefore ? ", the nearest action before it (none in its comma-part)"
                    : ", the nearest action after it (none in its comma-part)"), explain);
        }
        return owner;
    }

    /**
     * '委托(服务商)[处理]您[提交]的<咨询内容>': an action mark right before 的 modifies the item; the item
     * is also the object of the main action before it in the comma-part.
     */
    private static Act modifiedBy(ClauseView v, List<Act> acts, Act target, Span d) {
        if (target.to() > d.from() || !onlyDe(v.text, target.to(), d.from())) return null;
        Act main = null;
        for (Act a : acts) {
            if (a.to() <= target.from() && a.group() != target.group() && v.part(a.from()) == v.part(target.from())) main = a;
        }
        return main;
    }

    /** True when s[from, to) is 的 with white space around it, if any. */
    private static boolean onlyDe(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        return to - from == 1 && s.charAt(from) == '的';
    }

    /** '[记录]<聊天记录>，并[存储]于(服务器)': an action with no object of its own takes the one before. */
    private void shareElidedObjects(Words words, ClauseView v, Explanation explain) {
        for (int i = 1; i < acts.size(); i++) {
            Act a = acts.get(i);
            if (!get(a).isEmpty()) continue;
            Act before = acts.get(i - 1);
            if (before.group() == a.group() || get(before).isEmpty() || v.part(before.from()) == v.part(a.from())) continue;
            if (words.onlyFillers(v.unmarked(v.partStart(a.from()), a.from()))) {
                get(a).addAll(get(before));
                if (explain.on()) {
                    explain.decided("data of " + verb(before) + " shared with " + verb(a) + ": it has no object of its own");
                }
            }
        }
    }
}
