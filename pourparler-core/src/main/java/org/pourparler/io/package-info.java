/**
 * Reading and writing, one package per job: {@link org.pourparler.io.Scenarios} (this package) detects
 * and reads any scenario format we know; {@code io.pourparler} is our {@code pourparler/1} YAML/JSON,
 * {@code io.genius} GENIUS XML, {@code io.geniusweb} GeniusWeb JSON, {@code io.tournament} tournament
 * specifications, {@code io.source} the rules every reader shares (regular files of bounded size, one
 * error naming the file, the place and the problem). {@link org.pourparler.io.ResultsJson} is the JSON
 * vocabulary of results. The only packages of the core that touch files; no two of them depend on
 * each other both ways. docs/formats.md and docs/scenario-format.md.
 */
package org.pourparler.io;
