/**
 * Where outside agents play: child JVMs that contain a {@code class:} agent's {@code System.exit},
 * its running out of memory and its calls that never return, so they end only its own negotiation
 * ({@link org.pourparler.isolation.ChildJvms}, the {@link org.pourparler.tournament.Isolation} every
 * shell gives the tournament runner: the CLI's local runs and each Spark executor). It sits on top
 * of {@code io}: a child reads the tournament's specification and scenarios as the parent did.
 * A fault boundary, not a sandbox (docs/negotiation.md says what such an agent can still do).
 */
package org.pourparler.isolation;
