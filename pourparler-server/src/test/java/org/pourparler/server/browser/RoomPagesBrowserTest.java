package org.pourparler.server.browser;

import static org.pourparler.server.browser.PageSteps.*;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Event;

/**
 * The pages in a real browser (headless Chromium): for each protocol a convener and two people, each
 * in a browser of their own, open, join and complete a room — one person enters its own preferences,
 * one reloads mid-negotiation, both answer the post-settlement offer where there is one — and a
 * person plays a built-in agent. Every page is screenshot at 1280 and 390 px wide
 * ({@code target/screenshots/RoomPagesBrowserTest}) and checked with axe-core; nothing of the
 * preferences the mill entered ever reaches the bakery's browser or the convener of the blind room,
 * in the page or in any response or stream message the browser received.
 */
class RoomPagesBrowserTest {
    private static final Path SHOTS = Path.of("target/screenshots/RoomPagesBrowserTest");

    /** The bakery's numbers: its option values, weights and reservation, and its terms (weight × value) as its own page's JSON carries them. */
    private static final String[] BAKERY_PRIVATE = {"0.913579", "0.824681", "0.735791", "0.371113", "0.628887", "0.271828", "0.339041", "0.30604",
            "0.543219", "0.46371"};

    /** Two parties, a price with ten options, delivery and payment; the bakery's profile given, the mill's entered in the page. */
    private static final String SCENARIO = String.join("\n",
            "format: pourparler/1",
            "title: Flour test",
            "issues:",
            "  - name: price",
            "    options: [p0, p1, p2, p3, p4, p5, p6, p7, p8, p9]",
            "  - name: delivery",
            "    options: [weekly, fortnightly, monthly]",
            "  - name: payment",
            "    options: [on delivery, 30 days, 60 days]",
            "parties:",
            "  - name: bakery",
            "    role: negotiator",
            "    reservation: 0.271828",
            "    utility:",
            "      issues:",
            "        price:",
            "          weight: 0.371113",
            "          options: {p0: 0.913579, p1: 0.824681, p2: 0.735791, p3: 0.543219, p4: 0.46371, p5: 0.3416, p6: 0.2146, p7: 0.20159, p8: 0.1, p9: 0}",
            "        delivery:",
            "          weight: 0.628887",
            "          options: {weekly: 1, fortnightly: 0.4637, monthly: 0}",
            "        payment:",
            "          weight: 0",
            "          options: {on delivery: 0, 30 days: 0.5, 60 days: 1}",
            "  - name: mill",
            "    role: negotiator",
            "    reservation: 0.2",
            "    utility:",
            "      issues:",
            "        price: {weight: 1, options: {p0: 0, p1: 0.1, p2: 0.2, p3: 0.3, p4: 0.4, p5: 0.5, p6: 0.6, p7: 0.7, p8: 0.8, p9: 0.9}}",
            "        delivery: {weight: 1, options: {weekly: 0, fortnightly: 0.5, monthly: 1}}",
            "        payment: {weight: 1, options: {on delivery: 1, 30 days: 0.5, 60 days: 0}}",
            "");

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

