package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.SweepHistory;

/**
 * index.html of a real pack (over {@link SweepHistory}) opened from file:// in headless Chromium,
 * through Debian's chromedriver (Selenium Manager never runs: the driver and the browser are given
 * by path): every chart renders with a size, every link is a file of the pack, the page asked for
 * nothing but files of the pack and the browser for no network URL (its performance log), and a screenshot of the first screen is saved
 * to target/PackPageBrowserTest/first-screen.png (and of the charts, charts.png). Skipped where Chromium or its driver is absent.
 */
class PackPageBrowserTest {
    /** Debian's paths; -Dvaxslots.chromium=… and -Dvaxslots.chromedriver=… name others. */
    static final Path CHROMIUM = Path.of(System.getProperty("vaxslots.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("vaxslots.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOT = Path.of("target/PackPageBrowserTest/first-screen.png");
    static final LocalDate DAY = LocalDate.parse("2021-05-16");

    @TempDir
    static Path dir;
    static Path pack;
    static ChromeDriverService service;
    static ChromeDriver driver;
    /** What the page asked for (requests whose document is index.html), and what the browser asked for on its own (its new-tab page). */
    static List<String> requested = new ArrayList<>();
    static List<String> requestedByBrowser = new ArrayList<>();

    @BeforeAll
    static void openThePage() throws Exception {
        if (!browserPresent()) {
            return;
        }
        DataRoot root = new DataRoot(dir.resolve("data"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        pack = ReportJob.run(root, new ReportJob.Request(DAY, DAY, "browser", null)).pack();
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            String page = pack.resolve(PackPage.FILE).toUri().toString().replaceFirst("^file:/(?!/)", "file:///");
            driver.get(page);
            ObjectMapper json = new ObjectMapper();
            for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
                JsonNode message = json.readTree(e.getMessage()).get("message");
                if (message.get("method").asText().equals("Network.requestWillBeSent")) {
                    JsonNode params = message.get("params");
                    String url = params.get("request").get("url").asText();
                    (params.path("documentURL").asText().equals(page) ? requested : requestedByBrowser).add(url);
                }
            }
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
            ((JavascriptExecutor) driver).executeScript("document.getElementById('charts').scrollIntoView()");
            Files.write(SCREENSHOT.resolveSibling("charts.png"), driver.getScreenshotAs(OutputType.BYTES));
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        } catch (RuntimeException e) {
            quit();
            throw e;
        }
    }

    static boolean browserPresent() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Each test is skipped, saying how to install what is missing, where the browser is absent. */
    @BeforeEach
    void browserInstalled() {
        assumeTrue(browserPresent(), "skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + "; install them with"
                + " `sudo apt-get install -y chromium chromium-driver` (Debian, Ubuntu), as .ci/run does");
    }

    @AfterAll
    static void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
        }
    }

    @Test
    void page_everyChart_rendersWithANonZeroSize() {
        List<WebElement> charts = driver.findElements(By.cssSelector("figure .chart"));
        assertEquals(3, charts.size());
        for (WebElement c : charts) {
            Dimension size = c.getSize();
            assertTrue(size.getWidth() > 100 && size.getHeight() > 100, c.getAttribute("outerHTML") + " is " + size);
            if (c.getTagName().equals("img")) {
                Object natural = ((JavascriptExecutor) driver).executeScript(
                        "return arguments[0].complete ? arguments[0].naturalWidth : -1", c);
                assertTrue(((Number) natural).longValue() > 0, c.getAttribute("src") + " did not decode");
            }
        }
    }

    @Test
    void page_everyLink_aFileOfThePack() throws Exception {
        TreeSet<String> files = new TreeSet<>(ReportJob.files(pack));
        List<WebElement> links = driver.findElements(By.cssSelector("a[href]"));
        assertTrue(links.size() >= files.size() - 1, links.size() + " links");
        for (WebElement a : links) {
            URI href = URI.create(a.getAttribute("href"));
            assertEquals("file", href.getScheme(), href.toString());
            Path target = Path.of(href);
            assertEquals(pack, target.getParent(), href.toString());
            assertTrue(files.contains(target.getFileName().toString()), href + " is not a file of the pack");
        }
    }

    @Test
    void page_opened_fetchesNothingButFilesOfThePack() {
        TreeSet<String> names = new TreeSet<>();
        for (String url : requested) {
            assertTrue(url.startsWith("file:///"), "not a file of the pack: " + url);
            Path p = Path.of(URI.create(url));
            assertEquals(pack, p.getParent(), url);
            names.add(p.getFileName().toString());
        }
        TreeSet<String> expected = new TreeSet<>(List.of(PackPage.FILE));
        driver.findElements(By.cssSelector("img.chart")).forEach(img -> expected.add(img.getAttribute("src").replaceFirst(".*/", "")));
        assertEquals(expected, names, "the page and the PNG of each chart not inline as SVG: " + requested);
        for (String url : requestedByBrowser) {
            String scheme = URI.create(url).getScheme();
            // Its own new-tab page loads chrome://, chrome-untrusted:// and data: resources, none from the network.
            assertFalse(List.of("http", "https", "ws", "wss", "ftp").contains(scheme), "the network was asked: " + url);
        }
    }

    @Test
    void page_firstScreen_titleFindingsAndCoverage() {
        assertEquals("Where were vaccination slots scarcest? Co-WIN, 2021-05-16",
                driver.findElement(By.tagName("h1")).getText());
        WebElement findings = driver.findElement(By.id("findings"));
        long viewport = ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight")).longValue();
        WebElement sure = findings.findElement(By.xpath(".//li[strong[text()='How sure we are:']]"));
        assertTrue(sure.getLocation().getY() + sure.getSize().getHeight() <= viewport,
                "the coverage finding ends at " + (sure.getLocation().getY() + sure.getSize().getHeight()) + " px, below the first screen of " + viewport);
        assertTrue(Files.isRegularFile(SCREENSHOT));
    }
}
