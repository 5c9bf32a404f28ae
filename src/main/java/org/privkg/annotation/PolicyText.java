package org.privkg.annotation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a policy file's bytes into text. Decoding is strict: text that is not valid in the
 * expected encoding is reported with its position and a guess at what it really is.
 */
public final class PolicyText {
    private PolicyText() {
    }

    /** The decoded text without a leading BOM, or empty after reporting why not. */
    public static Optional<String> decode(byte[] bytes, Charset charset, ErrorHandler errors) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (charset.equals(StandardCharsets.UTF_8) && looksLikeUtf16(bytes)) {
            errors.fatal("the file looks like UTF-16 text, not UTF-8; convert it with "
                    + "`iconv -f UTF-16 -t UTF-8` or pass --encoding UTF-16", 1, 1);
            return Optional.empty();
        }
        try {
            String text = strictlyDecoded(bytes, charset, decoder);
            if (text.indexOf('\u0000') >= 0) {
                long[] at = position(text, text.indexOf('\u0000'));
                errors.fatal("the file holds NUL characters: it looks like binary data, not an annotated "
                        + "policy", at[0], at[1]);
                return Optional.empty();
            }
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
            int bad = badOffset(bytes, charset);
            String good = charset.decode(ByteBuffer.wrap(bytes, 0, bad)).toString();
            long[] at = position(good, good.length());
            errors.fatal(describe(bytes, charset), at[0], at[1]);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            errors.fatal("cannot decode the file as " + charset.name() + ": " + e.getMessage(), 1, 1);
            return Optional.empty();
        }
    }

    /**
     * The String constructor decodes UTF-8 much faster than a decoder, but replaces what is malformed
     * with U+FFFD: its text is the strict decoding when it holds no U+FFFD, else the decoder decides.
     */
    private static String strictlyDecoded(byte[] bytes, Charset charset, CharsetDecoder decoder) throws CharacterCodingException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) return text;
        }
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String describe(byte[] bytes, Charset charset) {
        String name = charset.name();
        if (isBinary(bytes)) {
            return "the file is not " + name + " text: it looks like binary data, not an annotated policy";
        }
        for (String guess : new String[] {"GB18030", "Big5"}) {
            if (!guess.equals(name) && decodesCleanly(bytes, Charset.forName(guess))) {
                return "the file is not valid " + name + "; it looks like " + guess + " text. Convert it with "
                        + "`iconv -f " + guess + " -t UTF-8 FILE > NEW` or pass --encoding " + guess;
            }
        }
        return "the file is not valid " + name + " text; pass --encoding NAME with its real encoding "
                + "(for example GB18030) or convert it to UTF-8";
    }

    private static boolean looksLikeUtf16(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return true;
        }
        int n = Math.min(b.length, 512);
        int zerosOdd = 0;
        int zerosEven = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) zerosEven++;
                else zerosOdd++;
            }
        }
        // ASCII-heavy UTF-16 puts a zero byte in every other position, always on the same side.
        return n >= 8 && (zerosOdd > n / 4 && zerosEven == 0 || zerosEven > n / 4 && zerosOdd == 0);
    }

    private static boolean isBinary(byte[] b) {
        int n = Math.min(b.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0C)) control++;
        }
        return control > 0 && control * 20 > n / 10;
    }

    private static boolean decodesCleanly(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Offset of the first byte the charset rejects. */
    private static int badOffset(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        d.decode(in, out, true);
        return in.position();
    }

    /** 1-based line and column (in code points) of a char index. */
    static long[] position(String text, int index) {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] {line, text.codePointCount(lineStart, index) + 1};
    }
}
