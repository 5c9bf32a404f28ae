package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** The bundled third-party-flows query: recipients, sources, and third parties that collect data themselves. */
class ThirdPartyFlowsQueryTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() throws IOException {
        Path map = tmp.resolve("mapsdk.txt");
        Files.writeString(map, """
                示例地图隐私政策
                为{向您展示附近的门店}，(地图SDK)会[收集]您的<位置信息>。
                (地图SDK)不会[收集]您的<通讯录>。
                我们会[收集]您的<手机号码>。
                我们会将您的<收货地址>[共享]给(物流公司)。
                """, StandardCharsets.UTF_8);
        db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, Fixtures.POLICIES.toString(), map.toString()).exit());
    }

    static List<CSVRecord> flows(String... params) throws IOException {
        return CliRunner.queryCsv(db, "third-party-flows", params);
    }

    @Test
    void aThirdPartyThatCollectsIsListedAsCollector() throws IOException {
        List<CSVRecord> rows = flows("policy=mapsdk");
        List<CSVRecord> collected = rows.stream().filter(r -> r.get("direction").equals("collector")).toList();
        assertEquals(1, collected.size(), rows.toString());
        CSVRecord r = collected.get(0);
        assertEquals("地图SDK", r.get("partyName"));
        assertEquals("地图SDK", r.get("actor"));
        assertEquals("collect", r.get("action"));
        assertEquals("位置信息", r.get("dataItem"));
        assertEquals("向您展示附近的门店", r.get("purposes"));

        assertTrue(rows.stream().noneMatch(x -> x.get("dataItem").equals("通讯录")), "the negated collection stays out: " + rows);
        assertTrue(rows.stream().noneMatch(x -> x.get("dataItem").equals("手机号码")), "the policy's own collection is no third-party flow: " + rows);
        assertTrue(rows.stream().anyMatch(x -> x.get("direction").equals("recipient") && x.get("partyName").equals("物流公司")
                && x.get("dataItem").equals("收货地址")), "recipients are still listed: " + rows);
        assertTrue(rows.stream().noneMatch(x -> x.get("direction").equals("collector") && x.get("partyName").equals("物流公司")),
                "a recipient is not a collector: " + rows);
    }

    /** The game policy's SDKs collect device data themselves: {@code party=SDK} finds them. */
    @Test
    void sdkPartyFindsTheGamesSdks() throws IOException {
        List<CSVRecord> rows = flows("policy=game", "party=SDK");
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get("partyName").contains("SDK")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get("direction").equals("collector") && r.get("partyName").equals("聚量广告SDK")
                && r.get("dataItem").equals("粗略位置信息")), rows.toString());
    }

    /** Every {@code /privkg/queries/third-party-flows} URL in docs/server.md answers rows whose party matches its {@code party}. */
    @Test
    void everyServerDocCurlExampleReturnsRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/server.md")).stream()
                .filter(l -> l.startsWith("curl") && l.contains("/privkg/queries/third-party-flows")).toList();
        assertFalse(lines.isEmpty(), "docs/server.md shows the query over HTTP");
        Pattern query = Pattern.compile("third-party-flows\\?([^\"' ]+)");
        Pattern urlencoded = Pattern.compile("--data-urlencode '?([a-z]+=[^' ]+)'?");
        for (String line : lines) {
            List<String> params = new ArrayList<>();
            Matcher q = query.matcher(line);
            if (q.find()) for (String p : q.group(1).split("&")) params.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
            Matcher u = urlencoded.matcher(line);
            while (u.find()) params.add(u.group(1));
            assertFalse(params.isEmpty(), line);
            List<CSVRecord> rows = flows(params.toArray(String[]::new));
            assertFalse(rows.isEmpty(), "no rows for " + line);
            for (String p : params) {
                String value = p.substring(p.indexOf('=') + 1);
                if (p.startsWith("party=")) assertTrue(rows.stream().allMatch(r -> r.get("partyName").contains(value)), line + ": " + rows);
                if (p.startsWith("policy=")) assertTrue(rows.stream().allMatch(r -> r.get("policyId").equals(value)), line + ": " + rows);
            }
        }
    }

    /** Each docs/graph.md text example of the query ({@code $ bin/privkg query --db privkg-db third-party-flows ...}) is what it prints. */
    @Test
    void readmeTextExamplesAreTheOutput() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("docs/graph.md"));
        String prefix = "$ bin/privkg query --db privkg-db third-party-flows";
        int examples = 0;
        for (int start = 0; start < readme.size(); start++) {
            if (!readme.get(start).startsWith(prefix)) continue;
            examples++;
            List<String> args = new ArrayList<>(List.of("query", "--db", db, "third-party-flows"));
            args.addAll(List.of(readme.get(start).substring(prefix.length()).trim().split("\\s+")));
            List<String> shown = new ArrayList<>();
            for (int i = start + 1; !readme.get(i).startsWith("```"); i++) shown.add(readme.get(i).stripTrailing());
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertEquals(shown, r.out().lines().map(String::stripTrailing).toList(), readme.get(start));
        }
        assertEquals(2, examples, "docs/graph.md shows the sample policy's flows and the game's SDKs");
    }
}
