/**
 * The browser pages of the live back channel (docs/server.md, "Pages"): JTE templates compiled at
 * build time ({@code src/main/jte}), rendered from the view models here. A view model reads the
 * core's {@link org.pourparler.room.Room} for one reader — a seat or the convener — and offers
 * exactly what that reader may see; the templates only lay it out. Live updates come from the
 * room's event stream: a page's live part is fetched again (htmx) when an event arrives.
 */
package org.pourparler.server.pages;
