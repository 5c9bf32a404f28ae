package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** The bundled pipl-gaps query: what a reviewer should look at. */
class PiplGapsQueryTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() throws IOException {
        Path extra = tmp.resolve("abroad.txt");
        Files.writeString(extra, """
                示例购物隐私政策
                为{完成跨境物流清关}，我们会将您的<收货人姓名>和<身份证号码>[共享]给位于境外的(物流合作伙伴)。
                我们会将您的<人脸图像>[提供]给(认证服务商)。
                在获得您的单独同意后，我们会将您的<订单信息>[传输]至境外的(关联公司)。
                我们会[删除]您的<人脸图像>。
                """, StandardCharsets.UTF_8);
        db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, Fixtures.POLICIES.toString(), "src/test/resources/unseen", extra.toString()).exit());
    }

    static List<CSVRecord> gaps(String... params) throws IOException {
        return CliRunner.queryCsv(db, "pipl-gaps", params);
    }

    static List<CSVRecord> of(List<CSVRecord> rows, String policy, String gap) {
        return rows.stream().filter(r -> r.get("policyId").equals(policy) && r.get("gap").equals(gap)).toList();
    }

    @Test
    void listsTheThreeKindsOfGap() throws IOException {
        List<CSVRecord> rows = gaps();
        List<CSVRecord> abroad = of(rows, "abroad", "cross-border-no-separate-consent");
        assertEquals(1, abroad.size(), "the share abroad without separate consent, not the transfer with it");
        assertTrue(abroad.get(0).get("data").contains("身份证号码"));
        assertEquals("no consent condition", abroad.get(0).get("detail"));

        List<CSVRecord> sensitive = of(rows, "abroad", "sensitive-no-consent");
        assertEquals(2, sensitive.size(), "the ID number shared abroad and the face image; deleting needs no consent");
        assertTrue(sensitive.stream().anyMatch(r -> r.get("detail").contains("BiometricInformation")));

        List<CSVRecord> noPurpose = of(rows, "abroad", "third-party-no-purpose");
        assertEquals(2, noPurpose.size(), "the face image to the authentication provider, the order data to the affiliate");
        assertTrue(noPurpose.stream().anyMatch(r -> r.get("recipients").equals("认证服务商")));

        assertTrue(of(rows, "game", "cross-border-no-separate-consent").isEmpty(), "the game asks for separate consent");
        assertTrue(of(rows, "health", "cross-border-no-separate-consent").isEmpty(), "health says it does not transfer abroad");
        assertFalse(of(rows, "health", "sensitive-no-consent").isEmpty());
        assertTrue(of(rows, "ecommerce-travel", "third-party-no-purpose").stream()
                .anyMatch(r -> r.get("detail").startsWith("entrusted processing")));
    }

    @Test
    void parametersNarrowTheAnswer() throws IOException {
        List<CSVRecord> abroadOnly = gaps("kind=cross-border-no-separate-consent");
        assertEquals(1, abroadOnly.size());
        List<CSVRecord> health = gaps("policy=health");
        assertTrue(health.stream().allMatch(r -> r.get("policyId").equals("health")));
        assertFalse(health.isEmpty());
    }

    @Test
    void isListedWithItsParameters() {
        CliRunner r = CliRunner.run("queries");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("pipl-gaps") && l.contains("--param policy=") && l.contains("--param kind=")),
                r.out());
    }
}
