package org.pourparler.room;

import java.util.Locale;

/** What the room's convener (the mediator) may see, chosen when the room opens and shown to every party before it joins. */
public enum Mediation {
    /** The convener sees every seat's profile and private moves, and the live analysis. */
    OPEN("open"),
    /** The engine holds every profile; the convener sees only what the protocol reveals and what is sent to the mediator. */
    BLIND("blind");

    private final String id;

    Mediation(String id) { this.id = id; }

    public String id() { return id; }

    /** @throws IllegalArgumentException naming the choices */
    public static Mediation of(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (Mediation m : values()) if (m.id.equals(s)) return m;
        throw new IllegalArgumentException("Unknown mediation '" + name + "'; the choices are open, blind");
    }

    @Override public String toString() { return id; }
}
