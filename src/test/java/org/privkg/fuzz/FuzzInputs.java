package org.privkg.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Seeded inputs for the extraction fuzz test: pieces of real policies mixed with mark characters,
 * escapes, unbalanced and nested marks, long lines, control characters, broken UTF-8, byte-order
 * marks, GB18030 and long repetitions. Input {@code index} of {@code seed} is always the same bytes,
 * so a failure is replayed from those two numbers.
 */
final class FuzzInputs {
    private static final String MARK_CHARS = "{}[]<>()\\";
    private static final String[] WORDS = {"我们", "收集", "使用", "共享", "您的", "手机号码", "位置信息", "敏感个人信息",
        "属于", "例如", "包括", "上述信息", "第三方", "（", "）", "、", "，", "；", "。", "：", "和", "用于", "以下简称“安心”"};
    private static final String[] SHAPES = {"[收集]", "<手机号码>", "{提供服务}", "(合作方)", "[共享、转让]", "<设备信息>（例如<IMEI>、<MAC地址>）",
        "属于敏感个人信息", "上述信息", "例如", "# 标题\n", "\n\n", "\\[", "\\\\", "；", "。", "，"};

    private final List<String> fragments;

    private FuzzInputs(List<String> fragments) {
        this.fragments = fragments;
    }

    /** The generator over the paragraphs of the policies in the given folders. */
    static FuzzInputs fromPolicies(Path... folders) {
        List<String> paragraphs = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    for (String p : Files.readString(f, StandardCharsets.UTF_8).split("\n")) if (!p.isBlank()) paragraphs.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (paragraphs.isEmpty()) throw new IllegalStateException("no policy text under the given folders");
        return new FuzzInputs(List.copyOf(paragraphs));
    }

    /** Input number {@code index} of the run with {@code seed}. */
    byte[] input(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        // one in fifty inputs is large (tens to hundreds of KB), so a run finds what grows with size
        int budget = r.nextInt(50) == 0 ? 20_000 + r.nextInt(200_000) : 20 + r.nextInt(4_000);
        StringBuilder text = new StringBuilder();
        int shape = r.nextInt(9);
        switch (shape) {
            case 0 -> { // real paragraphs, lightly broken
                while (text.length() < budget) text.append(fragment(r)).append('\n');
                mutate(text, r, 1 + r.nextInt(8));
            }
            case 1 -> { // mark soup
                while (text.length() < budget) {
                    text.append(r.nextBoolean() ? MARK_CHARS.charAt(r.nextInt(MARK_CHARS.length())) : WORDS[r.nextInt(WORDS.length)]);
                }
            }
            case 2 -> { // one long line of well-formed marks, many of their own label: no sentence end, so one clause
                for (int i = 0; text.length() < budget; i++) {
                    String mark = SHAPES[r.nextInt(8)];
                    if (r.nextBoolean()) mark = mark.substring(0, mark.length() - 1) + i + mark.charAt(mark.length() - 1);
                    text.append(mark).append(r.nextBoolean() ? "、" : "");
                }
            }
            case 3 -> { // one piece repeated
                String piece = r.nextBoolean() ? SHAPES[r.nextInt(SHAPES.length)] : String.valueOf(MARK_CHARS.charAt(r.nextInt(MARK_CHARS.length())));
                while (text.length() < budget) text.append(piece);
            }
            case 4 -> { // nested and overlong marks
                int depth = 1 + r.nextInt(Math.max(1, budget / 4));
                for (int i = 0; i < depth; i++) text.append(MARK_CHARS.charAt(2 * r.nextInt(4)));
                text.append(fragment(r));
                for (int i = 0; i < depth; i++) text.append(MARK_CHARS.charAt(2 * r.nextInt(4) + 1));
            }
            case 5 -> { // real paragraphs with shapes between them, some on one line
                while (text.length() < budget) {
                    text.append(fragment(r)).append(SHAPES[r.nextInt(SHAPES.length)]);
                    if (r.nextInt(4) == 0) text.append('\n');
                }
            }
            case 7 -> { // actions, then data items, purposes, parties: each of one clause's actions takes each of them
                // past a few hundred marks their product outgrows any fixed number of quads per byte
                int n = Math.max(1, Math.max(budget, 10_000 + r.nextInt(20_000)) / 24);
                text.append("我们");
                for (int i = 0; i < n; i++) text.append(i > 0 ? "、" : "").append("[收集").append(i).append(']');
                text.append("您的");
                for (int i = 0; i < n; i++) text.append(i > 0 ? "、" : "").append("<信息").append(i).append('>');
                for (int i = 0; i < n / 4; i++) text.append("{目的").append(i).append("}(公司").append(i).append(')');
                if (r.nextBoolean()) text.append('。');
            }
            default -> { // real paragraphs, heavily broken
                while (text.length() < budget) text.append(fragment(r)).append(r.nextBoolean() ? "\n" : "\r\n");
                mutate(text, r, 1 + r.nextInt(Math.max(1, text.length() / 20)));
            }
        }
        return encode(text.toString(), r);
    }

    private String fragment(SplittableRandom r) {
        String p = fragments.get(r.nextInt(fragments.size()));
        if (r.nextBoolean()) return p;
        int from = r.nextInt(p.length());
        return p.substring(from, from + r.nextInt(p.length() - from + 1));
    }

    /** Inserts, deletes and repeats characters, control characters and mark characters among them. */
    private static void mutate(StringBuilder text, SplittableRandom r, int times) {
        for (int i = 0; i < times && text.length() > 0; i++) {
            int at = r.nextInt(text.length());
            switch (r.nextInt(6)) {
                case 0 -> text.insert(at, MARK_CHARS.charAt(r.nextInt(MARK_CHARS.length())));
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, (char) r.nextInt(32));
                case 3 -> text.insert(at, WORDS[r.nextInt(WORDS.length)]);
                case 4 -> text.insert(at, text.substring(at, Math.min(text.length(), at + r.nextInt(40))).repeat(1 + r.nextInt(50)));
                default -> text.insert(at, SHAPES[r.nextInt(SHAPES.length)]);
            }
        }
    }

    /** UTF-8 mostly; sometimes with a byte-order mark, in GB18030, or with bytes that are no UTF-8. */
    private static byte[] encode(String text, SplittableRandom r) {
        int how = r.nextInt(10);
        if (how == 0) return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
        if (how == 1) return text.getBytes(Charset.forName("GB18030"));
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (how == 2 && b.length > 0) {
            for (int i = 0; i < 1 + r.nextInt(4); i++) b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(128));
        }
        if (how == 3 && b.length > 1) return java.util.Arrays.copyOf(b, b.length - 1); // cut inside a character, maybe
        return b;
    }

    /** A thread that does not keep the test JVM alive when an input hangs it. */
    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "fuzz-input");
        t.setDaemon(true);
        return t;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
