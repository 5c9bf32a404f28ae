package org.privkg.standoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

/**
 * A policy gives the same practices whether its marks are inline or standoff: the committed brat and
 * Label Studio files against their inline originals in unseen2/.
 */
class SamePracticesTest {
    private static final Path RES = Path.of("src/test/resources");

    static ExtractedPolicy read(PolicySource src) {
        PolicyReader.Outcome o = new PolicyReader().read(src);
        assertTrue(o.ok(), () -> src + ": " + o.diagnostics().all());
        assertTrue(o.diagnostics().all().isEmpty(), () -> src + ": " + o.diagnostics().all());
        return o.policy().orElseThrow();
    }

    static void assertSame(ExtractedPolicy inline, ExtractedPolicy standoff) {
        assertFalse(inline.practices().isEmpty());
        assertEquals(inline.practices(), standoff.practices());
        assertEquals(inline.hierarchy(), standoff.hierarchy());
        assertEquals(inline.sensitive(), standoff.sensitive());
        assertEquals(inline.owner(), standoff.owner());
        assertEquals(inline.document().clauses().size(), standoff.document().clauses().size());
        for (int i = 0; i < inline.document().clauses().size(); i++) {
            var a = inline.document().clauses().get(i);
            var b = standoff.document().clauses().get(i);
            assertEquals(a.text(), b.text());
            assertEquals(a.annotated(), b.annotated(), "the clause as written, marks included");
            assertEquals(a.marks().stream().map(m -> m.kind() + m.label()).toList(), b.marks().stream().map(m -> m.kind() + m.label()).toList());
        }
    }

    @Test
    void bratGivesTheInlineOriginalsPractices() {
        Path txt = RES.resolve("standoff/shuncheng-brat/shuncheng.txt");
        ExtractedPolicy standoff = read(PolicySource.standoff(Format.BRAT, txt, txt.resolveSibling("shuncheng.ann"), null, false));
        ExtractedPolicy inline = read(PolicySource.of(RES.resolve("unseen2/shuncheng.txt"), null));
        assertEquals("shuncheng", standoff.id());
        assertSame(inline, standoff);
    }

    @Test
    void labelStudioGivesTheInlineOriginalsPractices() throws Exception {
        byte[] export = java.nio.file.Files.readAllBytes(RES.resolve("standoff/xingbao-labelstudio.json"));
        ExtractedPolicy standoff = read(PolicySource.record(Format.LABELSTUDIO, "xingbao", "xingbao-labelstudio.json", export, 1));
        ExtractedPolicy inline = read(PolicySource.of(RES.resolve("unseen2/xingbao.txt"), null));
        assertSame(inline, standoff);
    }
}
