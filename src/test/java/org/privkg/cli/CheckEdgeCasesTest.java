package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled checks on the cases {@link CheckCommandTest}'s pairs leave out: the other way a two-part check
 * fails, and wordings a check must let pass (a specific name beside a generic one, a specific purpose beside a
 * vague one, a denial with a carve-out).
 */
class CheckEdgeCasesTest {
    /** Policy id → its one clause. */
    static final Map<String, String> POLICIES = Map.of(
            "abroad-unnamed", "在获得您的单独同意后，为{完成清关}，我们会将您的<订单信息>[传输]至境外。",
            "sensitive-no-purpose", "在获得您的单独同意后，我们会[收集]您的<身份证号码>。",
            "named-beside-generic", "为{完成配送}，我们会将您的<收货地址>[共享]给(合作伙伴)和(顺丰速运)。",
            "vague-beside-specific", "为{改善用户体验}和{完成配送}，我们会[收集]您的<收货地址>。",
            "denial-with-carve-out", """
                    为{完成配送}，我们会将您的<手机号码>[共享]给(顺丰速运)。
                    除本政策所述情形外，我们不会将您的<手机号码>[共享]给(第三方)。""");

    @TempDir
    static Path tmp;
    static List<CSVRecord> rows;

    @BeforeAll
    static void check() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("policies"));
        for (var e : POLICIES.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".txt"), "示例隐私政策\n" + e.getValue() + "\n", StandardCharsets.UTF_8);
        }
        String db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, "--no-validate", dir.toString()).exit());
        CliRunner r = CliRunner.run("check", "--db", db, "--format", "csv");
        assertEquals(1, r.exit(), r.err());
        rows = CheckCommandTest.csv(r.out());
    }

    private static CSVRecord row(String policy, String check) {
        return rows.stream().filter(r -> r.get("policyId").equals(policy) && r.get("check").equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + policy + " " + check + " in " + rows));
    }

    @Test
    void crossBorderWithSeparateConsentButNoNamedRecipientFails() {
        CSVRecord r = row("abroad-unnamed", "cross-border-recipient-and-consent");
        assertEquals("fail", r.get("verdict"));
        assertEquals("no named recipient", r.get("detail"));
    }

    @Test
    void sensitiveDataWithSeparateConsentButNoPurposeFails() {
        CSVRecord r = row("sensitive-no-purpose", "sensitive-purpose-and-consent");
        assertEquals("fail", r.get("verdict"));
        assertTrue(r.get("detail").endsWith(": no purpose"), r.get("detail"));
    }

    @Test
    void aRecipientNamedBesideAGenericOnePasses() {
        assertEquals("pass", row("named-beside-generic", "recipients-named-specifically").get("verdict"));
    }

    @Test
    void aSpecificPurposeBesideAVagueOnePasses() {
        assertEquals("pass", row("vague-beside-specific", "vague-purpose").get("verdict"));
    }

    @Test
    void aDenialWithACarveOutContradictsNothing() {
        assertEquals("pass", row("denial-with-carve-out", "self-contradiction").get("verdict"));
    }
}
