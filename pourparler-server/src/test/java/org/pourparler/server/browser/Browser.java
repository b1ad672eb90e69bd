package org.pourparler.server.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.deque.html.axecore.selenium.AxeReporter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test: one person with their own profile (so their own cookies), a
 * 1280x800 window, waits that say what they awaited, screenshots at desktop and phone widths, a record of
 * everything the network brought in, and an axe-core accessibility check.
 *
 * <p>Typical use:
 * <pre>{@code
 * Browser.assumeAvailable();
 * try (Browser alice = Browser.open("alice", Path.of("target/screenshots/RoomPageTest"))) {
 *     alice.go(server.uri("/").toString());
 *     alice.type(By.name("offer"), "42");
 *     alice.click(By.cssSelector("button[type=submit]"));
 *     alice.waitFor(By.id("sent"));
 *     alice.screenshots("offer-sent");
 *     alice.assertAccessible("room");
 *     alice.assertNothingOf(bobsReservationPrice);
 * }
 * }</pre>
 *
 * <p>Chromium and ChromeDriver are found at {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * or at the paths in the environment variables {@code POURPARLER_CHROMIUM} and {@code POURPARLER_CHROMEDRIVER}.
 * Both are given to Selenium explicitly, so Selenium Manager never runs (nothing is downloaded).
 */
public final class Browser implements AutoCloseable {
    /** How long {@link #waitFor} and {@link #waitUntil} wait before failing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The desktop window size. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    /** The phone size {@link #screenshots} also uses. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Quiets Selenium's warning that it has no CDP classes for this Chromium's version: the harness uses
     * only {@code executeCdpCommand} and the performance log, which need none. Held here so it is not collected.
     */
    private static final Logger CDP_VERSION_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final int SNIPPET = 600;

    private final String name;
    private final Path screenshotDir;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private int shots;
    /** What the network brought in, in order of arrival (as far as the performance log tells it). */
    private final List<Received> received = new ArrayList<>();
    /** Request id to URL, for responses whose body has not been read yet. */
    private final Map<String, String> pending = new HashMap<>();
    /** Request id to URL, for every response seen (names the stream of an SSE message). */
    private final Map<String, String> urls = new HashMap<>();

    /** One thing this browser received: a response body or an SSE message, and where it came from. */
    private record Received(String where, String body) {}

    private Browser(String name, Path screenshotDir, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.name = name;
        this.screenshotDir = screenshotDir;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    // ---------------------------------------------------------------- availability

    /** The Chromium binary: {@code $POURPARLER_CHROMIUM}, else {@code /usr/bin/chromium}. */
    public static Path chromium() {
        return Path.of(Objects.requireNonNullElse(System.getenv("POURPARLER_CHROMIUM"), "/usr/bin/chromium"));
    }

    /** The ChromeDriver binary: {@code $POURPARLER_CHROMEDRIVER}, else {@code /usr/bin/chromedriver}. */
    public static Path chromedriver() {
        return Path.of(Objects.requireNonNullElse(System.getenv("POURPARLER_CHROMEDRIVER"), "/usr/bin/chromedriver"));
    }

    /** Whether Chromium and ChromeDriver are installed (both files exist and are executable). */
    public static boolean available() {
        return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
    }

    /**
     * For the first line of a browser test: when Chromium or ChromeDriver is missing, skips the test with a
     * message saying what to install, except under CI ({@code CI=true}), where it fails the test instead, so
     * that browser tests never go silently unrun there.
     */
    public static void assumeAvailable() {
        if (available()) return;
        String message = "browser tests need Chromium and ChromeDriver: " + chromium() + " and " + chromedriver()
                + " (apt-get install chromium chromium-driver, or set POURPARLER_CHROMIUM and POURPARLER_CHROMEDRIVER)";
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(message + "; under CI browser tests are never skipped");
        Assumptions.abort(message);
    }

    // ---------------------------------------------------------------- life

    /**
     * Starts a headless Chromium with a fresh profile (its own cookies and storage: a separate browser for
     * one person) and a 1280x800 window.
     *
     * @param name          who uses it, in screenshot file names (e.g. {@code "alice"})
     * @param screenshotDir where {@link #screenshots} and {@link #assertAccessible} write, created if
     *                      missing; page tests use {@code target/screenshots/<TestClass>}
     */
    public static Browser open(String name, Path screenshotDir) {
        Path profile = null;
        ChromeDriverService service = null;
        try {
            Files.createDirectories(screenshotDir);
            profile = Files.createTempDirectory("pourparler-browser-" + safe(name) + "-");
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile())
                    .usingAnyFreePort()
                    .withSilent(true)
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--force-device-scale-factor=1",
                    "--hide-scrollbars", "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            Browser browser = new Browser(name, screenshotDir, profile, service, driver);
            browser.resize(DESKTOP);
            return browser;
        } catch (IOException | RuntimeException e) {
            if (service != null) service.stop();
            if (profile != null) deleteTree(profile);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // already gone
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /** The Selenium driver, for whatever the conveniences below do not cover. */
    public WebDriver driver() { return driver; }

    /** The name given to {@link #open}. */
    public String name() { return name; }

    // ---------------------------------------------------------------- conveniences

    /** Loads the URL (and waits for the page load, as Selenium does). */
    public Browser go(String url) {
        collect();                       // bodies of the page being left can be gone once it is
        driver.get(url);
        return this;
    }

    /** Waits until the element is shown, then clicks it. */
    public Browser click(By by) {
        collect();
        waitFor(by).click();
        return this;
    }

    /** Waits until the field is shown, clears it, then types the text into it. */
    public Browser type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the element is shown; its visible text. */
    public String text(By by) {
        return waitFor(by).getText();
    }

    /** Waits (up to {@link #TIMEOUT}) until an element matching {@code by} is shown; that element. */
    public WebElement waitFor(By by) {
        return waitFor(by, TIMEOUT);
    }

    /** Waits up to the timeout until an element matching {@code by} is shown; that element. */
    public WebElement waitFor(By by, Duration timeout) {
        return waitUntil(by + " to be shown", timeout,
                d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Waits (up to {@link #TIMEOUT}) until the condition gives something other than null or false; that.
     * On timeout fails with an {@link AssertionError} naming the description, the current URL and the start
     * of the page's text.
     */
    public <T> T waitUntil(String description, Function<WebDriver, T> condition) {
        return waitUntil(description, TIMEOUT, condition);
    }

    /** {@link #waitUntil(String, Function)} with another timeout than {@link #TIMEOUT}. */
    public <T> T waitUntil(String description, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (WebDriverException e) {
                            // an element replaced while it was read (htmx swaps): Chromium's other word for stale
                            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return null;
                            throw e;
                        }
                    });
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": waited " + timeout.toMillis() / 1000.0 + " s for " + description
                    + "\n  at " + currentUrl() + "\n  page text: " + pageTextSnippet(), e);
        }
    }

    private String currentUrl() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "(unknown URL: " + e.getClass().getSimpleName() + ")";
        }
    }

    private String pageTextSnippet() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").strip();
            return text.length() <= SNIPPET ? "\"" + text + "\"" : "\"" + text.substring(0, SNIPPET) + "…\"";
        } catch (WebDriverException e) {
            return "(no page text: " + e.getClass().getSimpleName() + ")";
        }
    }

    // ---------------------------------------------------------------- screenshots

    /**
     * Saves the current page as seen at 1280x800 and at 390x844 (the window is resized, the layout is let
     * settle, and the window is restored to 1280x800), as {@code <dir>/<NN>-<name>-<step>-1280.png} and
     * {@code ...-390.png}, NN counting this browser's screenshots and accessibility reports so they sort in
     * the order taken. Returns both paths, the desktop one first.
     */
    public List<Path> screenshots(String step) {
        String base = String.format("%02d-%s-%s", ++shots, safe(name), safe(step));
        List<Path> out = new ArrayList<>();
        try {
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                resize(size);
                Path file = screenshotDir.resolve(base + "-" + size.width + ".png");
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                out.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(DESKTOP);
        }
        return out;
    }

    /** Makes the viewport exactly this size and waits until the page has laid itself out at it. */
    private void resize(Dimension size) {
        driver.manage().window().setSize(size);
        // the window size counts any browser frame: correct by what the page actually got
        Dimension inner = innerSize();
        if (!inner.equals(size)) {
            driver.manage().window().setSize(new Dimension(2 * size.width - inner.width, 2 * size.height - inner.height));
        }
        waitUntil("the viewport to be " + size.width + "x" + size.height, d -> innerSize().width == size.width);
        // two animation frames: the resize has been handled and the new layout painted
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    private Dimension innerSize() {
        Object wh = ((JavascriptExecutor) driver).executeScript("return [window.innerWidth, window.innerHeight];");
        List<?> list = (List<?>) wh;
        return new Dimension(((Number) list.get(0)).intValue(), ((Number) list.get(1)).intValue());
    }

    // ---------------------------------------------------------------- what reached this browser

    /**
     * Every response body and every Server-Sent Events message (its data) this browser has received since
     * it opened, in order. Bodies are read from Chromium after the response finished loading; a body
     * Chromium no longer holds (a page navigated away from before anything here looked) is missing, which
     * is why {@link #go} and {@link #click} record what has arrived before they act.
     */
    public List<String> received() {
        collect();
        return received.stream().map(Received::body).toList();
    }

    /**
     * Fails when any of the values appears in the current page's DOM or in anything this browser has
     * received ({@link #received}); the message names the value and where it was seen. For checking that
     * no other party's private data ever reached this person's browser.
     */
    public void assertNothingOf(String... values) {
        collect();
        String dom = driver.getPageSource();
        List<String> seen = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) throw new IllegalArgumentException("an empty value is in everything");
            if (dom.contains(value)) seen.add("\"" + value + "\" in the DOM of " + currentUrl());
            for (Received r : received) {
                if (r.body().contains(value)) seen.add("\"" + value + "\" in " + r.where());
            }
        }
        if (!seen.isEmpty()) {
            throw new AssertionError(name + "'s browser got what it must not have:\n  " + String.join("\n  ", seen));
        }
    }

    /** Drains ChromeDriver's performance log (CDP Network events) into {@link #received}. */
    private synchronized void collect() {
        List<LogEntry> entries;
        try {
            entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
        } catch (WebDriverException e) {
            return;                       // the browser is gone; nothing more will arrive
        }
        for (LogEntry entry : entries) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).path("message");
            } catch (IOException e) {
                continue;
            }
            JsonNode params = message.path("params");
            String id = params.path("requestId").asText();
            switch (message.path("method").asText()) {
                case "Network.responseReceived" -> {
                    String url = params.path("response").path("url").asText();
                    urls.put(id, url);
                    pending.put(id, url);
                }
                case "Network.loadingFinished" -> {
                    String url = pending.remove(id);
                    if (url != null) body(id, url);
                }
                case "Network.loadingFailed" -> pending.remove(id);
                case "Network.eventSourceMessageReceived" -> received.add(new Received(
                        "an SSE message (event \"" + params.path("eventName").asText() + "\") from "
                                + urls.getOrDefault(id, "an event stream"), params.path("data").asText()));
                case "Network.webSocketFrameReceived" -> received.add(new Received(
                        "a WebSocket message from " + urls.getOrDefault(id, "a WebSocket"),
                        params.path("response").path("payloadData").asText()));
                default -> { }
            }
        }
    }

    private void body(String requestId, String url) {
        Map<String, Object> result;
        try {
            result = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
        } catch (WebDriverException e) {
            return;                       // evicted, or the page that loaded it is gone
        }
        String body = String.valueOf(result.getOrDefault("body", ""));
        if (Boolean.TRUE.equals(result.get("base64Encoded"))) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        received.add(new Received("the response from " + url, body));
    }

    // ---------------------------------------------------------------- accessibility

    /**
     * Runs axe-core on the current page and fails listing, for every violation of impact "serious" or
     * "critical", the rule id, impact, help text and first offending element. The full axe result is
     * written beside the screenshots as {@code <NN>-<name>-<page>-axe.json} either way.
     *
     * @param page what the page is, for the report's file name and the failure message
     */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        Path report = screenshotDir.resolve(String.format("%02d-%s-%s-axe.json", ++shots, safe(name), safe(page)));
        try {
            Files.writeString(report, AxeReporter.serialize(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (results.isErrored()) throw new AssertionError("axe-core failed on " + page + ": " + results.getErrorMessage());
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact())) continue;
            List<CheckedNode> nodes = rule.getNodes();
            String target = nodes == null || nodes.isEmpty() ? "?" : String.valueOf(nodes.get(0).getTarget());
            serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — first at " + target
                    + (nodes != null && nodes.size() > 1 ? " and " + (nodes.size() - 1) + " more" : ""));
        }
        if (!serious.isEmpty()) {
            throw new AssertionError("accessibility of " + page + " (" + currentUrl() + "), " + serious.size()
                    + " serious or critical violation(s); full report " + report + "\n  " + String.join("\n  ", serious));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Logger quiet(String logger) {
        Logger log = Logger.getLogger(logger);
        log.setLevel(Level.SEVERE);
        return log;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is no test failure
        }
    }
}
