package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.privkg.fixture.Fixtures;
import org.privkg.server.Browser;

/** privkg report: one HTML file that opens from disk with no network, the same bytes for the same data. */
class ReportCommandTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void load() {
        db = dir.resolve("db");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), Fixtures.POLICIES.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void theSameDataGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.html"), b = dir.resolve("b.html");
        assertEquals(0, CliRunner.run("report", "--db", db.toString(), "-o", a.toString()).exit());
        assertEquals(0, CliRunner.run("report", "--db", db.toString(), "-o", b.toString()).exit());
        assertEquals(-1L, Files.mismatch(a, b));
        String html = Files.readString(a);
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("url(http"), "the report refers to the network");
        assertTrue(html.contains("svg class=\"flow\""));
    }

    @Test
    void onePolicysReportOpensFromDiskWithNoNetwork() throws IOException {
        Path out = dir.resolve("gome.html");
        assertEquals(0, CliRunner.run("report", "--db", db.toString(), "--policy", "gome", "-o", out.toString()).exit());
        try (Browser browser = Browser.open()) {
            browser.problems();
            browser.driver.get(out.toUri().toString());
            assertEquals(List.of(), browser.problems());
            assertEquals("gome", browser.driver.findElement(By.tagName("h1")).getText());
            assertFalse(browser.driver.findElements(By.cssSelector("svg.flow g.node.kind-data")).isEmpty());
            browser.driver.findElement(By.cssSelector("p.clause a.to-practice")).click();
            assertTrue(browser.driver.getCurrentUrl().contains("#policy-1-practice-"));
        }
    }

    @Test
    void anUnknownPolicyOrMissingDirectoryIsBadInput() {
        CliRunner r = CliRunner.run("report", "--db", db.toString(), "--policy", "nope", "-o", dir.resolve("x.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no policy 'nope'"), r.err());
        r = CliRunner.run("report", "--db", db.toString(), "-o", dir.resolve("missing/x.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("privkg: no directory"), r.err());
    }
}
