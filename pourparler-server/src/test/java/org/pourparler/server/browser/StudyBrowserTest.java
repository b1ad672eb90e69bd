package org.pourparler.server.browser;

import static org.pourparler.server.browser.PageSteps.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pourparler.server.TestServer;

/**
 * A research study in a real browser (headless Chromium): the convener creates a study; three
 * participants, each in a browser of their own, open its one link with their participant id (one from
 * a link on another site, as from a survey, where the browser withholds the session cookie), play
 * their own room against the built-in agent (two offer and then accept, one walks away) and see their
 * completion code and the Continue link carrying it; the convener's study page counts them; the
 * results CSV, fetched over HTTP with the convener's cookie, has one row per participant. Pages are
 * screenshot at 1280 and 390 px ({@code target/screenshots/StudyBrowserTest}) and checked with axe-core.
 */
class StudyBrowserTest {
    private static final Path SHOTS = Path.of("target/screenshots/StudyBrowserTest");

    private TestServer t;

    @BeforeEach
    void start() throws Exception {
        Browser.assumeAvailable();
        t = TestServer.withRooms("sqlite");
    }

    @AfterEach
    void stop() {
        if (t != null) t.close();
    }

    @Test
    void threeParticipantsCompleteTheirOwnRoomsAgainstAnAgent() {
        String link;
        String studyPage;
        try (Browser convener = Browser.open("study-convener", SHOTS)) {
            convener.go(t.server.signInLink());
            convener.waitFor(By.xpath("//h1[text()='Your rooms']"));
            convener.go(t.uri("/studies").toString());
            convener.waitFor(By.xpath("//h1[text()='Your studies']"));
            visit(convener, "studies-empty");
            convener.click(By.linkText("Create a study"));
            convener.waitFor(By.id("participant"));
            visit(convener, "new-study");
            convener.type(By.id("title"), "Bread price study");
            new Select(convener.waitFor(By.id("participant"))).selectByValue("supplier-deal#0");
            convener.click(By.id("p-alternating"));
            convener.type(By.id("rounds"), "6");
            convener.type(By.id("agent"), "conceder");
            convener.type(By.id("redirect"), "https://survey.example/end?code={code}&pid={pid}");
            convener.click(By.id("create-study"));
            link = convener.waitFor(By.id("study-link")).getAttribute("value");
            assertThat(link).contains("/study/");
            visit(convener, "study-created");
            convener.click(By.linkText("Go to the study"));
            convener.waitFor(By.id("participants-heading"));
            studyPage = convener.driver().getCurrentUrl();
            visit(convener, "study");

            // three participants, each in a browser of their own, each in a room of their own
            List<String> rooms = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            String[] pids = {"PROLIFIC-A1", "PROLIFIC B2", "PROLIFIC-C3"};
            for (int k = 0; k < 3; k++) {
                try (Browser person = Browser.open("participant-" + (k + 1), SHOTS)) {
                    String personal = link + "?pid=" + pids[k].replace(" ", "%20");
                    // the first comes from another site (a survey's page): the browser withholds the session cookie there
                    if (k == 0) fromAnotherSite(person, personal);
                    else person.go(personal);
                    person.waitFor(By.id("join"));
                    rooms.add(person.driver().getCurrentUrl().replaceFirst(".*/rooms/", ""));
                    if (k == 0) visit(person, "rules");
                    act(person, By.id("join"));
                    if (k == 2) {
                        awaitMove(person);
                        act(person, By.id("do-end"));                  // walks away
                    } else {
                        for (int turn = 0; turn < 8 && person.driver().findElements(By.id("payoff")).isEmpty(); turn++) {
                            awaitMoveOrEnd(person);
                            if (!person.driver().findElements(By.id("payoff")).isEmpty()) break;
                            if (k == 0 && turn == 0) visit(person, "negotiate");
                            if (turn >= 1 && !person.driver().findElements(By.id("do-accept")).isEmpty()) act(person, By.id("do-accept"));
                            else act(person, By.id("do-offer"));
                        }
                    }
                    // an improvement after the deal is answered first; only then does the code appear
                    person.waitFor(By.id("payoff"), Duration.ofSeconds(20));
                    if (!person.driver().findElements(By.id("improve-yes")).isEmpty()) {
                        assertThat(person.driver().findElements(By.id("completion-code"))).isEmpty();
                        act(person, By.id("improve-no"));
                    }
                    String code = person.waitFor(By.id("completion-code"), Duration.ofSeconds(20)).getText();
                    assertThat(code).matches("[A-HJKMNP-Z2-9]{10}");
                    String continueUrl = person.waitFor(By.id("continue")).getAttribute("href");
                    assertThat(continueUrl).isEqualTo("https://survey.example/end?code=" + code + "&pid=" + pids[k].replace(" ", "%20"));
                    codes.add(code);
                    // opening the link again resumes the same room, from another site too
                    if (k == 0) fromAnotherSite(person, link);
                    else person.go(link);
                    person.waitFor(By.id("completion-code"));
                    assertThat(person.driver().getCurrentUrl()).endsWith("/rooms/" + rooms.get(k));
                    if (k == 0) visit(person, "result");
                }
            }
            assertThat(new HashSet<>(rooms)).hasSize(3);
            assertThat(new HashSet<>(codes)).hasSize(3);

            convener.go(studyPage);
            convener.waitUntil("the study page to count the participants", d -> text(d).contains("3 participants, 3 completed"));
            visit(convener, "study-done");
            assertThat(text(convener.driver())).doesNotContain(codes.get(0));

            // the results, fetched with the convener's cookie
            Cookie cookie = convener.driver().manage().getCookieNamed("pourparler_session");
            String csv = csvOf(studyPage, "pourparler_session=" + cookie.getValue());
            List<String> lines = csv.lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("participant,pid,room,joined_at,ended_at,ending,agreement,rounds,utility,payoff,");
            for (int k = 0; k < 3; k++) {
                assertThat(lines.get(k + 1)).startsWith((k + 1) + "," + pids[k] + "," + rooms.get(k) + ",").endsWith("," + codes.get(k));
            }
            assertThat(lines.get(3)).contains(",ended by bakery,");
        }
    }

    private String csvOf(String studyPage, String cookie) {
        String path = studyPage.replaceFirst("^https?://[^/]+", "") + "/results.csv";
        HttpResponse<String> r = t.get(path, Map.of("Cookie", cookie));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }


}
