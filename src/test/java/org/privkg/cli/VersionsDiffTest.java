package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.store.PolicyStore;

/**
 * Two versions of a small shop policy (src/test/resources/versions/) differ in exactly two practices:
 * the browsing history is collected for another purpose, and a bank card number is collected besides
 * (a line inserted, so the lines after it move). {@code diff} shows those two and nothing else.
 */
class VersionsDiffTest {
    static final String V1 = "src/test/resources/versions/shop-v1.txt";
    static final String V2 = "src/test/resources/versions/shop-v2.txt";

    @TempDir
    Path tmp;

    @Test
    void twoFilesDifferInExactlyThePracticesChanged() {
        CliRunner r = CliRunner.run("diff", V1, V2);
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("+ Collect 示例商城: 银行卡号  (line 6)", "~ Collect 示例商城: 浏览记录  (line 6 → 7)"), practiceLines(r.out()));
        assertTrue(r.out().contains("    purposes: 推荐商品 → 改进服务\n"), r.out());
        assertTrue(r.out().endsWith("1 added, 0 removed, 1 changed\n"), r.out());
    }

    @Test
    void theJsonNamesTheChangedFieldAndNothingElse() throws IOException {
        CliRunner r = CliRunner.run("diff", V1, V2, "--format", "json");
        assertEquals(1, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("added").size());
        assertEquals("银行卡号", json.get("added").get(0).get("data").get(0).asText());
        assertEquals(0, json.get("removed").size());
        assertEquals(1, json.get("changed").size());
        JsonNode changed = json.get("changed").get(0);
        assertEquals(List.of("purposes"), fieldNames(changed.get("fields")));
        assertEquals("推荐商品", changed.get("fields").get("purposes").get("from").get(0).asText());
        assertEquals("改进服务", changed.get("fields").get("purposes").get("to").get(0).asText());
    }

    @Test
    void aPolicyComparedWithItselfDiffersInNothing() {
        CliRunner r = CliRunner.run("diff", V1, V1);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), practiceLines(r.out()));
        assertTrue(r.out().endsWith("no practice differs\n"), r.out());
    }

    @Test
    void loadingAChangedPolicyKeepsTheVersionBeforeAndQueriesSeeOnlyTheCurrent() throws IOException {
        String db = loadBothVersions();
        CliRunner versions = CliRunner.run("versions", "--db", db, "shop");
        assertEquals(0, versions.exit(), versions.err());
        List<String> rows = versions.out().lines().skip(1).toList();
        assertEquals(2, rows.size(), versions.out());
        assertTrue(rows.get(0).startsWith("1 ") && !rows.get(0).endsWith("current"), rows.get(0));
        assertTrue(rows.get(1).startsWith("2 ") && rows.get(1).endsWith("current"), rows.get(1));

        CliRunner diff = CliRunner.run("diff", "--db", db, "shop");
        assertEquals(1, diff.exit(), diff.err());
        assertEquals(List.of("+ Collect 示例商城: 银行卡号  (line 6)", "~ Collect 示例商城: 浏览记录  (line 6 → 7)"), practiceLines(diff.out()));
        assertTrue(diff.out().startsWith("--- shop version 1, loaded "), diff.out());

        assertEquals(0, purposesLabelled(db, "推荐商品"), "the old version's purpose is in no query's default graph");
        assertEquals(1, purposesLabelled(db, "改进服务"));
    }

    @Test
    void reloadingTheSameInputMakesNoVersion() throws IOException {
        String db = loadBothVersions();
        load(db, V2);
        CliRunner versions = CliRunner.run("versions", "--db", db, "shop");
        assertEquals(3, versions.out().lines().count(), versions.out());
        assertEquals(0, CliRunner.run("diff", "--db", db, "shop", "--from", "2", "--to", "2").exit());
    }

    @Test
    void deletingAPolicyKeepsItsHistory() throws IOException {
        String db = loadBothVersions();
        try (PolicyStore store = PolicyStore.openExisting(Path.of(db), null)) {
            assertTrue(store.delete("shop"));
        }
        CliRunner versions = CliRunner.run("versions", "--db", db, "shop");
        assertEquals(0, versions.exit(), versions.err());
        assertEquals(2, versions.out().lines().filter(l -> l.matches("^\\d+ .*")).count(), versions.out());
        assertTrue(versions.out().lines().noneMatch(l -> l.endsWith(" current")), versions.out());
        assertTrue(versions.out().contains("policy 'shop' was deleted"), versions.out());
        assertEquals(0, purposesLabelled(db, "改进服务"));
        CliRunner diff = CliRunner.run("diff", "--db", db, "shop");
        assertEquals(1, diff.exit(), diff.err());
        assertEquals(2, practiceLines(diff.out()).size(), diff.out());
    }

    @Test
    void badUsageExitsTwoSayingWhatToDo() throws IOException {
        String db = loadBothVersions();
        CliRunner unknown = CliRunner.run("versions", "--db", db, "shopp");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no policy 'shopp'") && unknown.err().contains("stored: shop"), unknown.err());
        CliRunner range = CliRunner.run("diff", "--db", db, "shop", "--to", "3");
        assertEquals(2, range.exit());
        assertTrue(range.err().contains("has versions 1 to 2, not 3"), range.err());
        assertEquals(2, CliRunner.run("diff", V1, V2, "--from", "1").exit());
        assertEquals(2, CliRunner.run("diff", V1, V2, "--format", "xml").exit());

        Path bad = Files.writeString(tmp.resolve("bad.txt"), "我们会[收集<手机号>。\n");
        CliRunner broken = CliRunner.run("diff", V1, bad.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("bad.txt:1:"), broken.err());
        assertFalse(broken.err().contains("Exception"), broken.err());
    }

    /** The example in README.md ("Versions and diff") is what the command prints. */
    @Test
    void theReadmeExampleIsTheOutput() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        String prefix = "$ bin/privkg diff ";
        int start = readme.indexOf(readme.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow());
        List<String> shown = new ArrayList<>();
        for (int i = start + 1; !readme.get(i).startsWith("```"); i++) shown.add(readme.get(i));
        CliRunner r = CliRunner.run(readme.get(start).substring(prefix.length() - "diff ".length()).trim().split("\\s+"));
        assertEquals(1, r.exit(), r.err());
        assertEquals(shown, r.out().lines().toList());
    }

    private String loadBothVersions() throws IOException {
        String db = tmp.resolve("db").toString();
        load(db, V1);
        load(db, V2);
        return db;
    }

    /** Loads a version as shop.txt, so that both are versions of the policy 'shop'. */
    private void load(String db, String version) throws IOException {
        Path shop = tmp.resolve("shop.txt");
        Files.copy(Path.of(version), shop, StandardCopyOption.REPLACE_EXISTING);
        CliRunner r = CliRunner.run("load", "--db", db, shop.toString());
        assertEquals(0, r.exit(), r.err());
    }

    private int purposesLabelled(String db, String label) throws IOException {
        Path q = Files.writeString(tmp.resolve("purpose.rq"), "PREFIX pk: <https://w3id.org/privkg/ontology#>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?purpose WHERE { ?purpose a pk:Purpose ; rdfs:label \"" + label + "\"@zh }\n");
        return CliRunner.queryCsv(db, q.toString()).size();
    }

    private static List<String> practiceLines(String out) {
        return out.lines().filter(l -> l.matches("^[-+~] .*") && !l.startsWith("--- ") && !l.startsWith("+++ ")).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
