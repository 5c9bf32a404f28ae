package org.privkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyIdTest {

    @Test
    void theReasonSaysWhatIsWrong() {
        assertEquals(Optional.of("it starts with '.', not a letter or digit"), PolicyId.problem("."));
        assertEquals(Optional.of("it starts with '.', not a letter or digit"), PolicyId.problem(".."));
        assertEquals(Optional.of("it contains '/' at character 2"), PolicyId.problem("a/b"));
        assertEquals(Optional.of("it contains '%' at character 2"), PolicyId.problem("a%2Fb"));
        assertEquals(Optional.of("it is empty"), PolicyId.problem(""));
        assertEquals(Optional.of("it is empty"), PolicyId.problem(null));
        assertEquals(Optional.of("it is 129 characters long, more than 128"), PolicyId.problem("a".repeat(129)));
        assertEquals(Optional.of("it contains the invisible character U+0007 at character 2"), PolicyId.problem("a\u0007b"));
        assertEquals(Optional.of("it contains a space at character 3"), PolicyId.problem("美团 外卖"));
        assertEquals(Optional.of("it contains '\\' at character 2"), PolicyId.problem("a\\b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"美团-2024_v1.2", "gome", "policy-00001", "a", "7天", "a.", "ｗｅｃｈａｔ"})
    void lettersOfAnyScriptDigitsAndDashUnderscoreDotAreAccepted(String id) {
        assertEquals(Optional.empty(), PolicyId.problem(id));
        assertEquals(id, PolicyId.requireValid(id));
    }

    @Test
    void exactly128CharactersIsStillAnId() {
        assertTrue(PolicyId.isValid("美".repeat(128)));
        assertFalse(PolicyId.isValid("美".repeat(129)));
    }

    @Test
    void theMessageNamesTheIdAndTheRule() {
        assertEquals(Optional.of("'..' is not a valid policy id: it starts with '.', not a letter or digit (a policy id is "
                + "1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit)"), PolicyId.message(".."));
        assertEquals(Optional.empty(), PolicyId.message("美团"));
    }

    @Test
    void aControlCharacterIsShownNotPrinted() {
        String message = PolicyId.message("a\u001b[2Jb").orElseThrow();
        assertTrue(message.startsWith("'a\\u001B[2Jb' is not a valid policy id"), message);
        assertFalse(message.contains("\u001b"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "a%2Fb", "", "a b", "a\nb"})
    void theLibraryRefusesABadIdItIsGiven(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicySource(id, "x.txt", new byte[0]));
        assertTrue(e.getMessage().contains("is not a valid policy id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicySource.of(Path.of("gome.txt"), id));
        assertThrows(IllegalArgumentException.class, () -> PolicySource.stdin(new ByteArrayInputStream(new byte[0]), id));
    }

    @Test
    void aFileWhoseNameGivesABadIdIsRejectedByTheReaderNamingTheFile() {
        PolicySource hidden = PolicySource.of(Path.of("some", "dir", ".hidden.txt"), null);
        assertTrue(hidden.refusal().isPresent());
        PolicyReader.Outcome outcome = new PolicyReader().read(hidden);
        assertFalse(outcome.ok());
        assertEquals(Path.of("some", "dir", ".hidden.txt") + ": error: the file name gives the policy id '.hidden', which is "
                        + "not valid: it starts with '.', not a letter or digit; rename the file (a policy id is 1 to 128 "
                        + "letters, digits, '-', '_' or '.', starting with a letter or digit)",
                outcome.diagnostics().all().get(0).toString());
    }

    @Test
    void anExplicitIdSavesAFileWithABadName() {
        PolicySource s = PolicySource.of(Path.of("..txt"), "dotdot");
        assertEquals("dotdot", s.id());
        assertEquals(Optional.empty(), s.refusal());
    }

    @Test
    void onlyTheFileNameIsRecordedUnlessThePathIsAskedFor() {
        Path file = Path.of("home", "alice", "policies", "gome.txt");
        assertEquals("gome.txt", PolicySource.of(file, null).recordedSource());
        assertEquals(file.toString(), PolicySource.of(file, null).name(), "diagnostics keep the path");
        assertEquals(file.toString(), PolicySource.of(file, null, true).recordedSource());
    }
}
