/**
 * What the server keeps, in SQLite or PostgreSQL through JDBI: conveners and their one-time sign-in
 * links, sessions, rooms, seats and their tokens (stored as SHA-256 hashes), each room's append-only
 * {@link org.pourparler.server.store.EventLog} with idempotency keys, and the one rule of who sees an
 * event ({@link org.pourparler.server.store.Audience}). No HTTP here.
 */
package org.pourparler.server.store;
