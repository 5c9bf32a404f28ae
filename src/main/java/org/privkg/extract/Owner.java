package org.privkg.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotation.PolicyDocument;

/** Who the policy's own side is: its name and the other names the policy gives it (SPEC §3). */
record Owner(String name, Set<String> aliases) {
    private static final List<String> TITLE_WORDS = List.of("隐私权政策", "隐私政策", "个人信息保护政策", "个人信息保护指引",
            "隐私保护指引", "隐私保护政策", "隐私声明", "个人信息处理规则", "隐私协议", "隐私条款");
    /** Marks before and after a title that are not part of the name (with white space). */
    private static final String OPENING_JUNK = "#*《【「“\"";
    private static final String CLOSING_JUNK = "》】」”\"";
    private static final Pattern TITLE_JUNK = Pattern.compile("^[\\s" + OPENING_JUNK + "]+|[\\s" + CLOSING_JUNK + "]+$");
    /** Words before the title word that are not part of the name (某某App用户隐私政策 names 某某). */
    private static final List<String> TRAILING_WORDS = List.of("用户", "儿童", "App", "APP", "app", "客户端", "移动端", "软件", "应用", "产品", "的");
    private static final Pattern TRAILING = Pattern.compile("(" + String.join("|", TRAILING_WORDS) + ")+$");
    /** What $ may stand before: the line terminators of java.util.regex. */
    private static final String LINE_ENDS = "\n\r\u0085\u2028\u2029";
    private static final Pattern NOT_A_NAME = Pattern.compile("[，,。；;：:、！？()（）]|我们|本|您|你|该|此");
    private static final Pattern ALIAS = Pattern.compile(
            "(以下简称|以下统称|以下称|下称|简称)(为)?[：:]?[“\"「『]([^”\"」』]{1,20})[”\"」』]");
    private static final Pattern COMPANY = Pattern.compile("([\\p{IsHan}A-Za-z0-9（）()]{2,40}(公司|集团|银行|医院|中心))[（(]?$");

    /** Where the first title word (隐私政策, 个人信息保护政策 …) of a line starts, or -1. */
    private static int titleWordAt(String line) {
        int best = -1;
        for (String w : TITLE_WORDS) {
            int i = line.indexOf(w);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /**
     * Whether {@link #TITLE_JUNK} can match: its patterns end at the text's end or a final line
     * terminator, or start at its start, so the first and last characters decide. Skips the pattern's
     * try at every position of the text.
     */
    private static boolean mayHoldTitleJunk(String s) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        return OPENING_JUNK.indexOf(first) >= 0 || Hierarchy.isRegexSpace(first)
                || CLOSING_JUNK.indexOf(last) >= 0 || LINE_ENDS.indexOf(last) >= 0 || Hierarchy.isRegexSpace(last);
    }

    /** Whether {@link #TRAILING} can match: the text ends with the last character of one of its words, or a line terminator. */
    private static boolean mayEndInTrailingWord(String s) {
        if (s.isEmpty()) return false;
        char last = s.charAt(s.length() - 1);
        return LINE_ENDS.indexOf(last) >= 0 || TRAILING_WORDS.stream().anyMatch(w -> w.charAt(w.length() - 1) == last);
    }

    /** Where the next lead word of {@link #ALIAS} (以下…, 下称, 简称) starts in a line at or after from, or -1. */
    private static int nextAliasLead(String line, int from) {
        int next = -1;
        for (String lead : ALIAS_LEADS) {
            int i = line.indexOf(lead, from);
            if (i >= 0 && (next < 0 || i < next)) next = i;
        }
        return next;
    }

    /** The alias that the match of {@link #ALIAS} gives, and the company name written just before it. */
    private static void alias(String line, Matcher a, List<String> pronouns, Set<String> aliases) {
        String alias = a.group(3).strip();
        String before = line.substring(0, a.start());
        if (pronouns.contains(alias) || before.contains("第三方") || before.contains("合作")) return;
        aliases.add(alias);
        if (!endsWithCompanyWord(before)) return; // the pattern cannot match: skip its costly search
        Matcher company = COMPANY.matcher(before.substring(Math.max(0, before.length() - 45)));
        if (company.find()) aliases.add(company.group(1));
    }

    private static final List<String> ALIAS_LEADS = List.of("以下", "下称", "简称");

    /** What {@link #COMPANY} needs at the end of the text: a company word, then at most an opening bracket. */
    private static boolean endsWithCompanyWord(String s) {
        int end = s.length();
        // '$' also matches before a final line terminator that a line can still hold
        if (end > 0 && "\u0085\u2028\u2029".indexOf(s.charAt(end - 1)) >= 0) end--;
        if (end > 0 && (s.charAt(end - 1) == '（' || s.charAt(end - 1) == '(')) end--;
        for (String w : COMPANY_WORDS) if (s.startsWith(w, end - w.length())) return true;
        return false;
    }

    private static final List<String> COMPANY_WORDS = List.of("公司", "集团", "银行", "医院", "中心");

    static Owner of(PolicyDocument doc, String given, List<String> pronouns) {
        Set<String> aliases = new LinkedHashSet<>();
        String title = null;
        for (String line : doc.lines()) {
            int at = title == null ? titleWordAt(line) : -1;
            if (at >= 0) {
                String name = line.substring(0, at);
                if (mayHoldTitleJunk(name)) name = TITLE_JUNK.matcher(name).replaceAll("");
                if (mayEndInTrailingWord(name)) name = TRAILING.matcher(name).replaceAll("");
                name = name.strip();
                if (!name.isEmpty() && name.length() <= 30 && !NOT_A_NAME.matcher(name).find()) title = name;
            }
            boolean mayAlias = line.contains("简称") || line.contains("下称") || line.contains("统称");
            if (!mayAlias) continue;
            // what find() would do, trying only where a lead word (以下…, 下称, 简称) starts: 以下 is a common
            // word, and the pattern's alternatives tried at every position cost more than the rest of Owner
            Matcher a = ALIAS.matcher(line);
            for (int lead = nextAliasLead(line, 0); lead >= 0; ) {
                if (!a.region(lead, line.length()).lookingAt()) {
                    lead = nextAliasLead(line, lead + 1);
                    continue;
                }
                alias(line, a, pronouns, aliases);
                lead = nextAliasLead(line, a.end());
            }
        }
        String name = given != null && !given.isBlank() ? given.strip()
                : title != null ? title
                : !aliases.isEmpty() ? aliases.iterator().next()
                : doc.id();
        aliases.add(name);
        return new Owner(name, Set.copyOf(aliases));
    }
}
