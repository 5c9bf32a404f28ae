package org.privkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.PolicyDocument;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.vocab.Lexicon;

/** What a clause of very many marks gives: a warning and the first marks read, not their product. */
class ExtractionBoundsTest {
    private final Diagnostics diagnostics = new Diagnostics("t.txt");

    private ExtractedPolicy extract(String text) {
        PolicyDocument doc = new AnnotationParser(false).parse("t", "t.txt", text, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.all()::toString);
        return new Extractor(Lexicon.bundled()).extract(doc, null, diagnostics);
    }

    /** '我们[动作1]、[动作2]…您的<信息1>、<信息2>…': every action takes every data item of the clause. */
    private static String actionsThenData(int n) {
        StringBuilder s = new StringBuilder("我们");
        for (int i = 1; i <= n; i++) s.append(i > 1 ? "、" : "").append("[收集").append(i).append(']');
        s.append("您的");
        for (int i = 1; i <= n; i++) s.append(i > 1 ? "、" : "").append("<信息").append(i).append('>');
        return s.toString();
    }

    @Test
    void aClauseWithinTheBoundsIsReadWholeWithoutWarning() {
        ExtractedPolicy p = extract(actionsThenData(8) + "。");
        assertEquals(8, p.practices().size());
        assertTrue(p.practices().stream().allMatch(dp -> dp.data().size() == 8));
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all()::toString);
    }

    @Test
    void aClauseOfTooManyMarksIsReadUpToTheBoundsWithAWarning() {
        ExtractedPolicy p = extract("第一行。\n" + actionsThenData(100) + "。");
        // the first 64 data items, and as many of the first actions as keep the links within 256
        assertEquals(List.of("信息1", "信息64"), List.of(p.practices().get(0).data().get(0), p.practices().get(0).data().get(63)));
        assertEquals(256 / 64, p.practices().size());
        assertEquals("收集", p.practices().get(0).actionText());
        List<Diagnostic> ds = diagnostics.all();
        assertEquals(1, ds.size(), ds::toString);
        // the warning points at the first mark not read: the 65th action, on line 2
        assertEquals(2, ds.get(0).line());
        assertEquals(actionsThenData(100).indexOf("[收集65]") + 1, ds.get(0).column());
        assertTrue(ds.get(0).toString().startsWith("t.txt:2:"), ds.get(0)::toString);
        assertTrue(ds.get(0).message().contains("at most 64 of each kind"), ds.get(0)::toString);
    }

    @Test
    void theQuadsOfALineOfManyMarksGrowLinearlyWithTheMarks() {
        long atN = quads(actionsThenData(200));
        long at2N = quads(actionsThenData(400));
        // without the bounds every action took every item: four times the quads at twice the marks
        assertTrue(at2N <= 2 * atN + 10, () -> atN + " quads at n, " + at2N + " at 2n");
    }

    @Test
    void aClauseOfPurposesOnlyServesAsManyPracticesBeforeItAsTheLinksAllow() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 300; i++) s.append("我们[收集]<信息").append(i).append(">；");
        s.append("用于{目的甲}、{目的乙}。");
        List<DataPractice> ps = extract(s.toString()).practices();
        assertEquals(300, ps.size());
        long served = ps.stream().filter(p -> p.purposes().size() == 2).count();
        assertEquals(256 / 2, served);
        assertTrue(ps.get(299).purposes().contains("目的甲") && ps.get(0).purposes().isEmpty());
        assertEquals(1, diagnostics.all().size(), diagnostics.all()::toString);
    }

    private long quads(String text) {
        return new PolicyGraphWriter(new Iris(null)).quads(extract(text)).size();
    }
}
