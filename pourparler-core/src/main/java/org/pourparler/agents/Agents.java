package org.pourparler.agents;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.pourparler.negotiation.Negotiator;

/** The built-in agents by name, as the CLI and tournament specifications name them. */
public final class Agents {
    private Agents() { }

    /** The names {@link #create} knows. */
    public static final List<String> NAMES = List.of("boulware", "linear", "conceder", "hardliner", "random",
            "naive-tit-for-tat", "nice-tit-for-tat", "micro", "hard-headed");

    /**
     * A fresh negotiator: {@code boulware} (e = 0.2), {@code linear} (1), {@code conceder} (2),
     * {@code hardliner} (0), {@code random}, {@code naive-tit-for-tat} (NegMAS's naive tit for tat),
     * {@code nice-tit-for-tat} (Baarslag's Nice Tit for Tat), {@code micro} (de Jonge's MiCRO),
     * {@code hard-headed} (in the spirit of HardHeaded, with its frequency model), or
     * {@code time-dependent:E} for any exponent E, or {@code class:NAME} for your own {@link Negotiator}
     * (a public class with a public no-argument constructor, on the class path). Definitions: docs/agents.md.
     *
     * @throws IllegalArgumentException naming the known agents
     */
    public static Negotiator create(String spec) {
        if (spec.trim().startsWith("class:")) return instantiate(spec, spec.trim().substring("class:".length()).trim());
        String s = spec.trim().toLowerCase(Locale.ROOT);
        Supplier<Negotiator> f = switch (s) {
            case "boulware" -> TimeDependentAgent::boulware;
            case "linear" -> TimeDependentAgent::linear;
            case "conceder" -> TimeDependentAgent::conceder;
            case "hardliner" -> TimeDependentAgent::hardliner;
            case "random" -> RandomAgent::new;
            case "naive-tit-for-tat" -> NaiveTitForTatOffering::agent;
            case "nice-tit-for-tat" -> NiceTitForTatOffering::agent;
            case "micro" -> MicroOffering::agent;
            case "hard-headed" -> HardHeadedOffering::agent;
            default -> null;
        };
        if (f != null) return f.get();
        if (s.startsWith("time-dependent:")) {
            String e = s.substring("time-dependent:".length());
            try {
                double exponent = Double.parseDouble(e);
                return TimeDependentAgent.of(exponent, "TimeDependent(e=" + e + ")");
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("Agent '" + spec + "': the exponent '" + e + "' is not a number");
            }
        }
        throw new IllegalArgumentException("Unknown agent '" + spec + "'; the agents are " + String.join(", ", NAMES)
                + ", time-dependent:E (E the concession exponent) and class:NAME (your own Negotiator class)");
    }

    private static Negotiator instantiate(String spec, String className) {
        Class<?> c;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            c = Class.forName(className, true, loader != null ? loader : Agents.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Agent '" + spec + "': class '" + className + "' is not on the class path");
        }
        if (!Negotiator.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("Agent '" + spec + "': class '" + className + "' does not implement "
                    + Negotiator.class.getName());
        }
        try {
            return (Negotiator) c.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Agent '" + spec + "': class '" + className + "' needs a public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new IllegalArgumentException("Agent '" + spec + "': creating '" + className + "' failed: " + cause);
        }
    }
}
