package org.privkg.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.annotation.Labels;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

class CorpusGeneratorTest {
    private static List<CorpusGenerator.Template> templates() throws IOException {
        return CorpusGenerator.templatesFrom(Fixtures.POLICIES);
    }

    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new CorpusGenerator(templates(), 7).write(a, 12);
        new CorpusGenerator(templates(), 7).write(b, 12);
        List<Path> files = list(a);
        assertEquals(12, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())), f.toString());
        }
    }

    @Test
    void policyDoesNotDependOnCountOrOrder() throws IOException {
        CorpusGenerator g = new CorpusGenerator(templates(), 42);
        String fifth = g.policy(5);
        for (int i = 0; i < 5; i++) g.policy(i);
        assertEquals(fifth, new CorpusGenerator(templates(), 42).policy(5));
    }

    @Test
    void otherSeedOtherText() throws IOException {
        assertNotEquals(new CorpusGenerator(templates(), 1).policy(0), new CorpusGenerator(templates(), 2).policy(0));
        CorpusGenerator g = new CorpusGenerator(templates(), 1);
        assertNotEquals(g.policy(0), g.policy(3), "same template, different variation");
    }

    @Test
    void generatedPoliciesAreValidAndOwnersVary() throws IOException {
        CorpusGenerator g = new CorpusGenerator(templates(), 42);
        PolicyReader reader = new PolicyReader();
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String name = CorpusGenerator.fileName(i, 30);
            PolicyReader.Outcome o = reader.read(new PolicySource(name.replace(".txt", ""), name,
                    g.policy(i).getBytes(StandardCharsets.UTF_8)));
            assertTrue(o.ok(), name + ": " + o.diagnostics().all());
            assertTrue(o.diagnostics().all().isEmpty(), name + ": " + o.diagnostics().all());
            owners.add(o.policy().get().owner());
        }
        assertTrue(owners.size() >= 25, "owner names vary: " + owners);
    }

    @Test
    void distinctDataItemsGrowWithN() throws IOException {
        CorpusGenerator g = new CorpusGenerator(templates(), 42);
        int small = distinctDataItems(g, 30);
        int large = distinctDataItems(g, 300);
        assertTrue(large > small * 2, "distinct data items: " + small + " at N=30, " + large + " at N=300");
        int base = distinctDataItems(new CorpusGenerator(templates(), 42), 3);
        assertTrue(small > base, "more than the templates' own items: " + base + " vs " + small);
    }

    @Test
    void fileNamesSortInCorpusOrder() {
        assertEquals("policy-00001.txt", CorpusGenerator.fileName(0, 10));
        assertEquals("policy-000100.txt", CorpusGenerator.fileName(99, 100000));
        assertFalse(CorpusGenerator.fileName(9, 10).compareTo(CorpusGenerator.fileName(10, 11)) > 0);
    }

    private static int distinctDataItems(CorpusGenerator g, int n) {
        PolicyReader reader = new PolicyReader();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            PolicyReader.Outcome o = reader.read(new PolicySource("p" + i, "p" + i,
                    g.policy(i).getBytes(StandardCharsets.UTF_8)));
            ExtractedPolicy p = o.policy().orElseThrow();
            for (DataPractice dp : p.practices()) for (String d : dp.data()) keys.add(Labels.key(d));
        }
        return keys.size();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
