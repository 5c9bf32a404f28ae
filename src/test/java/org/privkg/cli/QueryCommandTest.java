package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** 'privkg query' and the slips of the command line around it: each mistake is named, with exit 2. */
class QueryCommandTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void loadTwoPolicies() {
        db = tmp.resolve("db").toString();
        CliRunner r = CliRunner.run("load", "--db", db, Fixtures.policy("gome").toString(), Fixtures.policy("game").toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void noCommandIsAUsageMistake() {
        CliRunner r = CliRunner.run();
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Usage: privkg"), r.err());
        assertEquals(0, CliRunner.run("--help").exit(), "asking for help is no mistake");
    }

    @Test
    void helpListsGenerate() {
        assertTrue(CliRunner.run("--help").out().contains("generate"));
    }

    /** Each command's line in --help is a whole sentence, not one cut short with an ellipsis. */
    @Test
    void helpDescribesEveryCommandInFull() {
        String help = CliRunner.run("--help").out();
        assertFalse(help.contains("…"), help);
    }

    @Test
    void mistypedNamesGetSuggestions() {
        CliRunner command = CliRunner.run("quer");
        assertEquals(2, command.exit());
        assertTrue(command.err().contains("Did you mean: privkg query"), command.err());
        CliRunner option = CliRunner.run("query", "--db", db, "policies", "--formt", "csv");
        assertEquals(2, option.exit());
        assertTrue(option.err().contains("--format"), option.err());
        CliRunner query = CliRunner.run("query", "--db", db, "consent-requird");
        assertEquals(2, query.exit());
        assertTrue(query.err().contains("no bundled query 'consent-requird'; did you mean consent-required?"), query.err());
    }

    @Test
    void anUnknownPolicyIdIsAnErrorNamingTheNearestOnes() {
        CliRunner r = CliRunner.run("query", "--db", db, "consent-required", "--param", "policy=gom");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no policy 'gom' in " + db + "; did you mean gome or game?"), r.err());
        CliRunner export = CliRunner.run("export", "--db", db, "--format", "ttl", "--policy", "gaem");
        assertEquals(2, export.exit());
        assertTrue(export.err().contains("did you mean game?"), export.err());
        assertEquals(0, CliRunner.run("query", "--db", db, "consent-required", "--param", "policy=").exit(), "\"\" means every policy");
    }

    @Test
    void aParameterGivenTwiceIsAnError() {
        CliRunner r = CliRunner.run("query", "--db", db, "consent-required", "--param", "policy=gome", "--param", "policy=game");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--param policy is given twice"), r.err());
    }

    @Test
    void aFormatMustFitTheKindOfQuery() {
        CliRunner construct = CliRunner.run("query", "--db", db, "-e", "CONSTRUCT { ?p a pk:Policy } WHERE { ?p a pk:Policy }", "--format", "csv");
        assertEquals(2, construct.exit());
        assertEquals("", construct.out(), "no Turtle printed under a csv request");
        assertTrue(construct.err().contains("use one of ttl, nt, jsonld"), construct.err());
        CliRunner select = CliRunner.run("query", "--db", db, "policies", "--format", "ttl");
        assertEquals(2, select.exit());
        assertTrue(select.err().contains("use one of table, csv, tsv, json"), select.err());
        CliRunner nt = CliRunner.run("query", "--db", db, "-e", "CONSTRUCT { ?p a pk:Policy } WHERE { ?p a pk:Policy }", "--format", "nt");
        assertEquals(0, nt.exit(), nt.err());
        assertTrue(nt.out().contains("<https://w3id.org/privkg/id/policy/game> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/privkg/ontology#Policy> ."), nt.out());
    }

    @Test
    void exportListsEveryFormatItTakes() {
        CliRunner r = CliRunner.run("export", "--db", db, "--format", "xml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("use one of ttl, trig, nq, jsonld, csv, json"), r.err());
    }

    @Test
    void aUsersQueryTakesAnyVariableAsAParameter() throws Exception {
        Path file = tmp.resolve("ids.rq");
        Files.writeString(file, "SELECT ?id WHERE { ?policy pk:policyId ?id }\n"); // pk: is declared already
        CliRunner iri = CliRunner.run("query", "--db", db, file.toString(), "--format", "csv", "--param", "policy=<https://w3id.org/privkg/id/policy/game>");
        assertEquals(0, iri.exit(), iri.err());
        assertEquals("id\r\ngame\r\n", iri.out());
        CliRunner literal = CliRunner.run("query", "--db", db, "-e", "SELECT ?policy WHERE { ?policy pk:policyId ?id }", "--format", "csv", "--param", "id=gome");
        assertEquals("policy\r\nhttps://w3id.org/privkg/id/policy/gome\r\n", literal.out(), literal.err());
        CliRunner typo = CliRunner.run("query", "--db", db, file.toString(), "--param", "idd=game");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("has no variable 'idd'; it takes id, policy"), typo.err());
    }

    @Test
    void aQueryCanComeFromStandardInput() {
        CliRunner r = CliRunner.withStdin("SELECT (COUNT(*) AS ?n) WHERE { ?p a pk:Policy }", "query", "--db", db, "-", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertEquals("n\r\n2\r\n", r.out());
        CliRunner both = CliRunner.run("query", "--db", db, "policies", "-e", "ASK {}");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("give one query"), both.err());
    }

    @Test
    void askAnswersInTheRowFormats() {
        CliRunner r = CliRunner.run("query", "--db", db, "-e", "ASK { ?p pk:policyId \"game\" }");
        assertEquals(0, r.exit(), r.err());
        assertEquals("true", r.out().strip());
        assertFalse(CliRunner.run("query", "--db", db, "-e", "ASK {}", "--format", "json").out().isBlank());
    }
}
