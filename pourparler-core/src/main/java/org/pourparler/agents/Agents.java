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

    /** Boulware: time-dependent, e = 0.2 (concedes late), AC_next. */
    public static BoaAgent boulware() { return TimeDependentAgent.boulware(); }

    /** Linear: time-dependent, e = 1, AC_next. */
    public static BoaAgent linear() { return TimeDependentAgent.linear(); }

    /** Conceder: time-dependent, e = 2 (concedes early), AC_next. */
    public static BoaAgent conceder() { return TimeDependentAgent.conceder(); }

    /** Hardliner: time-dependent, e = 0 (never concedes), AC_next. */
    public static BoaAgent hardliner() { return TimeDependentAgent.hardliner(); }

    /** Time-dependent with concession exponent {@code e}, AC_next. */
    public static BoaAgent timeDependent(double e) { return TimeDependentAgent.of(e, "TimeDependent(e=" + e + ")"); }

    /** A uniformly random package at or above the reservation value; accepts what is worth walking away for. */
    public static Negotiator random() { return new RandomAgent(); }

    /** NegMAS's naive tit for tat. */
    public static BoaAgent naiveTitForTat() { return NaiveTitForTatOffering.agent(); }

    /** Baarslag's Nice Tit for Tat, with a frequency model. */
    public static BoaAgent niceTitForTat() { return NiceTitForTatOffering.agent(); }

    /** De Jonge's MiCRO. */
    public static BoaAgent micro() { return MicroOffering.agent(); }

    /** In the spirit of ANAC 2011's HardHeaded, with its frequency model. */
    public static BoaAgent hardHeaded() { return HardHeadedOffering.agent(); }

    /**
     * A fresh negotiator: {@code boulware} (e = 0.2), {@code linear} (1), {@code conceder} (2),
     * {@code hardliner} (0), {@code random}, {@code naive-tit-for-tat} (NegMAS's naive tit for tat),
     * {@code nice-tit-for-tat} (Baarslag's Nice Tit for Tat), {@code micro} (de Jonge's MiCRO),
     * {@code hard-headed} (in the spirit of HardHeaded, with its frequency model), or
     * {@code time-dependent:E} for any exponent E, a BOA composition
     * {@code boa:offering=O;acceptance=AC;model=own|frequency|none} (O: any of {@link #OFFERINGS}; AC:
     * {@code own} (the offering's own condition: AC_next for time-dependent offerings), {@code next},
     * {@code next:ALPHA:BETA}, {@code const:C}, {@code time:T}, {@code prev}, joined by {@code |} (either
     * accepts) or {@code &} (both accept), {@code &} binding tighter; the model by default the
     * offering's own), or {@code class:NAME} for your own {@link Negotiator}
     * (a public class with a public no-argument constructor, on the class path). Definitions: docs/agents.md.
     *
     * @throws IllegalArgumentException naming the known agents
     */
    public static Negotiator create(String spec) {
        if (spec.trim().startsWith("class:")) return instantiate(spec, spec.trim().substring("class:".length()).trim());
        if (spec.trim().startsWith("boa:")) return boa(spec, spec.trim().substring("boa:".length()));
        String s = spec.trim().toLowerCase(Locale.ROOT);
        Supplier<Negotiator> f = switch (s) {
            case "boulware" -> Agents::boulware;
            case "linear" -> Agents::linear;
            case "conceder" -> Agents::conceder;
            case "hardliner" -> Agents::hardliner;
            case "random" -> Agents::random;
            case "naive-tit-for-tat" -> Agents::naiveTitForTat;
            case "nice-tit-for-tat" -> Agents::niceTitForTat;
            case "micro" -> Agents::micro;
            case "hard-headed" -> Agents::hardHeaded;
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

    /** The offering strategies a BOA composition can name, in the order docs and help list them. */
    public static final List<String> OFFERINGS = List.of("time-dependent:E", "boulware", "linear", "conceder", "hardliner",
            "hard-headed", "naive-tit-for-tat", "nice-tit-for-tat", "micro", "random");

    /** An offering strategy with the acceptance condition and opponent model it comes with on its own. */
    private record Offering(OfferingStrategy strategy, AcceptanceCondition acceptance, OpponentModel.Factory model) { }

    private static Offering offering(String spec, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        switch (t) {
            case "boulware": return timeDependentOffering(0.2);
            case "linear": return timeDependentOffering(1.0);
            case "conceder": return timeDependentOffering(2.0);
            case "hardliner": return timeDependentOffering(0.0);
            case "hard-headed": {
                HardHeadedOffering o = new HardHeadedOffering();
                return new Offering(o, o::threshold, FrequencyModel::new);
            }
            case "naive-tit-for-tat": {
                NaiveTitForTatOffering o = new NaiveTitForTatOffering();
                return new Offering(o, o::threshold, null);
            }
            case "nice-tit-for-tat": {
                NiceTitForTatOffering o = new NiceTitForTatOffering();
                return new Offering(o, o::threshold, FrequencyModel::new);
            }
            case "micro": {
                MicroOffering o = new MicroOffering();
                return new Offering(o, o::threshold, null);
            }
            case "random": return new Offering(new RandomOffering(), AcceptanceCondition.constant(Double.NEGATIVE_INFINITY), null);
            default:
                if (t.startsWith("time-dependent:")) return timeDependentOffering(exponent(spec, t.substring("time-dependent:".length())));
                throw new IllegalArgumentException("Agent '" + spec + "': unknown offering '" + text + "'; the offerings are "
                        + String.join(", ", OFFERINGS));
        }
    }

    private static Offering timeDependentOffering(double e) {
        return new Offering(new TimeDependentOffering(e), AcceptanceCondition.next(), null);
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
            if (parts.put(key, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("Agent '" + spec + "': the part '" + key + "' is given twice");
            }
        }
        Offering o = offering(spec, parts.getOrDefault("offering", "time-dependent:0.2"));
        String acceptanceText = parts.getOrDefault("acceptance", "own");
        AcceptanceCondition ac = acceptanceText.equalsIgnoreCase("own") ? o.acceptance() : acceptance(spec, acceptanceText);
        String model = parts.getOrDefault("model", "own").toLowerCase(Locale.ROOT);
        OpponentModel.Factory factory = switch (model) {
            case "own" -> o.model();
            case "none" -> null;
            case "frequency" -> FrequencyModel::new;
            default -> throw new IllegalArgumentException("Agent '" + spec + "': the model must be own, frequency or none, not '" + model + "'");
        };
        return new BoaAgent("BOA(" + body.trim() + ")", o.strategy(), ac, factory);
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
