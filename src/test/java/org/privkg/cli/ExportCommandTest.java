package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.export.PracticeTable;
import org.privkg.fixture.Fixtures;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/**
 * Exports: byte-identical for the same data however it was loaded, parseable by Jena into graphs isomorphic
 * to the stored ones, JSON-LD with the published context, and the practices table for pandas and R.
 */
class ExportCommandTest {
    static final List<String> FORMATS = List.of("ttl", "trig", "nq", "jsonld");
    static final List<String> FILES = List.of(Fixtures.policy("finance").toString(), Fixtures.policy("game").toString(), Fixtures.policy("health").toString(),
            "src/test/resources/unseen/ecommerce-travel.txt", "src/test/resources/unseen/education.txt");

    @TempDir
    static Path tmp;
    static String db1;
    static String db2;

    @BeforeAll
    static void load() {
        db1 = tmp.resolve("one-go").toString();
        List<String> all = new ArrayList<>(List.of("load", "--db", db1));
        all.addAll(FILES);
        assertEquals(0, CliRunner.run(all.toArray(String[]::new)).exit());
        // the other store: one file at a time, in reverse order, one of them loaded twice
        db2 = tmp.resolve("one-by-one").toString();
        List<String> reversed = new ArrayList<>(FILES);
        java.util.Collections.reverse(reversed);
        for (String f : reversed) assertEquals(0, CliRunner.run("load", "--db", db2, f).exit());
        assertEquals(0, CliRunner.run("load", "--db", db2, Fixtures.policy("game").toString()).exit());
    }

    static byte[] export(String db, String... extra) {
        List<String> args = new ArrayList<>(List.of("export", "--db", db));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.outBytes();
    }

    @Test
    void sameDataGivesByteIdenticalFiles() {
        for (String f : List.of("ttl", "trig", "nq", "jsonld", "csv", "json")) {
            assertArrayEquals(export(db1, "--format", f), export(db2, "--format", f), f);
        }
        for (String f : FORMATS) {
            assertArrayEquals(export(db1, "--format", f, "--with-ontology"), export(db2, "--format", f, "--with-ontology"),
                    f + " with the ontology (blank nodes)");
        }
        assertArrayEquals(export(db1, "--format", "trig", "--policy", "game"), export(db2, "--format", "trig", "--policy", "game"));
    }

    static Lang lang(String format) {
        return switch (format) {
            case "ttl" -> Lang.TURTLE;
            case "trig" -> Lang.TRIG;
            case "nq" -> Lang.NQUADS;
            default -> Lang.JSONLD;
        };
    }

    @Test
    void roundTripThroughJenaGivesIsomorphicGraphs() {
        Node ontology = NodeFactory.createURI(PK.ONTOLOGY_GRAPH);
        for (boolean withOntology : List.of(false, true)) {
            for (String f : FORMATS) {
                byte[] bytes = withOntology ? export(db1, "--format", f, "--with-ontology") : export(db1, "--format", f);
                DatasetGraph parsed = DatasetGraphFactory.createGeneral();
                RDFParser.source(new java.io.ByteArrayInputStream(bytes)).lang(lang(f)).parse(parsed);
                try (PolicyStore store = PolicyStore.openExisting(Path.of(db1), null)) {
                    Txn.executeRead(store.dataset(), () -> {
                        Graph union = GraphFactory.createDefaultGraph();
                        for (String id : store.policyIds()) {
                            Graph stored = store.dataset().getGraph(store.policyGraph(id));
                            stored.find().forEachRemaining(union::add);
                            if (!f.equals("ttl")) {
                                assertTrue(parsed.getGraph(store.policyGraph(id)).isIsomorphicWith(stored), f + " " + id);
                            }
                        }
                        if (withOntology) {
                            Graph ont = store.dataset().getGraph(ontology);
                            if (f.equals("ttl")) ont.find().forEachRemaining(union::add);
                            else assertTrue(parsed.getGraph(ontology).isIsomorphicWith(ont), f + " ontology");
                        } else {
                            assertFalse(parsed.containsGraph(ontology), f + ": the ontology only on request");
                        }
                        if (f.equals("ttl")) assertTrue(parsed.getDefaultGraph().isIsomorphicWith(union), "ttl union");
                        else assertEquals(withOntology ? 6 : 5, count(parsed.listGraphNodes()), f + " graphs");
                    });
                }
            }
        }
    }

