package org.privkg.annotation;

import java.text.Normalizer;

/** How mark text becomes a label and a label becomes an identity key (docs/annotating.md). */
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
        if (isOwnKey(label)) return label;
        String s = nfkc(label);
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        if (i == s.length()) return s; // the usual case: nothing to drop
        StringBuilder sb = new StringBuilder(s.length());
        for (i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) sb.append(s.charAt(i));
        return sb.toString();
    }

    /**
     * The usual label, inert characters (see {@link #inert}) and no white space, is its own key: one
     * look at each character instead of the two scans of the general way.
     */
    private static boolean isOwnKey(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? Character.isWhitespace(c) : !inert(c)) return false;
        }
        return true;
    }

    /** NFKC, skipped for text that NFKC leaves alone by construction (ASCII and CJK ideographs, most labels). */
    private static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!inert(s.charAt(i))) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /**
     * Characters with no compatibility or canonical decomposition that never combine with a neighbour:
     * ASCII and the CJK Unified Ideographs (with Extension A). Full-width forms are not among them.
     */
    private static boolean inert(char c) {
        return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }

    private static boolean trimmable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '*' || c == '_';
    }
}
