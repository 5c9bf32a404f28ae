package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privkg check}: for every bundled check, a policy written to pass it and one written to fail it
 * (the policy ids are CHECK-pass and CHECK-fail), and the exit codes and formats.
 */
class CheckCommandTest {
    /** Each check's passing and failing policy text (the first line is the title). */
    static final Map<String, String[]> POLICIES = Map.of(
            "purpose-for-collected-data", new String[] {
                    "为{完成注册}，我们会[收集]您的<手机号码>。",
                    "我们会[收集]您的<手机号码>。"},
            "third-party-data-and-purpose", new String[] {
                    "为{完成支付}，我们会将您的<订单信息>[共享]给(支付宝)。",
                    "我们会将您的<订单信息>[共享]给(支付宝)。"},
            "recipients-named-specifically", new String[] {
                    "为{完成配送}，我们会将您的<收货地址>[共享]给(顺丰速运)。",
                    "为{完成配送}，我们会将您的<收货地址>[共享]给(合作伙伴)。"},
            "vague-purpose", new String[] {
                    "为{完成注册}，我们会[收集]您的<手机号码>。",
                    "为{改善用户体验}，我们会[收集]您的<浏览记录>。"},
            "sensitive-purpose-and-consent", new String[] {
                    "在获得您的单独同意后，为{完成实名认证}，我们会[收集]您的<身份证号码>。",
                    "为{完成实名认证}，我们会[收集]您的<身份证号码>。"},
            "cross-border-recipient-and-consent", new String[] {
                    "在获得您的单独同意后，为{完成清关}，我们会将您的<订单信息>[传输]至境外的(关联公司)。",
                    "为{完成清关}，我们会将您的<订单信息>[传输]至境外的(关联公司)。"},
            "minors-guardian-consent", new String[] {
                    "经监护人同意，为{提供适龄内容}，我们会[收集]<儿童年龄信息>。",
                    "为{提供适龄内容}，我们会[收集]<儿童年龄信息>。"},
            "self-contradiction", new String[] {
                    """
                    为{完成注册}，我们会[收集]您的<个人信息>（包括<手机号码>和<昵称>）。
                    为{完成配送}，我们会将您的<手机号码>[共享]给(顺丰速运)。
                    未经您的同意，我们不会将您的<个人信息>[共享]给(第三方)。""",
                    """
                    为{完成注册}，我们会[收集]您的<个人信息>（包括<手机号码>和<昵称>）。
                    为{完成配送}，我们会将您的<手机号码>[共享]给(顺丰速运)。
                    我们不会将您的<个人信息>[共享]给(第三方)。"""});

    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("policies"));
        for (var e : POLICIES.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + "-pass.txt"), "示例隐私政策\n" + e.getValue()[0] + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(e.getKey() + "-fail.txt"), "示例隐私政策\n" + e.getValue()[1] + "\n", StandardCharsets.UTF_8);
        }
        db = tmp.resolve("db").toString();
        CliRunner r = CliRunner.run("load", "--db", db, "--no-validate", dir.toString());
        assertEquals(0, r.exit(), r.err());
    }

    static List<CSVRecord> csv(String out) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(out)).getRecords();
    }

    static String verdict(List<CSVRecord> rows, String policy, String check) {
        return rows.stream().filter(r -> r.get("policyId").equals(policy) && r.get("check").equals(check))
                .map(r -> r.get("verdict")).findFirst().orElseThrow(() -> new AssertionError("no verdict for " + policy + " " + check));
    }

    @Test
    void eachCheckPassesItsPassingPolicyAndFailsItsFailingOne() throws IOException {
        CliRunner r = CliRunner.run("check", "--db", db, "--format", "csv");
        assertEquals(1, r.exit(), "something was found: " + r.err());
        List<CSVRecord> rows = csv(r.out());
        for (String check : POLICIES.keySet()) {
            assertEquals("pass", verdict(rows, check + "-pass", check), check);
            assertEquals("fail", verdict(rows, check + "-fail", check), check);
        }
        CSVRecord finding = rows.stream().filter(x -> x.get("policyId").equals("self-contradiction-fail")
                && x.get("check").equals("self-contradiction")).findFirst().orElseThrow();
        assertEquals("3", finding.get("line"), "the share the denial on the next line covers");
        assertTrue(finding.get("clause").contains("顺丰速运"), finding.get("clause"));
        assertTrue(finding.get("source").contains("PIPL"), finding.get("source"));
    }

    @Test
    void exitsZeroWhenNothingIsFound() {
        CliRunner r = CliRunner.run("check", "--db", db, "--policy", "purpose-for-collected-data-pass");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("pass  purpose-for-collected-data"), r.out());
        assertTrue(r.out().contains("1 policy, 8 checks: 0 failed, 0 findings"), r.out());
    }

    @Test
    void jsonNamesEachChecksSourceAndTheEvidence() {
        CliRunner r = CliRunner.run("check", "--db", db, "--policy", "vague-purpose-fail", "--format", "json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"source\" : \"PIPL art. 6"), r.out());
        assertTrue(r.out().contains("改善用户体验"), r.out());
    }

    @Test
    void badUsageIsExitTwo() throws IOException {
        assertEquals(2, CliRunner.run("check", "--db", db, "--format", "xml").exit());
        CliRunner unknown = CliRunner.run("check", "--db", db, "--policy", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no policy 'nope'"), unknown.err());
        Path own = Files.createDirectories(tmp.resolve("own"));
        Files.writeString(own.resolve("no-source.rq"), "# title: mine\n# param: policy = \"\"\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n");
        CliRunner noSource = CliRunner.run("check", "--db", db, "--checks", own.toString());
        assertEquals(2, noSource.exit());
        assertTrue(noSource.err().contains("no '# source:' header line"), noSource.err());
    }

    @Test
    void runsTheUsersOwnChecks() throws IOException {
        Path own = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(own.resolve("no-nickname.rq"), """
                # title: No nicknames
                # source: house rule 1
                # param: policy = ""
                PREFIX pk: <https://w3id.org/privkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?policyId ?practice ?detail WHERE {
                  ?pol pk:policyId ?policyId . FILTER (?policy = "" || ?policyId = ?policy)
                  ?practice pk:inPolicy ?pol ; pk:covers ?d . ?d rdfs:label "昵称"@zh . BIND ("nickname" AS ?detail)
                }
                """);
        List<CSVRecord> rows = csv(CliRunner.run("check", "--db", db, "--checks", own.toString(), "--format", "csv").out());
        assertEquals("fail", verdict(rows, "self-contradiction-pass", "no-nickname"));
        assertEquals("pass", verdict(rows, "vague-purpose-pass", "no-nickname"));
    }
}
