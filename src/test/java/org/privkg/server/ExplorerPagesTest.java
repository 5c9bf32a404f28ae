package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.store.PolicyStore;

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
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("privkg-explorer-test");
        Path hostile = dir.resolve("hostile.txt");
        Files.writeString(hostile, HOSTILE, StandardCharsets.UTF_8);
        PolicyStore store = PolicyStore.open(dir.resolve("db"), null);
        List<ExtractedPolicy> policies = new ArrayList<>();
        PolicyReader reader = new PolicyReader();
        for (Path p : List.of(Path.of("data/policies/gome.txt"), hostile)) {
            PolicyReader.Outcome o = reader.read(PolicySource.of(p, null));
            assertTrue(o.ok(), () -> p + " does not load: " + o.diagnostics().all());
            policies.add(o.policy().get());
        }
        store.replace(policies);
        PrivkgServer s = PrivkgServer.builder(store).host("127.0.0.1").port(0).timeout(Duration.ofSeconds(30)).build().start();
        server = ServeFixture.track(new ServeFixture.Running(s, store, dir));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** Opens a page, forgetting what earlier pages logged. */
    private static void open(String path) {
        browser.problems();
        browser.driver.get(server.url(path));
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
        browser.screenshot("policy", 1280);
        browser.screenshot("policy", 390);
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
    void hostileLabelsShowAsTextOnEveryPage() {
        for (String path : List.of("/id/policy/hostile", "/", "/search?q=script", "/id/policy/hostile?view=triples", "/id/party/%3Cb%3E%E5%90%88%E4%BD%9C%E6%96%B9%3C%2Fb%3E")) {
            open(path);
            assertThrowsNoAlert(path);
            assertTrue(browser.driver.findElements(By.cssSelector("[onmouseover]")).isEmpty(), path + " has an onmouseover attribute");
            assertTrue(browser.driver.findElements(By.xpath("//script[contains(., 'alert')]")).isEmpty(), path + " has a script from the policy");
            String text = browser.driver.findElement(By.tagName("body")).getText();
            if (path.endsWith("/policy/hostile") || path.startsWith("/search")) assertTrue(text.contains("<script>alert"), path + ": " + text);
            if (path.contains("/party/")) assertTrue(text.contains("<b>合作方</b>"), path + ": " + text);
        }
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
        open("/");
        assertEquals(List.of(), browser.problems());
        assertEquals("2", browser.driver.findElement(By.cssSelector("[data-count=policies] b")).getText());
        assertFalse(browser.driver.findElements(By.cssSelector("table.heatmap td a")).isEmpty(), "heatmap cells link to their rows");
        browser.screenshot("dashboard", 1280);
        browser.screenshot("dashboard", 390);
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
        open("/");
        browser.driver.findElement(By.cssSelector("table.heatmap td a")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasr table tbody tr")));
        assertTrue(browser.driver.findElement(By.cssSelector(".yasr")).getText().contains("gome"));
        assertEquals(List.of(), browser.problems());
    }
}
