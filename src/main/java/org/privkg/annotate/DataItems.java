package org.privkg.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotate.TextParts.Range;
import org.privkg.extract.WordList;
import org.privkg.vocab.AnnotationCues;

/**
 * The data items an object phrase names: 您的手机号码、设备信息（IMEI、OAID）等 → 手机号码, 设备信息, IMEI,
 * OAID. Members are split at the list separators outside brackets; a bracket's content is a list of
 * its own; possessives (您的) and a trailing 等 are dropped; a member that only points back (上述信息)
 * is no item. A member is an item when it holds a data word, or stands in a list beside one that does.
 */
final class DataItems {
    /** An item found: char offsets, and whether a data word vouches for it. */
    record Item(int start, int end, boolean named) {
    }

    private final AnnotationCues cues;
    private final WordList separators;
    private final WordList dataWords;
    private final WordList anaphora;
    private final WordList openers;
    private final WordList etc;
    private final Pattern possessive;
    private final WordList verbs;
    private final WordList places;
    private final WordList notSeparators;
    private final WordList memberEnders;

    DataItems(AnnotationCues cues, WordList verbs, WordList places) {
        this.verbs = verbs;
        this.places = places;
        this.notSeparators = new WordList(cues.notSeparators());
        this.memberEnders = new WordList(cues.memberEnders());
        this.cues = cues;
        this.separators = new WordList(cues.itemSeparators());
        this.dataWords = new WordList(AnnotationCues.dataCueWords());
        this.anaphora = new WordList(cues.anaphora());
        this.openers = new WordList(cues.listOpeners());
        this.etc = new WordList(cues.etc());
        this.possessive = Pattern.compile(cues.possessive());
    }

    /** Does a data word that starts in text[from, at) run past position at? */
    boolean dataWordAcross(String text, int from, int at) {
        for (int k = from; k < at; k++) {
            String w = dataWords.at(text, k);
            if (w != null && k + w.length() > at) return true;
        }
        return false;
    }

    /** Items in text[from, to), in reading order. */
    List<Item> find(String text, int from, int to) {
        List<Item> items = new ArrayList<>();
        collect(text, from, to, items);
        boolean anyNamed = items.stream().anyMatch(Item::named);
        if (!anyNamed) return List.of();
        // an unnamed member counts only inside a list that names data
        return items.stream().filter(i -> i.named() || i.end() - i.start() <= 8).toList();
    }

    private void collect(String text, int from, int to, List<Item> out) {
        Range r = TextParts.trim(text, from, to);
        from = skipOpener(text, r.start(), r.end());
        to = r.end();
        int memberStart = from;
        int depth = 0;
        int parenStart = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : 0;
            if (c == '（' || c == '(') {
                if (depth++ == 0) {
                    member(text, memberStart, i, out);
                    parenStart = i + 1;
                }
                continue;
            }
            if ((c == '）' || c == ')') && depth > 0) {
                if (--depth == 0) {
                    collect(text, parenStart, i, out);
                    memberStart = i + 1;
                }
                continue;
            }
            if (depth > 0) continue;
            String sep = i < to && !insideWord(text, i) ? separators.at(text, i) : null;
            if (i == to || sep != null) {
                member(text, memberStart, i, out);
                if (sep != null) {
                    i += sep.length() - 1;
                    memberStart = i + 1;
                }
            }
        }
        if (depth > 0) member(text, parenStart, to, out); // an unclosed bracket: its text is still a member
    }

    /** Does one of notSeparators hold position i (中华人民共和国's 和, 及时's 及)? */
    private boolean insideWord(String text, int i) {
        for (int k = Math.max(0, i - 2); k <= i; k++) {
            String w = notSeparators.at(text, k);
            if (w != null && k + w.length() > i) return true;
        }
        return false;
    }

    private int skipOpener(String text, int from, int to) {
        String o = openers.at(text, from, to);
        return o == null ? from : from + o.length();
    }

    private void member(String text, int from, int to, List<Item> out) {
        Range r = TextParts.trim(text, from, to);
        int s = r.start();
        int e = r.end();
        for (int k = 0; k < 4 && s < e; k++) { // 您本人的, 孩子的: a few possessives at most
            Matcher m = possessive.matcher(text).region(s, e);
            if (!m.lookingAt()) break;
            s = m.end();
        }
        s = skipOpener(text, s, e);
        for (int i = s; i < e; i++) {
            if (memberEnders.at(text, i, e) != null) {
                e = i;
                break;
            }
        }
        for (int i = s; i < e; i++) {
            String w = etc.at(text, i, e);
            if (w != null && !(i + w.length() < e && text.charAt(i + w.length()) == '级')) {
                e = i;
                break;
            }
        }
        if (s >= e || anaphora.at(text, s, e) != null) return;
        int de = TextParts.lastIndexOf(text, '的', s, e);
        if (de >= s && (e - s > 10 || verbAt(text, s, de) >= 0 || text.substring(s, de).contains("时"))) s = de + 1;
        if (verbAt(text, s, e) >= 0) return; // 为什么收集, 上传的: a clause, not an item
        if (e - s > cues.itemMaxLength() || s >= e || !hasLetter(text, s, e) || text.charAt(s) == '在') return;
        for (int i = s; i < e; i++) if (places.at(text, i, e) != null) return; // 境内数据中心: where data is kept, not data
        boolean named = false;
        for (int i = s; i < e && !named; i++) named = dataWords.at(text, i, e) != null;
        out.add(new Item(s, e, named));
    }

    /** Where a verb that is not part of a data word starts in text[from, to), or -1. */
    private int verbAt(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            String v = verbs.at(text, i, to);
            if (v != null && !dataWordAcross(text, Math.max(from, i - 6), i + 1) && dataWords.at(text, i, to) == null) return i;
        }
        return -1;
    }

    private static boolean hasLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isLetter(text.charAt(i))) return true;
        return false;
    }
}
