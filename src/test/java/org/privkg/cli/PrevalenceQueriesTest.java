package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** The counting queries agree with the row-level queries they summarise, policy by policy. */
class PrevalenceQueriesTest {
    @TempDir
    static Path tmp;
    static String db;

    @BeforeAll
    static void load() {
        db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, Fixtures.POLICIES.toString()).exit());
    }

    @Test
    void countsThePoliciesThatCollectEachItemAsWhoCollectsWhatListsThem() throws IOException {
        List<CSVRecord> counts = CliRunner.queryCsv(db, "data-prevalence", "action=Collect");
        List<CSVRecord> rows = CliRunner.queryCsv(db, "who-collects-what");
        assertFalse(counts.isEmpty());
        for (CSVRecord c : counts) {
            Set<String> policies = rows.stream().filter(r -> key(r.get("dataItem")).equals(key(c.get("dataItem"))))
                    .map(r -> r.get("policyId")).collect(Collectors.toSet());
            assertEquals(policies.size(), Integer.parseInt(c.get("policyCount")), c.get("dataItem"));
            assertEquals(Math.round(1000.0 * policies.size() / 4) / 10.0, Double.parseDouble(c.get("percentOfPolicies")), 0.001);
        }
    }

    /** Policies write one item with small differences (IP地址, IP 地址): the same node, counted once. */
    static String key(String label) {
        return label.replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void countsDpvConceptsWhenAskedTo() throws IOException {
        List<CSVRecord> counts = CliRunner.queryCsv(db, "data-prevalence", "by=dpv");
        assertFalse(counts.isEmpty());
        for (CSVRecord c : counts) assertEquals(true, c.get("item").startsWith("https://w3id.org/dpv"), c.get("item"));
    }

    @Test
    void countsThePoliciesThatGiveEachItemToEachRecipientAsThirdPartyFlowsListsThem() throws IOException {
        List<CSVRecord> counts = CliRunner.queryCsv(db, "recipient-prevalence");
        List<CSVRecord> flows = CliRunner.queryCsv(db, "third-party-flows");
        assertFalse(counts.isEmpty());
        for (CSVRecord c : counts) {
            Set<String> policies = flows.stream().filter(r -> r.get("direction").equals("recipient")
                    && r.get("partyName").equals(c.get("recipient")) && key(r.get("dataItem")).equals(key(c.get("dataItem"))))
                    .map(r -> r.get("policyId")).collect(Collectors.toSet());
            assertEquals(policies.size(), Integer.parseInt(c.get("policyCount")), c.get("recipient") + " " + c.get("dataItem"));
        }
    }
}
