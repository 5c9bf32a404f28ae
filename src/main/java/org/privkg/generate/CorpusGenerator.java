package org.privkg.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A deterministic synthetic corpus for benchmarks: policy {@code i} of seed {@code s} is always the
 * same bytes, whatever the count, the order of generation or the machine.
 * <p>
 * Policy {@code i} is built from template {@code i mod T} (the annotated policies in
 * {@code data/policies/}, sorted by file name), varied with a {@link Random} seeded from
 * {@code (s, i)}:
 * <ul>
 * <li>the owner's brand (the first two characters of the name in the title, e.g. 安心 of
 * 安心银行…个人信息保护政策) is replaced everywhere by a generated two-character name, so owner names
 * vary;</li>
 * <li>each data mark {@code <X>} keeps its label (about 72%), gets a common qualifier
 * ({@code <历史X>}, {@code <备用X>}, …: about 24%), or becomes a product-specific item named after the
 * policy's brand ({@code <云澜X>}: about 4%). The qualified items repeat across policies, as common
 * data items do in real corpora; the brand-specific ones make the number of distinct data items grow
 * with the corpus, so shared-node joins and the node table scale as they would on real text;</li>
 * <li>about 8% of the paragraphs after the opening ones are left out, so policies differ in length
 * and structure.</li>
 * </ul>
 * Marks never span a blank line, so leaving out paragraphs and relabelling marks keeps every file
 * valid input. Generated text contains no mark characters of its own.
 */
public final class CorpusGenerator {
    /** A policy to vary: its file name and text. */
    public record Template(String name, String text) {
    }

    private static final String NAME_CHARS = "安宝诚达鼎丰福港海瀚和恒弘华慧吉嘉锦晋景聚凯康乐立联灵龙隆鹿路明铭宁诺鹏齐启"
            + "千晴庆荣瑞润森尚盛拓泰唐天通同万维伟文希祥翔欣信星兴旭雅扬耀易逸银盈永优宇远岳悦云泽展正之智中卓";
    private static final String[] QUALIFIERS = {"历史", "备用", "常用", "最近", "账户", "会员", "设备", "交易", "实时",
            "登录", "绑定", "订单", "紧急", "默认", "关联", "辅助", "家庭", "工作", "临时", "注册"};
    private static final String[] TITLE_SUFFIXES = {"个人信息保护政策", "隐私保护指引", "隐私保护政策", "隐私政策",
            "隐私权政策", "用户协议"};

    private final List<Template> templates;
    private final long seed;

    public CorpusGenerator(List<Template> templates, long seed) {
        if (templates.isEmpty()) throw new IllegalArgumentException("no template policies");
        this.templates = List.copyOf(templates);
        this.seed = seed;
    }

    /** The *.txt files of a directory, sorted by name. */
    public static List<Template> templatesFrom(Path dir) throws IOException {
        List<Template> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                out.add(new Template(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        if (out.isEmpty()) throw new IOException(dir + ": no *.txt template policies");
        return out;
    }

    /** The file name of policy {@code index} in a corpus of {@code count}: policy-00001.txt, … */
    public static String fileName(int index, int count) {
        int width = Math.max(5, Integer.toString(count).length());
        return String.format("policy-%0" + width + "d.txt", index + 1);
    }

    /** Writes {@code count} policies into {@code dir} (created if missing); returns the bytes written. */
    public long write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] b = policy(i).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(fileName(i, count)), b);
            bytes += b.length;
        }
        return bytes;
    }

    /** The text of policy {@code index}. */
    public String policy(int index) {
        Random rnd = new Random(mix(seed, index));
        Template t = templates.get(index % templates.size());
        String text = t.text().replace("\r\n", "\n").replace('\r', '\n');
        String stem = brandStem(text);
        String newStem = "" + pick(rnd, NAME_CHARS) + pick(rnd, NAME_CHARS);
        if (stem != null) text = text.replace(stem, newStem);
        text = dropParagraphs(text, rnd);
        return relabel(text, rnd, newStem);
    }

    /** The first two characters of the owner's name in the title line, or null. */
    static String brandStem(String text) {
        for (String line : text.split("\n")) {
            String s = line.strip().replaceAll("^[#*\\s]+|[*\\s]+$", "");
            if (s.isEmpty()) continue;
            for (String suffix : TITLE_SUFFIXES) {
                int at = s.indexOf(suffix);
                if (at >= 2) {
                    String stem = s.substring(0, s.offsetByCodePoints(0, 2));
                    return stem.codePoints().allMatch(Character::isLetter) ? stem : null;
                }
            }
            return null;
        }
        return null;
    }

    private static String dropParagraphs(String text, Random rnd) {
        String[] paragraphs = text.split("\n\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < paragraphs.length; i++) {
            // keep the title and the opening paragraphs whole (owner name, aliases)
            if (i >= 3 && rnd.nextDouble() < 0.08) continue;
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(paragraphs[i]);
        }
        return sb.toString();
    }

    /** Varies the labels of data marks; everything else, escapes included, is copied as is. */
    private static String relabel(String text, Random rnd, String stem) {
        StringBuilder sb = new StringBuilder(text.length() + 256);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                sb.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '<') {
                int end = closing(text, i + 1, '>');
                if (end > 0) {
                    String label = text.substring(i + 1, end);
                    double r = rnd.nextDouble();
                    String varied = r < 0.04 ? stem + label
                            : r < 0.28 ? QUALIFIERS[rnd.nextInt(QUALIFIERS.length)] + label : label;
                    sb.append('<').append(varied).append('>');
                    i = end + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** Index of the unescaped closing bracket of a one-line mark without other mark characters, or -1. */
    private static int closing(String text, int from, char close) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == close) return j > from ? j : -1;
            if (c == '\\' || c == '\n' || "{}[]<>()".indexOf(c) >= 0) return -1;
        }
        return -1;
    }

    private static char pick(Random rnd, String chars) {
        return chars.charAt(rnd.nextInt(chars.length()));
    }

    /** A well-mixed 64-bit seed for policy {@code index} (SplitMix64 finaliser). */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