    @ParameterizedTest
    @ValueSource(strings = {"alternating", "single-text", "blind", "test-the-waters"})
    void aConvenerAndTwoPeopleCompleteARoom(String protocol) {
        boolean everyPage = protocol.equals("alternating");   // the shared pages once; each protocol's own pages always
        try (Browser convener = Browser.open(protocol + "-convener", SHOTS);
             Browser bakery = Browser.open(protocol + "-bakery", SHOTS);
             Browser mill = Browser.open(protocol + "-mill", SHOTS)) {
            // the convener opens the room: the supplier deal, the mill entering its own preferences
            convener.go(t.server.signInLink());
            convener.waitFor(By.xpath("//h1[text()='Your rooms']"));
            if (everyPage) visit(convener, "rooms");
            convener.click(By.linkText("Open a new room"));
            convener.waitFor(By.partialLinkText("Supplier deal"));
            if (everyPage) visit(convener, "new-room");
            // a scenario of the test's own, pasted: the bakery's profile has numbers no page may show another
            ((JavascriptExecutor) convener.driver()).executeScript("document.getElementById('scenario-text').value = arguments[0];", SCENARIO);
            convener.click(By.xpath("//button[text()='Use this text']"));
            convener.waitFor(By.id("p-" + protocol));
            if (everyPage) visit(convener, "settings");
            convener.click(By.id("p-" + protocol));
            convener.type(By.id("rounds"), "30");
            convener.click(By.id("own-1"));
            convener.click(By.cssSelector("form.settings button[type=submit]"));
            String link0 = convener.waitFor(By.id("link-0")).getAttribute("value");
            String link1 = convener.waitFor(By.id("link-1")).getAttribute("value");
            assertThat(link0).contains("/join/").isNotEqualTo(link1);
            if (everyPage) visit(convener, "opened");
            convener.click(By.linkText("Go to the room"));
            convener.waitFor(By.id("seats-heading"));
            String room = convener.driver().getCurrentUrl().replaceFirst(".*/rooms/", "");

            // the parties: the rules and the privacy mode first, then join
            bakery.go(link0);
            bakery.waitFor(By.id("join"));
            assertThat(bakery.text(By.id("main"))).contains("Blind mediation").contains("You are bakery");
            if (everyPage) visit(bakery, "rules");
            act(bakery, By.id("join"));
            mill.go(link1);
            act(mill, By.id("join"));
            enterPreferences(mill, everyPage);
            Set<String> millsPrivate = privateValuesOf(room, 1);

            play(protocol, bakery, mill);

            for (Browser b : List.of(bakery, mill)) b.waitFor(By.id("payoff"), java.time.Duration.ofSeconds(20));
            if (bakery.driver().findElements(By.id("improve-yes")).size() > 0) {
                visit(bakery, "improvement");
                act(bakery, By.id("improve-yes"));
                mill.waitFor(By.id("improve-yes"));
                act(mill, By.id("improve-yes"));
                for (Browser b : List.of(bakery, mill)) {
                    b.waitUntil("the improvement to be decided", d -> text(d).contains("Everybody accepted"));
                    // the result is the improved deal's: what it is worth to the party, undiscounted here
                    String worth = b.text(By.id("result-heading")).isEmpty() ? "" : text(b.driver()).replaceAll("(?s).*The deal: .*?, worth ([0-9.]+) to you.*", "$1");
                    assertThat(b.text(By.id("payoff"))).contains("Your result: " + worth);
                }
            }
            visit(bakery, "result");
            visit(mill, "result");
            convener.waitUntil("the console to show the end", d -> text(d).contains("The negotiation is over"));
            visit(convener, "console-end");

            // what one seat entered reaches neither the other seat nor the blind room's convener, nor the
            // profile the convener set for the bakery the mill
            bakery.assertNothingOf(millsPrivate.toArray(String[]::new));
            convener.assertNothingOf(millsPrivate.toArray(String[]::new));
            mill.assertNothingOf(BAKERY_PRIVATE);
            mill.assertNothingOf("p0 (0.34)", "weekly (0.63)");   // the bakery's profile as its own page renders it
        }
    }

    @Test
    void aPersonPlaysABuiltInAgentAndMessagesTheMediator() {
        try (Browser convener = Browser.open("agent-convener", SHOTS); Browser person = Browser.open("agent-person", SHOTS)) {
            convener.go(t.server.signInLink());
            convener.click(By.linkText("Open a new room"));
            convener.click(By.partialLinkText("Supplier deal"));
            convener.type(By.id("rounds"), "6");
            new Select(convener.waitFor(By.id("kind-1"))).selectByValue("agent");
            convener.type(By.id("agent-1"), "conceder");
            convener.click(By.cssSelector("form.settings button[type=submit]"));
            String link = convener.waitFor(By.id("link-0")).getAttribute("value");
            convener.click(By.linkText("Go to the room"));
            convener.waitFor(By.id("seats-heading"));

            // the invite link followed from another site's page (a webmail): the person arrives signed in to its seat
            fromAnotherSite(person, link);
            person.waitFor(By.id("join"));
            // keyboard only: tab to the button and press Enter
            String before = renderKey(person.driver());
            keyboard(person, By.id("join"), org.openqa.selenium.Keys.ENTER);
            person.waitUntil("the join to be answered", d -> !renderKey(d).equals(before));
            awaitMove(person);
            keyboard(person, By.id("offer-issue-0"), org.openqa.selenium.Keys.ARROW_DOWN);
            String utilityBefore = person.text(By.id("offer-utility"));
            person.waitUntil("the utility to follow a keyboard change", d -> !d.findElement(By.id("offer-utility")).getText().equals(utilityBefore)
                    || !d.findElement(By.id("offer-issue-0")).getAttribute("value").equals("0"));
            // a message to the mediator arrives on the console without a reload
            person.type(By.id("message-text"), "Could we talk about delivery first?");
            person.click(By.cssSelector("form.message-form button[type=submit]"));
            convener.waitUntil("the message on the console", d -> text(d).contains("Could we talk about delivery first?"));
            person.waitUntil("the message in the sender's own list, the form cleared", d -> d.findElement(By.id("messages")).getText()
                    .contains("Could we talk about delivery first?") && d.findElement(By.id("message-text")).getAttribute("value").isEmpty());
            // the person holds its best package until the agent's counter-offer, then accepts
            for (int turn = 0; turn < 6 && person.driver().findElements(By.id("payoff")).isEmpty(); turn++) {
                awaitMoveOrEnd(person);
                if (!person.driver().findElements(By.id("payoff")).isEmpty()) break;
                if (turn >= 2 && !person.driver().findElements(By.id("do-accept")).isEmpty()) act(person, By.id("do-accept"));
                else act(person, By.id("do-offer"));
            }
            person.waitFor(By.id("payoff"));
            assertThat(text(person.driver())).contains("Your result");
            visit(person, "against-agent-result");
        }
    }

