package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.store.PolicyStore;

/**
 * {@code privkg load --meta policies.csv}: what a corpus knows of each policy, stored beside it, kept when the
 * policy is loaded again, gone when it is deleted, and counted by sector.
 */
class MetadataLoadTest {
    @TempDir
    Path tmp;
    String db;
    Path policies;

    /** Two shops and a bank; a fourth policy has no metadata. */
    @BeforeEach
    void load() throws IOException {
        policies = Files.createDirectories(tmp.resolve("policies"));
        write("shop-a", "为{完成注册}，我们会[收集]您的<手机号码>。\n为{完成支付}，我们会[收集]您的<银行卡号>。");
        write("shop-b", "为{完成注册}，我们会[收集]您的<手机号码>。");
        write("bank", "为{开立账户}，我们会[收集]您的<身份证号码>和<手机号码>。");
        write("plain", "为{完成注册}，我们会[收集]您的<昵称>。");
        db = tmp.resolve("db").toString();
        CliRunner r = CliRunner.run("load", "--db", db, "--no-validate", policies.toString());
        assertEquals(0, r.exit(), r.err());
    }

    private void write(String id, String body) throws IOException {
        Files.writeString(policies.resolve(id + ".txt"), "示例隐私政策\n" + body + "\n", StandardCharsets.UTF_8);
    }

    /** A spreadsheet's CSV: a byte order mark, quoted cells holding a comma, a quote and a line break, Chinese headers. */
    private Path metadataCsv() throws IOException {
        return csv("meta.csv", "\uFEFFid,app name,行业,version_date,url,downloads\n"
                + "shop-a,\"甲商城, 旗舰版\",电商,2021-03-05,https://example.com/shop-a/隐私政策,\"1,000万\"\n"
                + "shop-b,\"乙商城\n(\"\"国际版\"\")\",电商,2022/7/1,,\n"
                + "bank,丙银行,金融,2020年12月31日,https://bank.example/privacy,\n");
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Map<String, CSVRecord> policiesById() throws IOException {
        return CliRunner.queryCsv(db, "policies").stream().collect(Collectors.toMap(r -> r.get("policyId"), Function.identity()));
    }

    @Test
    void storesEachRowOnItsPolicyWithDublinCoreAndDcatTerms() throws IOException {
        CliRunner r = CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("metadata: 3 policies described from"), r.err());

        Map<String, CSVRecord> rows = policiesById();
        assertEquals("甲商城, 旗舰版", rows.get("shop-a").get("app"));
        assertEquals("乙商城\n(\"国际版\")", rows.get("shop-b").get("app"), "a quoted cell keeps its line break and quotes");
        assertEquals("金融", rows.get("bank").get("sector"));
        assertEquals("", rows.get("plain").get("app"), "a policy without metadata is still listed");

        CliRunner export = CliRunner.run("export", "--db", db, "--format", "nq", "--with-metadata");
        assertEquals(0, export.exit(), export.err());
        String meta = " <https://w3id.org/privkg/metadata> .";
        String bank = "<https://w3id.org/privkg/id/policy/bank> ";
        assertTrue(export.out().contains(bank + "<http://purl.org/dc/terms/issued> \"2020-12-31\"^^<http://www.w3.org/2001/XMLSchema#date>" + meta),
                export.out());
        assertTrue(export.out().contains(bank + "<http://www.w3.org/ns/dcat#landingPage> <https://bank.example/privacy>" + meta));
        assertTrue(export.out().contains("<https://w3id.org/privkg/id/policy/shop-a> <https://w3id.org/privkg/meta/downloads> \"1,000万\"" + meta));
        assertFalse(CliRunner.run("export", "--db", db, "--format", "nq").out().contains("privkg/metadata"),
                "left out unless asked for, as provenance is");
    }

    @Test
    void policiesAndTheirMetadataInOneCommandOnANewDataset() throws IOException {
        String fresh = tmp.resolve("fresh").toString();
        CliRunner r = CliRunner.run("load", "--db", fresh, "--no-validate", "--meta", metadataCsv().toString(), policies.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().indexOf("loaded 4 policies") < r.err().indexOf("metadata: 3 policies described"), "policies first: " + r.err());
        assertEquals("丙银行", CliRunner.queryCsv(fresh, "policies").stream().filter(x -> x.get("policyId").equals("bank"))
                .findFirst().orElseThrow().get("app"));
    }

