package org.privkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Labels;
import org.privkg.annotation.Mark;
import org.privkg.annotation.MarkKind;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

/** What must hold for any policy, checked on every annotated policy the project has. */
class PolicyInvariantsTest {
    static Stream<Path> policies() throws IOException {
        return Stream.of(Fixtures.POLICIES, Path.of("src", "test", "resources", "unseen"), Path.of("src", "test", "resources", "unseen2"))
                .flatMap(PolicyInvariantsTest::list)
                .filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void everyMarkEndsUpInAPracticeThatPointsToItsClause(Path file) throws IOException {
        ExtractedPolicy p = new PolicyReader().read(PolicySource.of(file, null)).policy().orElseThrow();
        Words words = new Words(org.privkg.vocab.Lexicon.bundled());
        ListSplitter lists = new ListSplitter(org.privkg.vocab.Lexicon.bundled().lists());
        int verbs = 0;
        Set<String> dataKeys = new HashSet<>();
        for (Clause c : p.document().clauses()) {
            for (Mark m : c.marks()) {
                if (m.kind() == MarkKind.ACTION) verbs += words.splitVerbs(m.label()).size();
                if (m.kind() == MarkKind.DATA) lists.split(m.label()).members().forEach(d -> dataKeys.add(Labels.key(d)));
            }
        }
        assertEquals(verbs, p.practices().stream().filter(x -> !x.inferred()).count(), "one practice per marked verb");
        Set<String> handled = new HashSet<>();
        for (DataPractice x : p.practices()) {
            x.data().forEach(d -> handled.add(Labels.key(d)));
            Clause evidence = p.document().clauses().get(x.clause());
            for (String d : x.data()) {
                // a mark that holds a list names each of its members (<头像、昵称、密码>)
                assertTrue(evidence.marks().stream().filter(m -> m.kind() == MarkKind.DATA)
                                .anyMatch(m -> lists.split(m.label()).members().stream().anyMatch(i -> Labels.key(i).equals(Labels.key(d)))),
                        d + " is marked in the clause the practice points to");
            }
        }
        assertEquals(dataKeys, handled, "every data item is in some practice");
    }
}
