package org.privkg.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A file of many problems keeps the first hundred and counts the rest. */
class DiagnosticsLimitTest {
    @Test
    void aFileOfStrayBracketsKeepsTheFirstHundredAndCountsTheRest() {
        Diagnostics d = new Diagnostics("p.txt");
        new AnnotationParser(false).parse("p", "p.txt", "]".repeat(500), d);
        assertEquals(Diagnostics.LIMIT, d.all().size());
        assertEquals("p.txt:1:100: error: unopened mark: ']' closes no '['; write \\] if it is ordinary text",
                d.all().get(99).toString());
        assertEquals(400, d.omitted());
        assertEquals("p.txt: … and 400 more (only the first 100 problems of a file are listed)", d.omittedLine());
        assertTrue(d.hasErrors());
    }

    @Test
    void anErrorPastTheLimitStillRejectsTheFile() {
        Diagnostics d = new Diagnostics("p.txt");
        for (int i = 0; i < Diagnostics.LIMIT; i++) d.warning("w", 1, 1);
        d.error("e", 2, 1);
        assertEquals(Diagnostics.LIMIT, d.all().size());
        assertTrue(d.all().stream().allMatch(x -> x.severity() == Severity.WARNING));
        assertTrue(d.hasErrors());
    }

    @Test
    void aFileWithinTheLimitHasNoOmittedLine() {
        Diagnostics d = new Diagnostics("p.txt");
        d.error("e", 1, 1);
        assertNull(d.omittedLine());
    }
}