    static int count(java.util.Iterator<?> it) {
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    @Test
    void turtleAndTrigUseTheProjectsPrefixes() {
        for (String f : List.of("ttl", "trig")) {
            String text = new String(export(db1, "--format", f), java.nio.charset.StandardCharsets.UTF_8);
            for (String p : List.of("pk:", "dpv:", "pd:", "skos:", "policy:", "data:", "party:")) {
                assertTrue(text.lines().anyMatch(l -> l.startsWith("PREFIX " + p)), f + " declares " + p);
            }
            assertTrue(text.contains("pd:TelephoneNumber"), f);
            assertTrue(text.contains("data:手机号码"), f);
        }
    }

    @Test
    void jsonLdCarriesThePublishedContext() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(export(db1, "--format", "jsonld"));
        JsonNode published;
        try (InputStream in = Files.newInputStream(Path.of("ontology/context.jsonld"))) {
            published = json.readTree(in);
        }
        assertEquals(published.get("@context"), doc.get("@context"));
        assertEquals("@context", doc.fieldNames().next(), "@context comes first");
        JsonNode finance = null;
        for (JsonNode g : doc.get("@graph")) if (g.get("@id").asText().equals("policy:finance")) finance = g;
        JsonNode phone = null;
        JsonNode practice = null;
        for (JsonNode n : finance.get("@graph")) {
            if (n.get("@id").asText().equals("item:手机号码")) phone = n;
            if (n.get("@id").asText().equals("policy:finance/practice/1")) practice = n;
        }
        assertEquals("手机号码", phone.get("label").get("zh").asText());
        assertEquals("pd:TelephoneNumber", phone.get("dpvConcept").get(0).asText());
        assertEquals("DataPractice", practice.get("@type").asText());
        assertTrue(practice.get("negated").isBoolean());
        assertTrue(practice.get("data").isArray());
    }

    @Test
    void practicesTableOneRowPerPracticeDataAndPurpose() throws IOException {
        String csv = new String(export(db1, "--format", "csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n"), "RFC 4180 line ends");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        JsonNode rows = new ObjectMapper().readTree(export(db1, "--format", "json"));
        assertEquals(records.size(), rows.size());
        assertEquals(PracticeTable.columnNames(),
                CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().get(0).toList());

        int expected = 0;
        for (String f : FILES) {
            var p = new org.privkg.pipeline.PolicyReader().read(org.privkg.pipeline.PolicySource.of(Path.of(f), null)).policy().orElseThrow();
            for (var dp : p.practices()) expected += Math.max(1, dp.data().size()) * Math.max(1, dp.purposes().size());
        }
        assertEquals(expected, rows.size(), "practice x data x purpose");

        JsonNode abroad = null;
        for (JsonNode r : rows) if (r.get("crossBorder").asBoolean() && !r.get("negated").asBoolean()) abroad = r;
        assertEquals("game", abroad.get("policy").asText());
        assertEquals("Transfer", abroad.get("action").asText());
        assertTrue(abroad.get("requiresSeparateConsent").asBoolean());
        assertTrue(abroad.get("recipients").toString().contains("云岚互动"), abroad.toString());
        assertTrue(abroad.get("practice").isInt());

        CSVRecord first = records.get(0);
        assertEquals(rows.get(0).get("policy").asText(), first.get("policy"));
        assertEquals(rows.get(0).get("evidence").asText(), first.get("evidence"));

        byte[] one = export(db1, "--format", "json", "--policy", "health");
        for (JsonNode r : new ObjectMapper().readTree(one)) assertEquals("health", r.get("policy").asText());
    }

    @Test
    void badCombinationsAreUsageErrors() {
        assertEquals(2, CliRunner.run("export", "--db", db1, "--format", "csv", "--with-ontology").exit());
        assertEquals(2, CliRunner.run("export", "--db", db1, "--format", "xml").exit());
    }

    @Test
    void writesItsOutputFileBesideItAndMovesItOver() throws IOException {
        // (CommandOutputTest: a run that stops with an error leaves the old file)
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path file = dir.resolve("graphs.nq");
        Files.writeString(file, "old");
        assertEquals(0, CliRunner.run("export", "--db", db1, "--format", "nq", "-o", file.toString()).exit());
        assertArrayEquals(export(db1, "--format", "nq"), Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no partial file left");
        }

        CliRunner nowhere = CliRunner.run("export", "--db", db1, "--format", "nq", "-o", dir.resolve("no/such/out.nq").toString());
        assertEquals(1, nowhere.exit());
        assertTrue(nowhere.err().contains("does not exist; create it or choose another --output"), nowhere.err());
    }

    @Test
    void independentParserAcceptsTurtleTrigAndNQuads() throws Exception {
        Assumptions.assumeTrue(onPath("rapper"), "raptor2-utils (rapper) not installed");
        for (String f : List.of("ttl", "trig", "nq")) {
            Path file = tmp.resolve("export." + f);
            Files.write(file, export(db1, "--format", f, "--with-ontology"));
            String syntax = switch (f) {
                case "ttl" -> "turtle";
                case "trig" -> "trig";
                default -> "nquads";
            };
            Process p = new ProcessBuilder("rapper", "-q", "-i", syntax, "-c", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), f + ": " + out);
        }
    }

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) return true;
        }
        return false;
    }
}
