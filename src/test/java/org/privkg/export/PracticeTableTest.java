package org.privkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written CSV writer follows RFC 4180. */
class PracticeTableTest {
    @Test
    void quotesOnlyWhatMustBeQuoted() throws Exception {
        assertEquals("plain", PracticeTable.quote("plain"));
        assertEquals("", PracticeTable.quote(""));
        assertEquals("手机号码", PracticeTable.quote("手机号码"));
        assertEquals("\"a,b\"", PracticeTable.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", PracticeTable.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", PracticeTable.quote("two\nlines"));
        assertEquals("\" padded\"", PracticeTable.quote(" padded"));
        assertEquals("创建账号，并验证", PracticeTable.quote("创建账号，并验证"), "a full-width comma is text");
        StringWriter w = new StringWriter();
        PracticeTable.writeCsvRow(w, List.of("a", "b,c", ""));
        assertEquals("a,\"b,c\",\r\n", w.toString());
    }
}
