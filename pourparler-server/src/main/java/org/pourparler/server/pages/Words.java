package org.pourparler.server.pages;

import java.util.Locale;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Protocol;
import org.pourparler.room.Mediation;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomSpec;

/** The plain sentences of the pages: protocols, mediation, events, numbers. */
public final class Words {
    private Words() {}

    /** The protocol's name for people. */
    public static String protocolName(Protocol p) {
        return switch (p) {
            case ALTERNATING -> "Alternating offers";
            case SINGLE_TEXT -> "Single negotiating text";
            case BLIND -> "Blind bidding";
            case TEST_THE_WATERS -> "Test the waters";
        };
    }

    /** The protocol in one plain sentence. */
    public static String protocolSentence(Protocol p) {
        return switch (p) {
            case ALTERNATING -> "The parties take turns: on your turn you accept the offer on the table, make a counter-offer, or walk away.";
            case SINGLE_TEXT -> "The mediator drafts one text and improves it from your answers: you accept or reject each draft, and a draft everybody accepts is the deal.";
            case BLIND -> "Each round every party makes a proposal everybody sees and says in secret what it would accept; a deal is announced only where the secret answers overlap, and nobody ever sees them.";
            case TEST_THE_WATERS -> "You commit in secret to the least you would take and may only lower it; a probe tells everybody only whether a deal is now possible, never anybody's position.";
        };
    }

    /** The mediation mode in one plain sentence, as shown to a party before it joins. */
    public static String mediationSentence(Mediation m) {
        return m == Mediation.OPEN
                ? "Open mediation: the mediator sees every party's preferences and the analysis of the room. The other parties never see yours."
                : "Blind mediation: only the engine holds the parties' preferences. The mediator sees what the protocol shows everybody and what you send to the mediator; the other parties never see your preferences.";
    }

    /** A number for people: two decimals. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "–";
        if (v == Double.NEGATIVE_INFINITY) return "none";
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A package: "issue: option; issue: option". */
    public static String outcome(Domain d, Outcome o) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.issueCount(); i++) {
            if (i > 0) b.append("; ");
            b.append(d.issue(i).name()).append(": ").append(d.issue(i).label(o.value(i)));
        }
        return b.toString();
    }

    /** How a negotiation ended, for people. */
    public static String ending(Ending e) {
        return switch (e.kind()) {
            case AGREEMENT -> "Agreement.";
            case DEADLINE -> "The deadline passed without agreement.";
            case FAULT -> "The negotiation stopped: a participant failed.";
            case ZONE_EXISTS -> "A deal is possible: the committed positions overlap.";
            case PROBES_USED_UP -> "The probes are used up without finding a zone of agreement.";
            case MEMORY_LIMIT -> "The negotiation stopped: its history filled the memory set aside for it.";
            default -> {
                String t = e.toString();
                yield Character.toUpperCase(t.charAt(0)) + t.substring(1) + ".";
            }
        };
    }

    /** Who a seat index is, for people (−1 the mediator, −2 everybody). */
    public static String who(RoomSpec spec, int seat) {
        if (seat == RoomEvent.Message.MEDIATOR) return "the mediator";
        if (seat == RoomEvent.Message.EVERYBODY) return "everybody";
        return seat >= 0 && seat < spec.seats().size() ? spec.seats().get(seat).party() : "seat " + seat;
    }
}
