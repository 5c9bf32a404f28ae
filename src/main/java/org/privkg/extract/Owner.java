package org.privkg.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privkg.annotation.PolicyDocument;

/** Who the policy's own side is: its name and the other names the policy gives it (SPEC §3). */
record Owner(String name, Set<String> aliases) {
    private static final Pattern TITLE = Pattern.compile(
            "(隐私权政策|隐私政策|个人信息保护政策|个人信息保护指引|隐私保护指引|隐私保护政策|隐私声明|个人信息处理规则|隐私协议|隐私条款)");
    private static final Pattern TITLE_JUNK = Pattern.compile("^[#*\\s《【「“\"]+|[\\s》】」”\"]+$");
    private static final Pattern TRAILING = Pattern.compile("(用户|儿童|App|APP|app|客户端|移动端|软件|应用|产品|的)+$");
    private static final Pattern NOT_A_NAME = Pattern.compile("[，,。；;：:、！？()（）]|我们|本|您|你|该|此");
    private static final Pattern ALIAS = Pattern.compile(
            "(以下简称|以下统称|以下称|下称|简称)(为)?[：:]?[“\"「『]([^”\"」』]{1,20})[”\"」』]");
    private static final Pattern COMPANY = Pattern.compile("([\\p{IsHan}A-Za-z0-9（）()]{2,40}(公司|集团|银行|医院|中心))[（(]?$");

    static Owner of(PolicyDocument doc, String given, List<String> pronouns) {
        Set<String> aliases = new LinkedHashSet<>();
        String title = null;
        for (String line : doc.lines()) {
            Matcher m = TITLE.matcher(line);
            if (title == null && m.find()) {
                String name = TITLE_JUNK.matcher(line.substring(0, m.start())).replaceAll("");
                name = TRAILING.matcher(name).replaceAll("").strip();
                if (!name.isEmpty() && name.length() <= 30 && !NOT_A_NAME.matcher(name).find()) title = name;
            }
            if (line.indexOf('称') < 0) continue; // every ALIAS form holds 称
            Matcher a = ALIAS.matcher(line);
            while (a.find()) {
                String alias = a.group(3).strip();
                String before = line.substring(0, a.start());
                if (pronouns.contains(alias) || before.contains("第三方") || before.contains("合作")) continue;
                aliases.add(alias);
                // COMPANY is anchored at the end and spans at most 43 code points: the tail is enough
                if (!mayEndWithCompany(before)) continue;
                String tail = before.length() > 90 ? before.substring(before.length() - 90) : before;
                Matcher company = COMPANY.matcher(tail);
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

    private static final String[] COMPANY_WORDS = {"公司", "集团", "银行", "医院", "中心"};

    /** What COMPANY needs at the end: one of its words, then at most one '（' or '('. */
    private static boolean mayEndWithCompany(String s) {
        // '$' also matches before one final line terminator
        if (s.endsWith("\r\n")) s = s.substring(0, s.length() - 2);
        else if (!s.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(s.charAt(s.length() - 1)) >= 0) s = s.substring(0, s.length() - 1);
        if (s.endsWith("（") || s.endsWith("(")) {
            String t = s.substring(0, s.length() - 1);
            for (String w : COMPANY_WORDS) if (t.endsWith(w)) return true;
        }
        for (String w : COMPANY_WORDS) if (s.endsWith(w)) return true;
        return false;
    }
}
