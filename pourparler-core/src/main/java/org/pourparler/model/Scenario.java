package org.pourparler.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A negotiation scenario: a domain, the parties with their private profiles, a title, a
 * description, and provenance notes that say where each number came from.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder(domain).title("Laptop").party(Party.negotiator("buyer", p1))
 *         .party(Party.negotiator("seller", p2)).note(NoteTarget.reservation("buyer"), "from the brief").build();
 * }</pre>
 */
public final class Scenario {
    private final String title;
    private final String description;
    private final Domain domain;
    private final List<Party> parties;
    private final Map<NoteTarget, String> notes;

    private Scenario(String title, String description, Domain domain, List<Party> parties, Map<NoteTarget, String> notes) {
        if (domain == null) throw new IllegalArgumentException("A scenario needs a domain");
        this.title = title == null || title.isBlank() ? domain.name() : title;
        this.description = description == null ? "" : description;
        this.domain = domain;
        this.parties = List.copyOf(parties);
        Set<String> names = new HashSet<>();
        for (Party p : this.parties) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("Scenario '" + this.title + "' has two parties named '" + p.name() + "'");
            }
            if (!p.profile().domain().equals(domain)) {
                throw new IllegalArgumentException("The profile of party '" + p.name() + "' is over domain '"
                        + p.profile().domain().name() + "', not over the scenario's domain '" + domain.name() + "'");
            }
        }
        Map<NoteTarget, String> n = new LinkedHashMap<>();
        notes.forEach((k, v) -> {
            if (v != null && !v.isBlank()) n.put(k, v);
        });
        this.notes = Collections.unmodifiableMap(n);
    }

    public static Builder builder(Domain domain) { return new Builder(domain); }

    public String title() { return title; }
    public String description() { return description; }
    public Domain domain() { return domain; }
    public List<Party> parties() { return parties; }

    /** Provenance notes, in the order they were given. */
    public Map<NoteTarget, String> notes() { return notes; }

    /** The party with this name, or null. */
    public Party party(String name) {
        for (Party p : parties) if (p.name().equals(name)) return p;
        return null;
    }

    /** The parties with role {@link Role#NEGOTIATOR}. */
    public List<Party> negotiators() {
        return parties.stream().filter(p -> p.role() == Role.NEGOTIATOR).toList();
    }

    /**
     * The same scenario with only the named parties, in the order named.
     *
     * @throws IllegalArgumentException naming a party that does not exist and the ones that do
     */
    public Scenario withParties(List<String> names) {
        List<Party> chosen = new ArrayList<>();
        for (String name : names) {
            Party p = party(name);
            if (p == null) {
                throw new IllegalArgumentException("There is no party '" + name + "'; the parties are "
                        + parties.stream().map(Party::name).toList());
            }
            chosen.add(p);
        }
        return toBuilder().parties(chosen).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(domain).title(title).description(description).parties(parties);
        notes.forEach(b::note);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && s.title.equals(title) && s.description.equals(description)
                && s.domain.equals(domain) && s.parties.equals(parties) && s.notes.equals(notes);
    }

    @Override public int hashCode() { return title.hashCode() * 31 + domain.hashCode(); }

    @Override public String toString() { return "Scenario '" + title + "' (" + parties.size() + " parties, " + domain + ")"; }

    /** Builds a {@link Scenario}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Domain domain;
        private String title;
        private String description = "";
        private final List<Party> parties = new ArrayList<>();
        private final Map<NoteTarget, String> notes = new LinkedHashMap<>();

        private Builder(Domain domain) { this.domain = domain; }

        public Builder title(String t) { this.title = t; return this; }
        public Builder description(String d) { this.description = d; return this; }
        public Builder party(Party p) { parties.add(p); return this; }
        public Builder parties(List<Party> ps) { parties.clear(); parties.addAll(ps); return this; }
        public Builder note(NoteTarget target, String text) { notes.put(target, text); return this; }
        public Scenario build() { return new Scenario(title, description, domain, parties, notes); }
    }
}
