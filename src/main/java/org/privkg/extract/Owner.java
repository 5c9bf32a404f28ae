package org.privkg.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotation.PolicyDocument;

/** Who the policy's own side is: its name and the other names the policy gives it (docs/annotating.md). */
record Owner(String name, Set<String> aliases) {
    private static final List<String> TITLE_WORDS = List.of("隐私权政策", "隐私政策", "个人信息保护政策", "个人信息保护指引",
            "隐私保护指引", "隐私保护政策", "隐私声明", "个人信息处理规则", "隐私协议", "隐私条款");
    private static final Pattern TITLE_JUNK = Pattern.compile("^[#*\\s《【「“\"]+|[\\s》】」”\"]+$");
    private static final Pattern TRAILING = Pattern.compile("(用户|儿童|App|APP|app|客户端|移动端|软件|应用|产品|的)+$");
    private static final Pattern NOT_A_NAME = Pattern.compile("[，,。；;：:、！？()（）]|我们|本|您|你|该|此");
    private static final Pattern ALIAS = Pattern.compile(
            "(以下简称|以下统称|以下称|下称|简称)(为)?[：:]?[“\"「『]([^”\"」』]{1,20})[”\"」』]");
    private static final List<String> COMPANY_WORDS = List.of("公司", "集团", "银行", "医院", "中心");
    /** A company's name ending the text: '…由北京某某科技有限公司（' */
    private static final Pattern COMPANY = Pattern.compile(
            "([\\p{IsHan}A-Za-z0-9（）()]{2,40}(" + String.join("|", COMPANY_WORDS.stream().map(Pattern::quote).toList())
            + "))[（(]?$");
    /** How far back from the end COMPANY can reach: 40 name characters, the longest company word, a bracket, a line terminator. */
    private static final int COMPANY_REACH = 40 + COMPANY_WORDS.stream().mapToInt(String::length).max().orElse(0) + 2;

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
     * What {@link #COMPANY} needs at the end of the text: a company word, then at most an opening
     * bracket. The pattern's search tries every start and length before it fails, and many alias
     * lines (half in the benchmark's corpus) name no company before the alias: this test spares that
     * search.
     */
    private static boolean endsWithCompanyWord(String s) {
        int end = s.length();
        // '$' also matches before a final line terminator that a line can still hold
        if (end > 0 && "\u0085\u2028\u2029".indexOf(s.charAt(end - 1)) >= 0) end--;
        if (end > 0 && (s.charAt(end - 1) == '（' || s.charAt(end - 1) == '(')) end--;
        for (String w : COMPANY_WORDS) if (s.startsWith(w, end - w.length())) return true;
        return false;
    }

    static Owner of(PolicyDocument doc, String given, List<String> pronouns) {
        Set<String> aliases = new LinkedHashSet<>();
        String title = null;
        for (String line : doc.lines()) {
            int at = title == null ? titleWordAt(line) : -1;
            if (at >= 0) {
                String name = TITLE_JUNK.matcher(line.substring(0, at)).replaceAll("");
                name = TRAILING.matcher(name).replaceAll("").strip();
                if (!name.isEmpty() && name.length() <= 30 && !NOT_A_NAME.matcher(name).find()) title = name;
            }
            if (!line.contains("简称") && !line.contains("下称") && !line.contains("统称")) continue;
            Matcher a = ALIAS.matcher(line);
            while (a.find()) {
                String alias = a.group(3).strip();
                String before = line.substring(0, a.start());
                if (pronouns.contains(alias) || before.contains("第三方") || before.contains("合作")) continue;
                aliases.add(alias);
                if (!endsWithCompanyWord(before)) continue;
                // a match ends the text: what lies further back is not searched
                Matcher company = COMPANY.matcher(before.substring(Math.max(0, before.length() - COMPANY_REACH)));
                if (company.find()) aliases.add(company.group(1));
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
