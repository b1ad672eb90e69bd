package org.pourparler.model;

/** A party to a negotiation: its name, its role and its private profile. */
public record Party(String name, Role role, Profile profile) {
    public Party {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A party name must not be empty");
        if (role == null) throw new IllegalArgumentException("Party '" + name + "' needs a role");
        if (profile == null) throw new IllegalArgumentException("Party '" + name + "' needs a profile");
    }

    public static Party negotiator(String name, Profile profile) { return new Party(name, Role.NEGOTIATOR, profile); }

    public static Party ratifier(String name, Profile profile) { return new Party(name, Role.RATIFIER, profile); }
}
