package org.privkg.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library example in docs/architecture.md is the code {@link LibraryExampleTest} compiles and runs. */
class ArchitectureDocTest {
    @Test
    void theDocShowsTheTestedExample() throws Exception {
        String test = Files.readString(Path.of("src/test/java/org/privkg/example/LibraryExampleTest.java"));
        int from = test.indexOf("// tag::example[]\n") + "// tag::example[]\n".length();
        int to = test.indexOf("// end::example[]");
        String example = test.substring(from, to).stripTrailing().lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        String doc = Files.readString(Path.of("docs/architecture.md"));
        assertTrue(doc.contains("```java\n" + example + "\n```"), "docs/architecture.md must show, as is:\n" + example);
    }
}
