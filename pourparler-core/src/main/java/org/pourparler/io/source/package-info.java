/**
 * What every reader shares: reading only regular files of bounded size ({@link org.pourparler.io.source.SourceFiles}),
 * the one error of a file that cannot be read or written as asked
 * ({@link org.pourparler.io.source.ScenarioFormatException}, naming the file, the place and the
 * problem), and what a reader returns or a writer produces. Depends on nothing else in {@code io}.
 */
package org.pourparler.io.source;
