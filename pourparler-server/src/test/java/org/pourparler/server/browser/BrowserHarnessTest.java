package org.pourparler.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The browser-test harness proves itself on a few plain pages served by a Javalin app of its own. */
class BrowserHarnessTest {
    private static final Path SHOTS = Path.of("target", "screenshots", BrowserHarnessTest.class.getSimpleName());
    /** Only in the SSE message: never shown on a page. */
    private static final String SSE_MARKER = "sse-marker-" + UUID.randomUUID();
    /** Only in the /data response, in a field the page does not show. */
    private static final String FETCH_MARKER = "fetch-marker-" + UUID.randomUUID();

    private static Javalin app;

    @BeforeAll
    static void serve() {
        if (!Browser.available() && !"true".equals(System.getenv("CI"))) return;   // the tests skip; no server needed
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/login", ctx -> {
                ctx.cookie("who", ctx.queryParam("as"));
                ctx.html(page("Signed in", "<p id=\"done\">signed in</p>"));
            });
            c.routes.get("/whoami", ctx -> ctx.html(page("Who am I",
                    "<p id=\"who\">" + (ctx.cookie("who") == null ? "nobody" : "who=" + ctx.cookie("who")) + "</p>")));
            c.routes.get("/data", ctx -> ctx.json(java.util.Map.of("shown", "the shown part", "hidden", FETCH_MARKER)));
            c.routes.get("/fetch", ctx -> ctx.html(page("Fetch", """
                    <p id="out">loading</p>
                    <script>
                      fetch('/data').then(r => r.json()).then(d => {
                        document.getElementById('out').textContent = 'got: ' + d.shown;
                        document.getElementById('out').id = 'loaded';
                      });
                    </script>""")));
            c.routes.sse("/stream", client -> {
                client.keepAlive();
                client.sendEvent("marker", "{\"secret\":\"" + SSE_MARKER + "\"}");
            });
            c.routes.get("/events", ctx -> ctx.html(page("Events", """
                    <p id="status">waiting</p>
                    <script>
                      const source = new EventSource('/stream');
                      source.addEventListener('marker', () => {
                        source.close();
                        document.getElementById('status').textContent = 'an event arrived';
                        document.getElementById('status').id = 'arrived';
                      });
                    </script>""")));
            c.routes.get("/bad", ctx -> ctx.html("""
                    <!doctype html><html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1>
                    <img src="/nothing.png" width="40" height="40">
                    <input type="text" name="offer">
                    </main></body></html>"""));
            c.routes.get("/good", ctx -> ctx.html(page("Good", """
                    <form action="/good">
                      <label for="offer">Your offer</label> <input id="offer" type="text" name="offer">
                      <button type="submit">Send</button>
                    </form>
                    <p>Some text that is long enough to wrap when the window is as narrow as a phone, so that the
                    layout at 390 pixels differs from the one at 1280 pixels.</p>""")));
        }).start();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
    }

    @BeforeEach
    void browser() {
        Browser.assumeAvailable();
    }

    @Test
    void twoBrowsersHaveSeparateCookies() {
        try (Browser alice = Browser.open("alice", SHOTS); Browser bob = Browser.open("bob", SHOTS)) {
            alice.go(url("/login?as=alice")).waitFor(By.id("done"));
            alice.go(url("/whoami"));
            assertThat(alice.text(By.id("who"))).isEqualTo("who=alice");
            assertThat(alice.driver().manage().getCookieNamed("who")).extracting(Cookie::getValue).isEqualTo("alice");

            bob.go(url("/whoami"));
            assertThat(bob.text(By.id("who"))).isEqualTo("nobody");
            assertThat(bob.driver().manage().getCookies()).isEmpty();
        }
    }

    @Test
    void receivedHoldsFetchBodiesAndSseMessages() {
        try (Browser alice = Browser.open("alice", SHOTS)) {
            alice.go(url("/fetch"));
            assertThat(alice.text(By.id("loaded"))).isEqualTo("got: the shown part");
            alice.go(url("/events"));
            alice.waitFor(By.id("arrived"));

            List<String> received = alice.waitUntil("the SSE message in the performance log",
                    d -> alice.received().stream().anyMatch(s -> s.contains(SSE_MARKER)) ? alice.received() : null);
            assertThat(received).anyMatch(s -> s.contains(FETCH_MARKER));
            assertThat(received).anyMatch(s -> s.contains("<title>Fetch</title>"));   // page bodies too

            // neither marker is in the DOM: only the network capture sees them
            assertThat(alice.driver().getPageSource()).doesNotContain(SSE_MARKER).doesNotContain(FETCH_MARKER);
            assertThatThrownBy(() -> alice.assertNothingOf(SSE_MARKER))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(SSE_MARKER).hasMessageContaining("SSE message").hasMessageContaining("/stream");
            assertThatThrownBy(() -> alice.assertNothingOf("some-absent-value", FETCH_MARKER))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(FETCH_MARKER).hasMessageContaining("/data")
                    .hasMessageNotContaining("\"some-absent-value\"");
            alice.assertNothingOf("some-absent-value");
        }
    }

    @Test
    void assertNothingOfSeesTheDom() {
        try (Browser alice = Browser.open("alice", SHOTS)) {
            alice.go(url("/good"));
            alice.type(By.id("offer"), "typed-by-alice");
            assertThatThrownBy(() -> alice.assertNothingOf("Your offer"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("\"Your offer\" in the DOM of");
        }
    }

    @Test
    void assertAccessibleFailsOnTheBadPageAndPassesOnTheGoodOne() {
        try (Browser alice = Browser.open("alice", SHOTS)) {
            alice.go(url("/bad"));
            assertThatThrownBy(() -> alice.assertAccessible("bad"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt").hasMessageContaining("label")
                    .hasMessageContaining("critical").hasMessageContaining("img");
            alice.go(url("/good"));
            alice.assertAccessible("good");
        }
    }

    @Test
    void screenshotsAtDesktopAndPhoneWidths() throws IOException {
        try (Browser alice = Browser.open("alice", SHOTS)) {
            alice.go(url("/good"));
            List<Path> first = alice.screenshots("good");
            List<Path> second = alice.screenshots("again");

            assertThat(first).extracting(p -> p.getFileName().toString())
                    .containsExactly("01-alice-good-1280.png", "01-alice-good-390.png");
            assertThat(second).extracting(p -> p.getFileName().toString())
                    .containsExactly("02-alice-again-1280.png", "02-alice-again-390.png");
            BufferedImage desktop = ImageIO.read(first.get(0).toFile());
            BufferedImage phone = ImageIO.read(first.get(1).toFile());
            assertThat(desktop.getWidth()).isEqualTo(1280);
            assertThat(desktop.getHeight()).isEqualTo(800);
            assertThat(phone.getWidth()).isEqualTo(390);
            assertThat(phone.getHeight()).isEqualTo(844);
            // the window is back at desktop size
            assertThat(alice.driver().manage().window().getSize().width).isGreaterThanOrEqualTo(1280);
            assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) alice.driver())
                    .executeScript("return window.innerWidth")).isEqualTo(1280L);
        }
    }

    @Test
    void waitForFailsNamingWhatItAwaited() {
        try (Browser alice = Browser.open("alice", SHOTS)) {
            alice.go(url("/good"));
            // the default timeout (10 s) works the same way; a short one keeps this test fast
            long start = System.nanoTime();
            assertThatThrownBy(() -> alice.waitFor(By.id("never-there"), Duration.ofMillis(1500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("waited 1.5 s for By.id: never-there")
                    .hasMessageContaining(url("/good"))
                    .hasMessageContaining("Your offer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThatThrownBy(() -> alice.waitUntil("the offer to be accepted", Duration.ofMillis(300), d -> false))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("waited 0.3 s for the offer to be accepted");
        }
    }
}
