package org.privkg.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTextTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static Diagnostics decode(byte[] bytes, Charset cs, Optional<String>[] out) {
        Diagnostics d = new Diagnostics("p.txt");
        out[0] = PolicyText.decode(bytes, cs, d);
        return d;
    }

    @SuppressWarnings("unchecked")
    private final Optional<String>[] result = new Optional[1];

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bytes = "\uFEFF我们[收集]".getBytes(StandardCharsets.UTF_8);
        assertTrue(decode(bytes, StandardCharsets.UTF_8, result).all().isEmpty());
        assertEquals("我们[收集]", result[0].orElseThrow());
    }

    @Test
    void gb18030TextIsRecognisedAndTheFixIsNamed() {
        byte[] bytes = "第一行\n我们会[收集]您的<手机号码>".getBytes(GB18030);
        Diagnostics d = decode(bytes, StandardCharsets.UTF_8, result);
        assertTrue(result[0].isEmpty());
        Diagnostic only = d.all().get(0);
        assertEquals(1, only.line());
        assertTrue(only.message().contains("looks like GB18030"), only.message());
        assertTrue(only.message().contains("--encoding GB18030"), only.message());
    }

    @Test
    void theBadBytesPositionIsReported() {
        byte[] head = "甲乙\n丙丁".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "收集".getBytes(GB18030);
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        Diagnostic d = decode(bytes, StandardCharsets.UTF_8, result).all().get(0);
        assertEquals(2, d.line());
        assertEquals(3, d.column());
    }

    @Test
    void passingTheEncodingReadsTheFile() {
        byte[] bytes = "我们会[收集]您的<手机号码>".getBytes(GB18030);
        assertTrue(decode(bytes, GB18030, result).all().isEmpty());
        assertEquals("我们会[收集]您的<手机号码>", result[0].orElseThrow());
    }

    @Test
    void utf16IsRecognised() {
        byte[] bytes = "我们会收集 phone numbers".getBytes(StandardCharsets.UTF_16LE);
        Diagnostic d = decode(bytes, StandardCharsets.UTF_8, result).all().get(0);
        assertTrue(d.message().contains("UTF-16"), d.message());
    }

    @Test
    void binaryDataIsRecognised() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 7);
        Diagnostic d = decode(bytes, StandardCharsets.UTF_8, result).all().get(0);
        assertTrue(d.message().contains("binary"), d.message());
    }
}
