/**
 * The {@code pourparler} command (picocli): a thin shell over the core — {@code inspect},
 * {@code convert}, {@code analyze}, {@code negotiate}, {@code tournament}, {@code report} — with its
 * charts, progress bar and output-file rules (the child JVMs that contain outside agents are the core's {@code isolation} package). Exit codes:
 * 0 success, 2 a problem with the input or options, 1 a bug. docs/cli.md.
 */
package org.pourparler.cli;
