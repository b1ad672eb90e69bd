/**
 * Reading and writing: {@link org.pourparler.io.Scenarios} detects and reads any scenario format we
 * know (our {@code pourparler/1} YAML/JSON, GENIUS XML in {@code io.genius}, GeniusWeb JSON in
 * {@code io.geniusweb}) through hardened readers whose every error names the file, the place and the
 * problem; {@link org.pourparler.io.TournamentFormat} reads tournament specifications. The only
 * package of the core that touches files. docs/formats.md and docs/scenario-format.md.
 */
package org.pourparler.io;
