package org.privkg.pipeline;

import java.util.Optional;

/**
 * The one syntax of a policy id, whichever way a policy comes in (a file name, {@code --id}, standard
 * input, the library, {@code PUT /privkg/policies/ID}): 1 to {@value #MAX_LENGTH} characters, each a
 * Unicode letter or digit ({@code 美团} is fine) or one of {@code - _ .}, the first a letter or digit.
 * <p>
 * Why so strict: the id is the last segment of the policy's IRI and of every IRI of its nodes. With
 * only these characters it never needs percent-encoding, so {@code policies%2Fnew} cannot pass for
 * {@code policies/new}, and a leading letter or digit rules out {@code .} and {@code ..}, which IRI
 * normalisation would collapse into the parent path, and hidden files ({@code .hidden.txt}).
 */
public final class PolicyId {
    public static final int MAX_LENGTH = 128;

    /** The rule in words, for messages that say what to do. */
    public static final String RULE = "a policy id is 1 to " + MAX_LENGTH + " letters, digits, '-', '_' or '.', "
            + "starting with a letter or digit";

    private PolicyId() {
    }

    /** Why {@code id} is not a valid policy id (e.g. "it starts with '.'"), or empty when it is valid. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) return Optional.of("it is empty");
        int length = id.codePointCount(0, id.length());
        if (length > MAX_LENGTH) return Optional.of("it is " + length + " characters long, more than " + MAX_LENGTH);
        int first = id.codePointAt(0);
        if (!Character.isLetterOrDigit(first)) {
            return Optional.of("it starts with " + describe(first) + ", not a letter or digit");
        }
        int position = 1;
        for (int i = 0; i < id.length(); position++) {
            int cp = id.codePointAt(i);
            if (!allowed(cp)) return Optional.of("it contains " + describe(cp) + " at character " + position);
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * A sentence for the user when {@code id} is not valid, naming the id, what is wrong and the rule:
     * {@code '..' is not a valid policy id: it starts with '.', not a letter or digit (a policy id is …)}.
     */
    public static Optional<String> message(String id) {
        return problem(id).map(why -> quote(id) + " is not a valid policy id: " + why + " (" + RULE + ")");
    }

    /** Returns {@code id} when it is valid; otherwise throws with {@link #message}. */
    public static String requireValid(String id) {
        Optional<String> message = message(id);
        if (message.isPresent()) throw new IllegalArgumentException(message.get());
        return id;
    }

    /**
     * The id in quotes, safe to print: control characters are shown as {@code \\uXXXX} (a bad id must
     * not move a terminal's cursor) and a long id is cut after 40 characters.
     */
    public static String quote(String id) {
        if (id == null) return "(none)";
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < id.length(); shown++) {
            int cp = id.codePointAt(i);
            if (shown == 40) {
                sb.append('…');
                break;
            }
            if (Character.isISOControl(cp)) sb.append(String.format("\\u%04X", cp));
            else sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.append('\'').toString();
    }

    private static boolean allowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.';
    }

    /** A character as a reader recognises it: '/' as is, invisible ones by name and code. */
    private static String describe(int cp) {
        if (cp == ' ') return "a space";
        int type = Character.getType(cp);
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
            return String.format("the invisible character U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
