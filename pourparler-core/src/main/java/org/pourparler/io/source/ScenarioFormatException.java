package org.pourparler.io.source;

import org.pourparler.model.PourparlerException;

/**
 * A scenario file that cannot be read or written as asked: names the file, the place in it (a line,
 * an element or a field path) and the problem. The CLI prints {@link #getMessage()} and exits with 2.
 */
public class ScenarioFormatException extends PourparlerException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file or folder, as the user named it
     * @param location where in it ("line 12", "issue 'price'", "$.issueWeights.i1"), or null
     * @param problem  what is wrong, ideally with the fix
     */
    public ScenarioFormatException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public ScenarioFormatException(String source, String location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    private static String format(String source, String location, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null) b.append(source).append(": ");
        if (location != null && !location.isEmpty()) b.append(location).append(": ");
        return b.append(problem).toString();
    }

    public String source() { return source; }
    public String location() { return location; }
    public String problem() { return problem; }
}
