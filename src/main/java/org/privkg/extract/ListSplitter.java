package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.vocab.Lexicon;

/**
 * Splits a data mark's label into the items it enumerates (README, "Data marks that hold a list"):
 * at top-level separators and connectives, with a shared head noun given to members that lack one,
 * a parenthesis inside a member read as its children (or as another name, for one abbreviation),
 * and a trailing 等 dropped. Linear in the label: every rule looks at each character a bounded
 * number of times, through word lists that are prefix look-ups.
 */
final class ListSplitter {
    private final WordList separators;
    private final WordList connectives;
    private final WordList notConnectives;
    private final List<String> deHeads;
    private final List<String> trailingEtc;
    private final List<String> headNouns;
    private final List<String> completeItems;
    private final List<String> openers;

    ListSplitter(Lexicon.Lists lists) {
        this.separators = new WordList(lists.separators());
        this.connectives = new WordList(lists.connectives());
        this.notConnectives = new WordList(lists.notConnectives());
        this.deHeads = lists.deHeads();
        this.trailingEtc = longestFirst(lists.trailingEtc());
        this.headNouns = longestFirst(lists.headNouns());
        this.completeItems = lists.completeItems();
        this.openers = longestFirst(lists.parenthesisOpeners());
    }

    private static List<String> longestFirst(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    ItemList split(String label) {
        List<String> steps = new ArrayList<>();
        List<Broader> children = new ArrayList<>();
        List<ItemList.AltName> alts = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (String raw : topLevelParts(dropEtc(label, steps), steps)) {
            String member = withoutParenthesis(raw, children, alts, steps);
            if (!member.isEmpty()) members.add(member);
        }
        if (members.isEmpty()) return ItemList.single(label);
        if (!openCategory(members, children, steps)) shareHead(members, steps);
        if (steps.isEmpty()) return ItemList.single(label);
        return new ItemList(List.copyOf(members), List.copyOf(children), List.copyOf(alts), List.copyOf(steps));
    }

    /** '语言和时区等' → '语言和时区': a trailing 等 (等信息, 等数据 …) says the list is open, it names no item. */
    private String dropEtc(String label, List<String> steps) {
        for (String etc : trailingEtc) {
            if (label.length() > etc.length() && label.endsWith(etc)) {
                steps.add("dropped trailing '" + etc + "'");
                return label.substring(0, label.length() - etc.length()).strip();
            }
        }
        return label;
    }

    /**
     * The members of a list: cut at separators and connectives outside brackets and quotes; not where
     * the cut would leave an empty member, and not where a 的 follows in a label ending in a head
     * such as 信息 (then the list modifies one head: 有关其广告覆盖面和有效性的信息).
     */
    private List<String> topLevelParts(String s, List<String> steps) {
        boolean oneHead = false;
        for (String h : deHeads) oneHead |= s.endsWith(h);
        int lastDe = oneHead ? lastTopLevel(s, '的') : -1;
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean keptWhole = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPEN.indexOf(c) >= 0) depth++;
            else if (CLOSE.indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            if (depth > 0 || OPEN.indexOf(c) >= 0) continue;
            String cut = separators.at(s, i);
            if (cut == null && !notConnectives.covers(s, i)) cut = connectives.at(s, i);
            if (cut == null) continue;
            if (i > lastDe || lastDe < 0) {
                if (!s.substring(start, i).isBlank()) {
                    parts.add(s.substring(start, i).strip());
                    start = i + cut.length();
                }
            } else {
                keptWhole = true;
            }
            i += cut.length() - 1;
        }
        parts.add(s.substring(start).strip());
        if (parts.size() > 1) steps.add("split at top-level separators and connectives into " + parts.size() + " members");
        else if (keptWhole) steps.add("kept whole: the list before '的' modifies one head");
        return parts;
    }

    private static final String OPEN = "(（“《「‘";
    private static final String CLOSE = ")）”》」’";

