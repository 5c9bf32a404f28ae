package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.privkg.fixture.Fixtures;
import org.privkg.rdf.Iris;
import org.privkg.store.PolicyStore;
import org.privkg.view.PolicyChecks;
import org.privkg.view.Report;

/** The explorer's pages in headless chromium: policy page, dashboard, search and SPARQL editor, asserted on the DOM. */
class ExplorerPagesTest {
    /** A policy whose marks are markup and attribute breakers: every page must show them as text. */
    static final String HOSTILE = """
            一、我们如何收集信息
            为{"onmouseover=alert\\(2\\) 服务}，(我们)会[收集]您的<\\<script\\>alert\\(1\\)\\</script\\>>。
            我们需要将您的<"onmouseover=alert\\(3\\) x>与(\\<b\\>合作方\\</b\\>)[共享]。
            我们不会向任何第三方[出售]您的<个人信息>。
            """;
    static final Iris IRIS = new Iris(ServeFixture.BASE);

    static ServeFixture.Running server;
    /** The sample policies of data/ only, for the screenshots the README shows. */
    static ServeFixture.Running sample;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("privkg-explorer-test");
        Path hostile = dir.resolve("hostile.txt");
        Files.writeString(hostile, HOSTILE, StandardCharsets.UTF_8);
        PolicyStore store = ServeFixture.loadFiles(dir.resolve("db"), List.of(Fixtures.policy("gome"), hostile));
        PrivkgServer s = PrivkgServer.builder(store).host("127.0.0.1").port(0).timeout(Duration.ofSeconds(30)).build().start();
        server = ServeFixture.track(new ServeFixture.Running(s, store, dir));
        sample = ServeFixture.start(List.of("finance", "game", "gome", "health"), false, Duration.ofSeconds(30));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** Opens a page, forgetting what earlier pages logged. */
    private static void open(String path) {
        open(server, path);
    }

    private static void open(ServeFixture.Running on, String path) {
        browser.problems();
        browser.driver.get(on.url(path));
    }

    /** Opens the dashboard, reloading while it says its figures are still being computed (the server began them at start). */
    private static void openDashboard(ServeFixture.Running on) {
        open(on, "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!browser.driver.findElements(By.cssSelector("[data-figures=computing]")).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the dashboard's figures were not computed within 90 s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            open(on, "/");
        }
    }

    private static String data(String label) {
        return IRIS.shared("data", label).getURI();
    }

    private static WebElement node(String iri) {
        return browser.driver.findElement(By.cssSelector("svg.flow g.node[data-iri='" + iri + "']"));
    }

    private static boolean edge(String from, String to, boolean negated) {
        return !browser.driver.findElements(By.cssSelector("svg.flow g.edge[data-from='" + from + "'][data-to='" + to
                + "'][data-negated='" + negated + "']")).isEmpty();
    }

    @Test
    void policyPageDrawsWhereTheSamplePolicysDataComesFromAndGoes() {
        open("/id/policy/gome");
        assertEquals(List.of(), browser.problems());
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.flow"));
        assertEquals("img", svg.getAttribute("role"));
        assertTrue(svg.findElement(By.tagName("title")).getAttribute("textContent").contains("gome"));
        WebElement userNode = browser.driver.findElement(By.cssSelector("svg.flow g.node.kind-user"));
        String user = userNode.getAttribute("data-iri"), us = IRIS.firstParty("gome").getURI();
        assertEquals("0", userNode.getAttribute("data-column"));
        assertEquals("1", node(us).getAttribute("data-column"));
        assertEquals("2", node(data("手机号码")).getAttribute("data-column"));
        assertTrue(edge(user, us, false), "the user provides data to the first party");
        assertTrue(edge(IRIS.shared("party", "第三方").getURI(), us, false), "account data comes from third parties");
        assertTrue(edge(us, data("手机号码"), false), "the first party handles the phone number");
        assertTrue(edge(data("交易信息"), IRIS.shared("party", "支付机构").getURI(), false), "transaction data goes to the payment institutions");
        assertTrue(edge(data("地理位置"), IRIS.shared("place", "服务器").getURI(), false), "location is stored on the servers");
        // the policy's own hierarchy: 头像 and 昵称 are listed under 共享的账户信息, indented
        String parent = data("共享的账户信息");
        WebElement child = node(data("头像"));
        assertTrue(Integer.parseInt(child.findElement(By.tagName("rect")).getAttribute("x"))
                > Integer.parseInt(node(parent).findElement(By.tagName("rect")).getAttribute("x")));
    }

    /** The README's pictures: of the sample data only, never of this test's hostile policy. */
    @Test
    void screenshotsOfTheSampleData() {
        open(sample, "/id/policy/gome");
        assertEquals(List.of(), browser.problems());
        assertFalse(browser.driver.findElements(By.cssSelector("svg.flow")).isEmpty());
        assertNoHostileLabel();
        browser.screenshot("policy", 1280);
        browser.screenshot("policy", 390);
        openDashboard(sample);
        assertEquals(List.of(), browser.problems());
        assertEquals("4", browser.driver.findElement(By.cssSelector("[data-count=policies] b")).getText());
        assertNoHostileLabel();
        browser.screenshot("dashboard", 1280);
        browser.screenshot("dashboard", 390);
    }

    private static void assertNoHostileLabel() {
        String source = browser.driver.getPageSource();
        for (String mark : List.of("hostile", "alert", "onmouseover", "合作方</b>")) {
            assertFalse(source.contains(mark), browser.driver.getCurrentUrl() + " shows '" + mark + "'");
        }
    }

