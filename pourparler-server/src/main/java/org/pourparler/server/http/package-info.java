/**
 * The HTTP plumbing every endpoint shares ({@link org.pourparler.server.http.Http}): who asks
 * ({@link org.pourparler.server.http.Principal}), CSRF, security headers, size limit, JSON errors,
 * the request log; actions with idempotency keys ({@link org.pourparler.server.http.Actions}); the
 * events of a room as JSON and as a live stream ({@link org.pourparler.server.http.EventStreams}).
 */
package org.pourparler.server.http;
