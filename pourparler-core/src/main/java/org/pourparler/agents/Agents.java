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
     * {@code time-dependent:E} for any exponent E, a BOA composition
     * {@code boa:offering=time-dependent:E;acceptance=AC;model=frequency|none} (AC: {@code next},
     * {@code next:ALPHA:BETA}, {@code const:C}, {@code time:T}, {@code prev}, joined by {@code |} (either
     * accepts) or {@code &} (both accept), {@code &} binding tighter), or {@code class:NAME} for your own {@link Negotiator}
     * (a public class with a public no-argument constructor, on the class path). Definitions: docs/agents.md.
     *
     * @throws IllegalArgumentException naming the known agents
     */
    public static Negotiator create(String spec) {
        if (spec.trim().startsWith("class:")) return instantiate(spec, spec.trim().substring("class:".length()).trim());
        if (spec.trim().startsWith("boa:")) return boa(spec, spec.trim().substring("boa:".length()));
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

    private static Negotiator boa(String spec, String body) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        for (String part : body.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("Agent '" + spec + "': '" + part.trim() + "' is not key=value");
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!List.of("offering", "acceptance", "model").contains(key)) {
                throw new IllegalArgumentException("Agent '" + spec + "': unknown part '" + key + "'; a BOA agent has offering, acceptance and model");
            }
            parts.put(key, part.substring(eq + 1).trim());
        }
        String offering = parts.getOrDefault("offering", "time-dependent:0.2").toLowerCase(Locale.ROOT);
        if (!offering.startsWith("time-dependent:")) {
            throw new IllegalArgumentException("Agent '" + spec + "': the offering must be time-dependent:E");
        }
        double e = exponent(spec, offering.substring("time-dependent:".length()));
        AcceptanceCondition ac = acceptance(spec, parts.getOrDefault("acceptance", "next"));
        String model = parts.getOrDefault("model", "none").toLowerCase(Locale.ROOT);
        OpponentModel.Factory factory = switch (model) {
            case "none" -> null;
            case "frequency" -> FrequencyModel::new;
            default -> throw new IllegalArgumentException("Agent '" + spec + "': the model must be frequency or none, not '" + model + "'");
        };
        return new BoaAgent("BOA(" + body.trim() + ")", new TimeDependentOffering(e), ac, factory);
    }

    /** An acceptance condition from its text: terms joined by | (or) and & (and, binding tighter). */
    static AcceptanceCondition acceptance(String spec, String text) {
        AcceptanceCondition any = null;
        for (String alternative : text.split("\\|")) {
            AcceptanceCondition all = null;
            for (String term : alternative.split("&")) {
                AcceptanceCondition t = term(spec, term.trim().toLowerCase(Locale.ROOT));
                all = all == null ? t : all.and(t);
            }
            any = any == null ? all : any.or(all);
        }
        return any;
    }

    private static AcceptanceCondition term(String spec, String t) {
        String[] p = t.split(":");
        try {
            switch (p[0]) {
                case "next":
                    if (p.length == 1) return AcceptanceCondition.next();
                    if (p.length == 3) return AcceptanceCondition.next(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                    break;
                case "const":
                    if (p.length == 2) return AcceptanceCondition.constant(Double.parseDouble(p[1]));
                    break;
                case "time":
                    if (p.length == 2) return AcceptanceCondition.time(Double.parseDouble(p[1]));
                    break;
                case "prev":
                    if (p.length == 1) return AcceptanceCondition.previous();
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Agent '" + spec + "': a number in '" + t + "' is not a number");
        }
        throw new IllegalArgumentException("Agent '" + spec + "': unknown acceptance condition '" + t
                + "'; use next, next:ALPHA:BETA, const:C, time:T or prev, joined by | or &");
    }

    private static double exponent(String spec, String e) {
        try {
            return Double.parseDouble(e);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Agent '" + spec + "': the exponent '" + e + "' is not a number");
        }
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
