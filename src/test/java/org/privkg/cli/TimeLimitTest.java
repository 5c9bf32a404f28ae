package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** serve --timeout takes Fuseki-style units; a bare number keeps meaning seconds. */
class TimeLimitTest {
    private final TimeLimit limit = new TimeLimit();

    @Test
    void unitsAndBareSeconds() {
        assertEquals(Duration.ofSeconds(30), limit.convert("30s"));
        assertEquals(Duration.ofMillis(500), limit.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), limit.convert("2m"));
        assertEquals(Duration.ofSeconds(30), limit.convert("30"));
        assertEquals(Duration.ofMillis(1500), limit.convert("1.5"));
        assertEquals(Duration.ZERO, limit.convert("0"), "0 is no limit");
    }

    @Test
    void anythingElseIsNamed() {
        for (String bad : new String[] {"-1", "3x", "", "s"}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> limit.convert(bad));
            assertTrue(e.getMessage().contains("30s, 500ms, 2m"), e.getMessage());
        }
    }
}