    @Test
    void anOpenRoomShowsItsConvenerTheLiveAnalysisAndNobodyElse() {
        try (Browser convener = Browser.open("open-convener", SHOTS); Browser person = Browser.open("open-person", SHOTS)) {
            convener.go(t.server.signInLink());
            convener.click(By.linkText("Open a new room"));
            convener.click(By.partialLinkText("Supplier deal"));
            convener.click(By.id("m-open"));
            convener.type(By.id("rounds"), "8");
            new Select(convener.waitFor(By.id("kind-1"))).selectByValue("agent");
            convener.type(By.id("agent-1"), "hardliner");
            convener.click(By.cssSelector("form.settings button[type=submit]"));
            String link = convener.waitFor(By.id("link-0")).getAttribute("value");
            convener.click(By.linkText("Go to the room"));
            convener.waitFor(By.id("zone"));
            assertThat(convener.text(By.id("zone"))).startsWith("Zone: yes.");
            assertThat(convener.driver().findElements(By.cssSelector("svg.plane polyline"))).hasSize(1);
            assertThat(convener.driver().findElement(By.cssSelector("svg.plane polyline")).getAttribute("points").split(" ")).hasSizeGreaterThan(3);

            person.go(link);
            assertThat(person.text(By.id("main"))).contains("Open mediation");
            act(person, By.id("join"));
            awaitMove(person);
            act(person, By.id("do-offer"));
            // the offer reaches the convener's plane live
            convener.waitUntil("the offer on the plane", d -> !d.findElements(By.cssSelector("svg.plane circle")).isEmpty());
            ((org.openqa.selenium.JavascriptExecutor) convener.driver()).executeScript("arguments[0].scrollIntoView()",
                    convener.driver().findElement(By.cssSelector("svg.plane")));
            visit(convener, "open-console");
            assertThat(text(convener.driver())).contains("The parties' preferences").contains("bakery: walking away gives 0.40")
                    .contains("mill: walking away gives 0.30");
            assertThat(text(person.driver())).doesNotContain("Analysis").doesNotContain("Zone:").doesNotContain("The parties' preferences")
                    .doesNotContain("walking away gives 0.30");
            visit(person, "open-party");
        }
    }

    /** Three negotiators (the seed scenario): a plane for every pair, and what blocks a deal. */
    @Test
    void anOpenRoomWithThreeNegotiatorsDrawsEveryPairAndWhatBlocksADeal() {
        try (Browser convener = Browser.open("open-three", SHOTS)) {
            convener.go(t.server.signInLink());
            convener.click(By.linkText("Open a new room"));
            convener.click(By.partialLinkText("Ukraine, January 2024"));
            convener.click(By.id("m-open"));
            convener.type(By.id("rounds"), "8");
            convener.click(By.cssSelector("form.settings button[type=submit]"));
            convener.waitFor(By.id("link-0"));
            convener.click(By.linkText("Go to the room"));
            convener.waitFor(By.id("zone"));
            assertThat(convener.text(By.id("zone"))).startsWith("Zone: no.");
            List<WebElement> planes = convener.driver().findElements(By.cssSelector("svg.plane"));
            assertThat(planes).hasSize(3);
            assertThat(planes).extracting(p -> p.findElement(By.tagName("title")).getAttribute("textContent")).containsExactly(
                    "Utility plane: Moscow across, Kyiv up", "Utility plane: Moscow across, Washington up",
                    "Utility plane: Kyiv across, Washington up");
            assertThat(convener.text(By.cssSelector("ul.diagnosis"))).contains("Blocking: Moscow and Kyiv");
            // the screenshot shows the planes
            ((org.openqa.selenium.JavascriptExecutor) convener.driver()).executeScript("arguments[0].scrollIntoView()", planes.get(0));
            visit(convener, "open-three-console");
        }
    }

