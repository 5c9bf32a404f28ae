package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled compare-policies query: which policies handle a data item, each by its own hierarchy. */
class ComparePoliciesQueryTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() throws IOException {
        Map<String, String> policies = Map.of(
                "lists", "甲公司隐私政策\n为{注册账号}，我们会[收集]您的<个人信息>（包括<手机号码>、<姓名>）。\n",
                "vague", "乙公司隐私政策\n为{提供服务}，我们会[收集]您的<个人信息>。\n",
                "refuses", "丙公司隐私政策\n我们不会[收集]您的<手机号码>。\n",
                "direct", "丁公司隐私政策\n为{身份验证}，我们会[收集]您的<手机号码>。\n");
        for (var p : policies.entrySet()) Files.writeString(tmp.resolve(p.getKey() + ".txt"), p.getValue(), StandardCharsets.UTF_8);
        db = tmp.resolve("db").toString();
        CliRunner r = CliRunner.run("load", "--db", db, tmp.toString());
        assertEquals(0, r.exit(), r.err());
    }

    /** Each data item with the ids of the policies that handle it, sorted. */
    static Map<String, String> policiesByItem(String data) throws IOException {
        CliRunner r = CliRunner.run("query", "--db", db, "compare-policies", "--format", "csv", "--param", "data=" + data);
        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(r.out())).getRecords();
        return rows.stream().collect(Collectors.toMap(row -> row.get("dataItem"), row -> Arrays.stream(row.get("policies").split(", ")).sorted().collect(Collectors.joining(", "))));
    }

    @Test
    void aPolicyHandlesTheItemsItsOwnBroaderItemsCover() throws IOException {
        // "vague" collects 个人信息 too, but only "lists" says that its 个人信息 includes the phone number;
        // "refuses" names the phone number in a negated practice
        assertEquals(Map.of("手机号码", "direct, lists"), policiesByItem("手机号码"));
        assertEquals(Map.of("个人信息", "lists, vague"), policiesByItem("个人信息"));
        assertEquals("lists", policiesByItem("").get("姓名"));
    }
}