    private static int lastTopLevel(String s, char wanted) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPEN.indexOf(c) >= 0) depth++;
            else if (CLOSE.indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            else if (c == wanted && depth == 0) found = i;
        }
        return found;
    }

    /**
     * '设备识别码(IMEI、ESN)' → 设备识别码 with children IMEI and ESN; '国际移动设备识别码(IMEI)' →
     * 国际移动设备识别码, also called IMEI. The member is its text without the parenthesis.
     */
    private String withoutParenthesis(String member, List<Broader> children, List<ItemList.AltName> alts, List<String> steps) {
        int open = indexOfAny(member, "(（");
        if (open < 0) return member;
        int close = matchingClose(member, open);
        if (close < 0) return member;
        String outer = (member.substring(0, open) + member.substring(close + 1)).strip();
        if (outer.isEmpty()) return member;
        String inner = unquote(member.substring(open + 1, close).strip());
        for (String o : openers) {
            if (inner.startsWith(o) && inner.length() > o.length()) {
                inner = inner.substring(o.length()).strip();
                break;
            }
        }
        if (inner.isEmpty()) return outer;
        if (isAbbreviation(inner)) {
            alts.add(new ItemList.AltName(outer, inner));
            steps.add("'" + inner + "' in parentheses is another name of " + outer);
            return outer;
        }
        ItemList inside = split(inner);
        for (String child : inside.members()) if (!child.equals(outer)) children.add(new Broader(child, outer));
        children.addAll(inside.children());
        alts.addAll(inside.altNames());
        steps.add("the parenthesis lists " + inside.members().size() + " kind(s) of " + outer);
        return outer;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') depth++;
            else if ((c == ')' || c == '）') && --depth == 0) return i;
        }
        return -1;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && "“\"'‘「".indexOf(s.charAt(0)) >= 0 && "”\"'’」".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** One Latin-letter abbreviation: IMEI, MAC, SSID, Android ID. */
    private static boolean isAbbreviation(String s) {
        if (s.isEmpty() || !isLatinLetter(s.charAt(0))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isLatinLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == ' ')) return false;
        }
        return true;
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * '心率、睡眠等健康生理信息': the list is open and the words after 等 name the category its members
     * belong to, not a head they share: the members are 心率 and 睡眠, each a kind of 健康生理信息.
     */
    private boolean openCategory(List<String> members, List<Broader> children, List<String> steps) {
        int last = members.size() - 1;
        String m = members.get(last);
        int etc = m.lastIndexOf('等');
        if (last == 0 || etc <= 0 || m.length() - etc < 3 || m.indexOf('(') >= 0) return false;
        String category = m.substring(etc + 1).strip();
        members.set(last, m.substring(0, etc).strip());
        for (String member : members) children.add(new Broader(member, category));
        steps.add("'等" + category + "' names the category of the members, each a kind of " + category);
        return true;
    }

    /**
     * '交易、支付、物流信息' → 交易信息, 支付信息, 物流信息; '姓名、手机号码' stays as written. A member
     * with no head noun takes the one of the nearest member after it that has one, unless a complete
     * item stands between (设备名称、系统和应用程序版本、设备识别码 → 系统版本).
     */
    private void shareHead(List<String> members, List<String> steps) {
        String head = null;
        for (int i = members.size() - 1; i >= 0; i--) {
            String m = members.get(i);
            String own = headOf(m);
            if (own != null) {
                head = own;
            } else if (isComplete(m)) {
                head = null;
            } else if (head != null && i < members.size() - 1) {
                members.set(i, m + head);
                steps.add("shared head noun '" + head + "' added: " + m + " → " + m + head);
            }
        }
    }

    private String headOf(String member) {
        for (String h : headNouns) if (member.endsWith(h) && member.length() > h.length()) return h;
        return null;
    }

    private boolean isComplete(String member) {
        if (isAbbreviation(member)) return true;
        for (String w : completeItems) if (member.endsWith(w)) return true;
        return false;
    }
}
