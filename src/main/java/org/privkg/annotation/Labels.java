package org.privkg.annotation;

import java.text.Normalizer;

/** How mark text becomes a label and a label becomes an identity key (SPEC §1). */
public final class Labels {
    private Labels() {
    }

    public static String label(String text) {
        String s = nfkc(text);
        int b = 0;
        int e = s.length();
        while (b < e && trimmable(s.charAt(b))) b++;
        while (e > b && trimmable(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    public static String key(String label) {
        String s = nfkc(label);
        // what the regex \s matches: space, \t, \n, \u000B, \f, \r
        int i = 0;
        while (i < s.length() && !isSpace(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) if (!isSpace(s.charAt(k))) sb.append(s.charAt(k));
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * NFKC, skipping the normaliser for the usual label: ASCII and CJK unified ideographs only, which
     * NFKC leaves as they are (no compatibility forms, nothing to compose).
     */
    static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7F && (c < 0x4E00 || c > 0x9FFF)) return Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return s;
    }

    private static boolean trimmable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '*' || c == '_';
    }
}
