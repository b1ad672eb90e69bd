/**
 * The harness for browser tests of the server's pages: {@link org.pourparler.server.browser.Browser} drives
 * one headless Chromium per person (its own cookies), takes screenshots at desktop and phone widths, records
 * everything the network brought in (to prove no other party's private data reached it) and runs axe-core.
 * {@code BrowserHarnessTest} shows that each of these works.
 */
package org.pourparler.server.browser;
