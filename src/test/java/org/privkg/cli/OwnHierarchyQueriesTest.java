package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A practice on a data item covers the items below it as the practice's own policy states the
 * hierarchy, in every bundled query that follows skos:broader: another policy's
 * "个人信息（包括手机号码）" says nothing about what this one's "个人信息" covers.
 */
class OwnHierarchyQueriesTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() throws IOException {
        Map<String, String> policies = Map.of(
                "lists", "甲公司隐私政策\n为{注册账号}，我们会[收集]您的<个人信息>（包括<手机号码>、<姓名>）。\n",
                "vague", "乙公司隐私政策\n为{提供服务}，我们会[收集]您的<个人信息>。\n",
                "declares", "戊公司隐私政策\n为{提供服务}，我们会[收集]您的<个人信息>。\n<手机号码>属于敏感个人信息。\n",
                "refuses", "丙公司隐私政策\n我们不会[收集]您的<手机号码>。\n",
                "direct", "丁公司隐私政策\n为{身份验证}，我们会[收集]您的<手机号码>。\n");
        for (var p : policies.entrySet()) Files.writeString(tmp.resolve(p.getKey() + ".txt"), p.getValue(), StandardCharsets.UTF_8);
        db = tmp.resolve("db").toString();
        CliRunner r = CliRunner.run("load", "--db", db, tmp.toString());
        assertEquals(0, r.exit(), r.err());
    }

    static List<CSVRecord> query(String name, String... params) throws IOException {
        return CliRunner.queryCsv(db, name, params);
    }

    /** Each data item with the ids of the policies that handle it, sorted. */
    static Map<String, String> policiesByItem(String data) throws IOException {
        return query("compare-policies", "data=" + data).stream().collect(Collectors.toMap(row -> row.get("dataItem"),
                row -> Arrays.stream(row.get("policies").split(", ")).sorted().collect(Collectors.joining(", "))));
    }

    @Test
    void comparePolicies() throws IOException {
        // "vague" collects 个人信息 too, but only "lists" says that its 个人信息 includes the phone number;
        // "refuses" names the phone number in a negated practice; "declares" handles it by declaring it sensitive
        assertEquals(Map.of("手机号码", "declares, direct, lists"), policiesByItem("手机号码"));
        assertEquals(Map.of("个人信息", "declares, lists, vague"), policiesByItem("个人信息"));
        assertEquals("lists", policiesByItem("").get("姓名"));
    }

    @Test
    void sensitiveData() throws IOException {
        // the declaration itself handles the phone number; the collection of 个人信息 does not
        List<CSVRecord> rows = query("sensitive-data", "policy=declares");
        assertEquals(List.of("手机号码"), rows.stream().map(r -> r.get("handledAs")).distinct().toList(), rows.toString());
    }

    @Test
    void evidence() throws IOException {
        List<CSVRecord> rows = query("evidence", "policy=declares", "data=手机号码");
        assertEquals(List.of("手机号码"), rows.stream().map(r -> r.get("dataItems")).toList(), rows.toString());
        assertEquals(1, query("evidence", "policy=lists", "data=手机号码").size(), "the practice on 个人信息 covers it");
    }
}
