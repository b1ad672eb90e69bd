package org.pourparler.io.source;

import java.util.List;
import org.pourparler.model.Scenario;

/**
 * A scenario as read, with every repair or notable fact the reader reported on the way (a defect
 * it fixed, weights it normalised, a profile it skipped). Warnings are full sentences naming the file.
 */
public record ReadResult(Scenario scenario, List<String> warnings) {
    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
