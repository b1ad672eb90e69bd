/**
 * The Pourparler server: {@link org.pourparler.server.ServerConfig} and
 * {@link org.pourparler.server.PourparlerServer}, over the store ({@code store}: the database, the
 * append-only event log, tokens, the audience rule) and the HTTP plumbing ({@code http}: principals,
 * CSRF, errors, the live stream). The room engine ({@code room}) plugs its endpoints in as
 * {@link org.pourparler.server.PourparlerServer.Extension}s. See docs/server.md.
 */
package org.pourparler.server;