    @Test
    void aConvenerWritesASmallScenarioInThePageAndAMistakeIsAPlainSentence() {
        try (Browser convener = Browser.open("small-convener", SHOTS)) {
            convener.go(t.server.signInLink());
            convener.click(By.id("seed"));                       // the seed scenario first, from the empty rooms page
            convener.waitFor(By.id("p-alternating"));
            assertThat(text(convener.driver())).contains("Ukraine");
            convener.go(t.uri("/rooms/new").toString());
            convener.type(By.id("small-title"), "Team budget");
            convener.type(By.id("small-parties"), "north office\nsouth office");
            convener.type(By.id("small-issues"), "budget 10k, 20k");   // no colon
            convener.click(By.xpath("//button[text()='Use these']"));
            convener.waitUntil("the mistake in a sentence", d -> text(d).contains("has no colon"));
            visit(convener, "small-mistake");
            // what was written comes back, to be mended rather than typed again
            assertThat(convener.driver().findElement(By.id("small-title")).getAttribute("value")).isEqualTo("Team budget");
            assertThat(convener.driver().findElement(By.id("small-issues")).getAttribute("value")).isEqualTo("budget 10k, 20k");
            convener.type(By.id("small-title"), "Team budget");
            convener.type(By.id("small-parties"), "north office\nsouth office");
            convener.type(By.id("small-issues"), "budget: 10k, 20k, 30k\nstart: March, June");
            convener.click(By.xpath("//button[text()='Use these']"));
            convener.waitFor(By.id("own-1"));
            // the parties of a scenario written in the page enter their own preferences
            assertThat(convener.driver().findElement(By.id("own-0")).isSelected()).isTrue();
            assertThat(convener.driver().findElement(By.id("own-1")).isSelected()).isTrue();
            convener.click(By.cssSelector("form.settings button[type=submit]"));
            assertThat(convener.waitFor(By.id("link-1")).getAttribute("value")).contains("/join/");
        }
    }

    // ---- the protocols, played by the two people ----

    private void play(String protocol, Browser bakery, Browser mill) {
        switch (protocol) {
            case "alternating" -> {
                awaitMove(bakery);
                // the package builder shows the package's utility as it is built
                String before = bakery.text(By.id("offer-utility"));
                new Select(bakery.driver().findElement(By.id("offer-issue-0"))).selectByIndex(4);
                bakery.waitUntil("the utility to follow the package", d -> !d.findElement(By.id("offer-utility")).getText().equals(before));
                visit(bakery, "offer");
                act(bakery, By.id("do-offer"));
                awaitMove(mill);
                // a reload mid-negotiation resumes where the party was
                mill.driver().navigate().refresh();
                awaitMove(mill);
                assertThat(text(mill.driver())).contains("On the table, from bakery");
                visit(mill, "counter");
                new Select(mill.driver().findElement(By.id("offer-issue-0"))).selectByIndex(8);
                act(mill, By.id("do-offer"));
                awaitMove(bakery);
                assertThat(bakery.text(By.cssSelector("#live"))).contains("Offers so far");
                act(bakery, By.id("do-accept"));
            }
            case "single-text" -> {
                awaitMove(bakery);
                awaitMove(mill);
                visit(bakery, "text");
                act(bakery, By.id("do-accept"));
                act(mill, By.id("do-reject"));
                for (int round = 0; round < 10 && bakery.driver().findElements(By.id("payoff")).isEmpty(); round++) {
                    awaitMoveOrEnd(bakery);
                    if (!bakery.driver().findElements(By.id("payoff")).isEmpty()) break;
                    act(bakery, By.id("do-accept"));
                    awaitMoveOrEnd(mill);
                    if (!mill.driver().findElements(By.id("payoff")).isEmpty()) break;
                    mill.driver().navigate().refresh();
                    awaitMoveOrEnd(mill);
                    act(mill, By.id("do-accept"));
                }
            }
            case "blind" -> {
                // the bakery accepts only its own proposal (a list of packages), the mill anything (a threshold)
                awaitMove(bakery);
                bakery.click(By.id("accept-packages"));
                visit(bakery, "bid");
                act(bakery, By.id("do-bid"));
                awaitMove(mill);
                mill.driver().navigate().refresh();          // a reload mid-negotiation: the move is still the mill's
                awaitMove(mill);
                mill.type(By.id("at-least"), "0");
                visit(mill, "bid");
                act(mill, By.id("do-bid"));
            }
            case "test-the-waters" -> {
                for (Browser b : List.of(bakery, mill)) {
                    awaitMove(b);
                    if (b == mill) {
                        b.driver().navigate().refresh();         // a reload mid-negotiation
                        awaitMove(b);
                    }
                    keyboard(b, By.id("level"), org.openqa.selenium.Keys.HOME);   // the slider to its least, by keyboard
                    b.waitUntil("the slider's value shown", d -> d.findElement(By.id("level-value")).getText().equals("0.00"));
                    b.click(By.id("probe"));
                    visit(b, "commit");
                    act(b, By.id("do-commit"));
                }
            }
            default -> throw new IllegalArgumentException(protocol);
        }
    }

