package org.pourparler.server.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The steps the page tests share: a page visited (screenshots and axe), a move made and answered, waits on the room's state. */
final class PageSteps {
    private PageSteps() { }

    /** Screenshots at both widths and the accessibility check. */
    static void visit(Browser b, String step) {
        b.screenshots(step);
        b.assertAccessible(step);
    }

    /** Clicks a button of the live part and waits until the page has answered (a new rendering). */
    static void act(Browser b, By button) {
        String before = renderKey(b.driver());
        b.click(button);
        b.waitUntil("the page to answer " + button, d -> !renderKey(d).equals(before));
    }

    /** The key of the current rendering (each rendering's forms carry a fresh one), or the URL and page when there is none. */
    static String renderKey(WebDriver d) {
        List<String> all = new ArrayList<>();
        for (WebElement k : d.findElements(By.cssSelector("input[name=key]"))) {
            try {
                all.add(k.getAttribute("value"));
            } catch (WebDriverException e) {          // replaced while read (stale, or "does not belong to the document")
                all.add("stale");
            }
        }
        return all.isEmpty() ? "none:" + d.getCurrentUrl() + ":" + text(d).hashCode() : String.join(",", all);
    }

    static void awaitMove(Browser b) {
        b.waitUntil("its move", Duration.ofSeconds(20), d -> text(d).contains("It is your move."));
    }

    static void awaitMoveOrEnd(Browser b) {
        b.waitUntil("its move or the end", Duration.ofSeconds(20),
                d -> text(d).contains("It is your move.") || !d.findElements(By.id("payoff")).isEmpty());
    }

    /** The text of the page's main part, or empty while it is being replaced. */
    static String text(WebDriver d) {
        try {
            return d.findElement(By.tagName("main")).getText();
        } catch (WebDriverException e) {              // being replaced
            return "";
        }
    }

    /** Follows a link from a page of another site (a data: page has an origin of its own), as from a webmail or a survey. */
    static void fromAnotherSite(Browser b, String link) {
        b.go("data:text/html,<a id=outside-link href='" + link + "'>Open</a>");
        b.click(By.id("outside-link"));
        b.waitUntil("this server's page", d -> d.getCurrentUrl().startsWith("http"));
    }

    /** Tabs from the top of the page to the element (at most 200 presses) and presses a key there. */
    static void keyboard(Browser b, By target, CharSequence key) {
        WebElement element = b.waitFor(target);
        b.driver().findElement(By.tagName("body")).click();
        Actions keys = new Actions(b.driver());
        for (int i = 0; i < 200; i++) {
            if (b.driver().switchTo().activeElement().equals(element)) {
                keys.sendKeys(key).perform();
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(b.name() + ": the keyboard never reached " + target);
    }
}
