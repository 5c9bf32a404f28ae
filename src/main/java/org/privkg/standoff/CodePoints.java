package org.privkg.standoff;

/** Code-point offsets of a string and the char indexes they stand at, counted once. */
final class CodePoints {
    private final String text;
    /** char index of each code-point offset (one more entry for the end); null when they are the same. */
    private final int[] index;
    final int length;

    CodePoints(String text) {
        this.text = text;
        int n = text.codePointCount(0, text.length());
        this.length = n;
        if (n == text.length()) {
            index = null;
        } else {
            index = new int[n + 1];
            for (int cp = 0, i = 0; cp < n; cp++) {
                index[cp] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            index[n] = text.length();
        }
    }

    int charIndex(int cp) {
        return index == null ? cp : index[cp];
    }

    String substring(int from, int to) {
        return text.substring(charIndex(from), charIndex(to));
    }

    int codePointAt(int cp) {
        return text.codePointAt(charIndex(cp));
    }
}