    @Test
    void clickingANodeOpensItsPageAndAClauseLeadsToItsPractices() {
        open("/id/policy/gome");
        node(data("手机号码")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/id/data/"));
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("手机号码"));

        open("/id/policy/gome");
        WebElement toPractice = browser.driver.findElement(By.cssSelector("p.clause a.to-practice"));
        String clauseId = toPractice.findElement(By.xpath("..")).getAttribute("id");
        toPractice.click();
        String target = browser.driver.getCurrentUrl().replaceFirst(".*#", "");
        WebElement row = browser.driver.findElement(By.id(target));
        assertEquals("tr", row.getTagName());
        row.findElement(By.cssSelector("a.to-clause")).click();
        assertTrue(browser.driver.getCurrentUrl().endsWith("#" + clauseId), "the practice links back to its clause");
    }

    @Test
    void negatedPracticeIsADashedEdgeSaying不会() {
        open("/id/policy/hostile");
        String us = IRIS.firstParty("hostile").getURI();
        assertTrue(edge(us, data("个人信息"), true));
        WebElement negated = browser.driver.findElement(By.cssSelector("svg.flow g.edge.negated"));
        assertTrue(negated.findElement(By.tagName("text")).getAttribute("textContent").startsWith("不会"));
        assertEquals("5px, 4px", negated.findElement(By.tagName("path")).getCssValue("stroke-dasharray"));
    }

    @Test
    void hostileLabelsShowAsTextOnEveryPage() throws IOException {
        // labels lose what stands in brackets (alert(1) is "alert"), so the prefixes are what every page shows
        String script = "<script>alert", bold = "<b>合作方</b>", attribute = "\"onmouseover=alert";
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/id/policy/hostile", List.of(script, bold, attribute));
        pages.put("/search?q=script", List.of(script));
        pages.put("/id/policy/hostile?view=triples", List.of());
        pages.put("/id/party/%3Cb%3E%E5%90%88%E4%BD%9C%E6%96%B9%3C%2Fb%3E", List.of(bold));
        pages.put(local(dataNodeShowing("script")), List.of(script));
        pages.put(local(dataNodeShowing("onmouseover")), List.of(attribute));
        pages.forEach((path, shown) -> {
            open(path);
            assertShownAsText(path, shown);
        });
        openDashboard(server);
        assertShownAsText("/", List.of(script));
        // the report file: the dashboard and both policies' pages, opened from disk
        Path report = server.dir().resolve("report.html");
        Files.writeString(report, Report.html(server.store().dataset(), IRIS, List.of("gome", "hostile"), true, PolicyChecks.NONE),
                StandardCharsets.UTF_8);
        browser.problems();
        browser.driver.get(report.toUri().toString());
        assertShownAsText("the report", List.of(script, bold, attribute));
    }

    /** The page ran nothing of the policy's and shows its markup-like labels as the text they are. */
    private static void assertShownAsText(String where, List<String> shown) {
        assertThrowsNoAlert(where);
        assertTrue(browser.driver.findElements(By.cssSelector("[onmouseover]")).isEmpty(), where + " has an onmouseover attribute");
        assertTrue(browser.driver.findElements(By.xpath("//script[contains(., 'alert')]")).isEmpty(), where + " has a script from the policy");
        assertTrue(browser.driver.findElements(By.xpath("//b[. = '合作方']")).isEmpty(), where + " made the policy's <b> an element");
        String text = browser.driver.findElement(By.tagName("body")).getText();
        for (String s : shown) assertTrue(text.contains(s), where + " does not show " + s + ": " + text);
    }

    /** The IRI of the hostile policy's data item whose label contains {@code part}, as its diagram says. */
    private static String dataNodeShowing(String part) {
        open("/id/policy/hostile");
        return browser.driver.findElements(By.cssSelector("svg.flow g.node.kind-data")).stream()
                .filter(n -> n.getAttribute("textContent").contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no data node showing " + part)).getAttribute("data-iri");
    }

    /** The server's path of an IRI under the base. */
    private static String local(String iri) {
        return "/id/" + iri.substring(ServeFixture.BASE.length());
    }

    private static void assertThrowsNoAlert(String path) {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError(path + " opened an alert");
        } catch (NoAlertPresentException expected) {
            // the page ran nothing from the policy
        }
    }

    @Test
    void dashboardCountsAndSearchFindPoliciesByDataItem() {
        openDashboard(server);
        assertEquals(List.of(), browser.problems());
        assertEquals("2", browser.driver.findElement(By.cssSelector("[data-count=policies] b")).getText());
        assertFalse(browser.driver.findElements(By.cssSelector("table.heatmap td a")).isEmpty(), "heatmap cells link to their rows");
        browser.driver.findElement(By.id("search-q")).sendKeys("手机号码\n");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search"));
        assertEquals("gome", browser.driver.findElement(By.cssSelector("ul.hits a")).getText());
    }

    @Test
    void editorRunsABundledQueryAndShowsItsRows() {
        open("/sparql");
        browser.driver.findElement(By.cssSelector("form.bundled[data-name='who-collects-what'] button")).click();
        WebElement table = new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasr table tbody tr")));
        assertTrue(table.getText().length() > 0);
        assertTrue(browser.driver.findElement(By.cssSelector(".yasr")).getText().contains("gome"));
        assertEquals(List.of(), browser.problems());
        browser.screenshot("editor", 1280);
        browser.screenshot("editor", 390);
    }

    @Test
    void aHeatmapCellOpensTheEditorWithItsQueryRun() {
        openDashboard(server);
        browser.driver.findElement(By.cssSelector("table.heatmap td a")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasr table tbody tr")));
        assertTrue(browser.driver.findElement(By.cssSelector(".yasr")).getText().contains("gome"));
        assertEquals(List.of(), browser.problems());
    }
}