    /** The mill rates every option with values no other profile has, weighs the issues and states its reservation. */
    private void enterPreferences(Browser mill, boolean everyPage) {
        mill.waitFor(By.id("save-profile"));
        if (everyPage) visit(mill, "preferences");
        JavascriptExecutor js = (JavascriptExecutor) mill.driver();
        List<WebElement> sliders = mill.driver().findElements(By.cssSelector("input[type=range][name^=weight-]"));
        for (int i = 0; i < sliders.size(); i++) {
            js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", sliders.get(i), String.valueOf(17 + 23 * i));
        }
        // the sliders show their shares of the whole, which sum to 100% (up to rounding)
        int shares = 0;
        for (WebElement out : mill.driver().findElements(By.cssSelector("output.share"))) shares += Integer.parseInt(out.getText().replace("%", "").trim());
        assertThat(shares).isBetween(98, 102);
        List<WebElement> ratings = mill.driver().findElements(By.cssSelector("input[type=number][name^=rate-]"));
        for (int k = 0; k < ratings.size(); k++) {
            ratings.get(k).clear();
            ratings.get(k).sendKeys(String.format(java.util.Locale.ROOT, "%.2f", (13.37 + 7.91 * k) % 97));
        }
        mill.type(By.id("reservation"), "21.37");
        mill.waitUntil("the preview of the reservation typed", d -> d.findElement(By.id("profile-preview")).getText().contains("No deal gives you 0.21"));
        String walkAway = "0.21";
        if (everyPage) {
            // the worst deal still taken, stated as a package: walking away is worth what that package is
            mill.click(By.id("reservation-package"));
            new Select(mill.driver().findElement(By.id("res-issue-0"))).selectByIndex(3);
            mill.waitUntil("the preview of the package", d -> !d.findElement(By.id("profile-preview")).getText().contains("No deal gives you 0.21"));
            walkAway = mill.text(By.id("profile-preview")).replaceAll("(?s).*No deal gives you ([0-9.]+).*", "$1");
            visit(mill, "preferences-preview");
        }
        act(mill, By.id("save-profile"));
        mill.waitUntil("the preferences to be saved", d -> text(d).contains("My preferences"));
        mill.click(By.cssSelector("#my-preferences summary"));
        assertThat(mill.text(By.id("my-preferences"))).contains("Walking away (no deal) gives you " + walkAway);
    }

    /**
     * The numbers of the profile the seat entered, as they stand in its private event (weights and
     * option values with many digits): a leak of that event or of the profile would carry them.
     */
    private Set<String> privateValuesOf(String room, int seat) {
        long id = t.server.stores().rooms().find(room).orElseThrow().id();
        Set<String> out = new LinkedHashSet<>();
        for (Event e : t.server.stores().log().read(id, 0)) {
            if (!e.type().equals("profile-entered") || e.seat() != seat) continue;
            try {
                collectLongNumbers(TestServer.JSON.readTree(e.payload()), out);
            } catch (java.io.IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }
        assertThat(out).as("the entered profile's distinctive numbers").hasSizeGreaterThan(5);
        return out;
    }

    private static void collectLongNumbers(JsonNode n, Set<String> out) {
        if (n.isNumber()) {
            String s = n.asText();
            if (s.length() >= 7 && s.contains(".")) out.add(s);
        }
        for (JsonNode c : n) collectLongNumbers(c, out);
    }


}
