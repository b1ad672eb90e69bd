/**
 * Our own readable format, {@code pourparler/1} in YAML or JSON (docs/scenario-format.md):
 * {@link org.pourparler.io.pourparler.PourparlerFormat} reads and writes it through a hardened parser
 * (no aliases, tags or duplicate keys; depth, size and line limits) into a tree of nodes that keep
 * their lines ({@link org.pourparler.io.pourparler.PourparlerNode}, read with
 * {@link org.pourparler.io.pourparler.PourparlerReader}) — the same tree tournament specifications
 * are read from.
 */
package org.pourparler.io.pourparler;
