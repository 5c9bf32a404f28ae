package org.privkg.annotation;

import java.text.Normalizer;

/** How mark text becomes a label and a label becomes an identity key (SPEC §1). */
public final class Labels {
    private Labels() {
    }

    public static String label(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int b = 0;
        int e = s.length();
        while (b < e && trimmable(s.charAt(b))) b++;
        while (e > b && trimmable(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    public static String key(String label) {
        String s = Normalizer.isNormalized(label, Normalizer.Form.NFKC) ? label : Normalizer.normalize(label, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) sb.append(s.charAt(i));
        return sb.toString();
    }

    private static boolean trimmable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '*' || c == '_';
    }
}
