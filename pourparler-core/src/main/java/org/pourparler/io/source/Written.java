package org.pourparler.io.source;

import java.util.List;
import java.util.Map;

/**
 * A scenario rendered in some format: file names (relative, no folders) mapped to their text, and
 * warnings naming everything the format could not express (a red line, a ratifier role, a note),
 * so that nothing is lost silently. Writing the files to disk is the caller's business.
 */
public record Written(Map<String, String> files, List<String> warnings) {
    public Written {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        warnings = List.copyOf(warnings);
    }
}