    @Test
    void survivesReloadingThePolicyAndGoesWhenItIsDeleted() throws IOException {
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString()).exit());
        write("shop-a", "为{完成注册}，我们会[收集]您的<手机号码>和<邮箱地址>。");
        CliRunner reload = CliRunner.run("load", "--db", db, "--no-validate", policies.resolve("shop-a.txt").toString());
        assertEquals(0, reload.exit(), reload.err());
        assertEquals("甲商城, 旗舰版", policiesById().get("shop-a").get("app"), "replacing the policy's graph keeps its metadata");

        try (PolicyStore store = PolicyStore.open(Path.of(db), null)) {
            assertTrue(store.delete("shop-a"));
        }
        CliRunner export = CliRunner.run("export", "--db", db, "--format", "nq", "--with-metadata");
        assertFalse(export.out().contains("policy/shop-a> <http://purl.org/dc/terms/"), export.out());
        assertTrue(export.out().contains("policy/shop-b> <http://purl.org/dc/terms/title>"), "other policies keep theirs");
    }

    @Test
    void aSecondFileReplacesTheMetadataOfThePoliciesItNames() throws IOException {
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString()).exit());
        Path again = csv("again.csv", "id,sector\nshop-a,零售\n");
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", again.toString()).exit());
        Map<String, CSVRecord> rows = policiesById();
        assertEquals("零售", rows.get("shop-a").get("sector"));
        assertEquals("", rows.get("shop-a").get("app"), "the row is the policy's whole metadata now");
        assertEquals("电商", rows.get("shop-b").get("sector"), "a policy the file does not name keeps its metadata");
    }

    @Test
    void statsCountsPoliciesPerSector() throws IOException {
        CliRunner before = CliRunner.run("stats", "--db", db);
        assertFalse(before.out().contains("sectors"), "no sector line before there are sectors: " + before.out());
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString()).exit());
        CliRunner r = CliRunner.run("stats", "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("sectors     电商 2, 金融 1; 1 without one"), r.out());
    }

    @Test
    void sectorPrevalenceCountsWithinEachSectorAndNamesThePolicies() throws IOException {
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString()).exit());
        List<CSVRecord> rows = CliRunner.queryCsv(db, "sector-prevalence", "action=Collect");
        CSVRecord phoneInShops = find(rows, "电商", "手机号码");
        assertEquals("2", phoneInShops.get("policyCount"));
        assertEquals("2", phoneInShops.get("sectorPolicies"));
        assertEquals(100.0, Double.parseDouble(phoneInShops.get("percentOfSector")));
        CSVRecord cardInShops = find(rows, "电商", "银行卡号");
        assertEquals("1", cardInShops.get("policyCount"));
        assertEquals(50.0, Double.parseDouble(cardInShops.get("percentOfSector")));
        assertEquals("shop-a", cardInShops.get("policies"), "a row leads back to its policies");
        assertEquals("bank", find(rows, "金融", "身份证号码").get("policies"));
        assertTrue(rows.stream().noneMatch(r -> r.get("dataItem").equals("昵称")), "a policy without a sector is left out");

        List<CSVRecord> banks = CliRunner.queryCsv(db, "sector-prevalence", "sector=金融");
        assertTrue(banks.stream().allMatch(r -> r.get("sectorName").equals("金融")) && !banks.isEmpty(), banks.toString());
        assertTrue(CliRunner.queryCsv(db, "sector-prevalence", "action=Share").isEmpty(), "nothing is shared");
    }

    private static CSVRecord find(List<CSVRecord> rows, String sector, String item) {
        return rows.stream().filter(r -> r.get("sectorName").equals(sector) && r.get("dataItem").equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + sector + " " + item + " in " + rows));
    }

    @Test
    void aRowForAPolicyNotStoredIsLeftOutWithAWarningAndADidYouMean() throws IOException {
        Path file = csv("typo.csv", "app,id\n甲商城,shop-a\n乙商城,shop-bb\n");
        CliRunner r = CliRunner.run("load", "--db", db, "--meta", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(file + ":3:2: warning: no policy 'shop-bb' in " + db + "; did you mean shop-b"), r.err());
        assertTrue(r.err().contains("metadata: 1 policy described from " + file + ", 1 row left out"), r.err());
        assertEquals("甲商城", policiesById().get("shop-a").get("app"));
    }

    @Test
    void aBadFileIsExitTwoNamingFileLineAndColumnAndStoresNothing() throws IOException {
        assertEquals(0, CliRunner.run("load", "--db", db, "--meta", metadataCsv().toString()).exit());
        record Case(String text, String message) {
        }
        for (Case c : List.of(
                new Case("app,sector\n甲商城,电商\n", ":1: no id column in the header (app,sector)"),
                new Case("id,app,sector,version_date\nshop-a,甲,电商,2021-03-05\nshop-b,乙,电商,2021-02-30\n",
                        ":3:4 (version_date): '2021-02-30' is no date"),
                new Case("id,date\nshop-a,next week\n", ":2:2 (date): 'next week' is not a date; write it as 2021-03-05"),
                new Case("id,url\nshop-a,example.com/privacy\n", ":2:2 (url): 'example.com/privacy' is not a web address"),
                new Case("id,app\nshop-a,甲\nshop-a,乙\n", ":3:1: policy 'shop-a' again (first on line 2)"),
                new Case("id,app\nshop-a,甲,旗舰版\n", ":2: 3 cells, but the header names 2 columns"),
                new Case("id,app\nshop-a,\"甲\nshop-b,乙\n", ":2: not valid CSV"),
                new Case("id,app,app\nshop-a,甲,乙\n", ":1: the header line cannot be used"),
                new Case("id,app\n,甲\n", ":2:1: no policy id in column 1 (id)"))) {
            Path file = csv("bad.csv", c.text());
            CliRunner r = CliRunner.run("load", "--db", db, "--meta", file.toString(), policies.resolve("plain.txt").toString());
            assertEquals(2, r.exit(), c.text() + r.err());
            assertTrue(r.err().contains(file + c.message()), c.text() + " → " + r.err());
            assertTrue(r.err().contains("nothing of it was stored"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        Map<String, CSVRecord> rows = policiesById();
        assertEquals("甲商城, 旗舰版", rows.get("shop-a").get("app"), "what was stored before is all still there");
        assertEquals("电商", rows.get("shop-b").get("sector"));

        CliRunner missing = CliRunner.run("load", "--db", db, "--meta", tmp.resolve("nope.csv").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "id,app\nshop-a,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRunner notUtf8 = CliRunner.run("load", "--db", db, "--meta", latin1.toString());
        assertEquals(2, notUtf8.exit());
        assertTrue(notUtf8.err().contains("not UTF-8"), notUtf8.err());
        assertEquals(2, CliRunner.run("load", "--db", db).exit(), "nothing to load at all is bad usage");
    }
}
