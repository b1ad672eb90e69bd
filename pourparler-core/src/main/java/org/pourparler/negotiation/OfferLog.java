package org.pourparler.negotiation;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.pourparler.model.Outcome;

/**
 * The public offers of a session, as every view lists them ({@link NegotiationView#offers()}), kept
 * in primitive columns: round, time, party and the package, 20 bytes an offer where an
 * {@link OfferRecord} kept in a list costs some 40. A package offered again by the same party (an
 * agent holding its position) is kept as the same object. {@link #get} builds the record it is
 * asked for; a long session's history (millions of rounds of two hardliners) is what grows, so
 * this is what is kept small.
 */
final class OfferLog extends AbstractList<OfferRecord> implements RandomAccess {
    private int[] rounds = new int[16];
    private double[] times = new double[16];
    private int[] parties = new int[16];
    private Outcome[] outcomes = new Outcome[16];
    private int size;

    /** Appends an offer. */
    void add(int round, double time, int party, Outcome outcome) {
        if (size == rounds.length) {
            int n = size + (size >> 1);
            rounds = Arrays.copyOf(rounds, n);
            times = Arrays.copyOf(times, n);
            parties = Arrays.copyOf(parties, n);
            outcomes = Arrays.copyOf(outcomes, n);
        }
        // the same package as the party's previous offer: keep that object, not an equal copy
        for (int i = size - 1; i >= 0 && i >= size - 8; i--) {
            if (parties[i] == party) {
                if (outcomes[i].equals(outcome)) outcome = outcomes[i];
                break;
            }
        }
        rounds[size] = round;
        times[size] = time;
        parties[size] = party;
        outcomes[size] = outcome;
        size++;
        modCount++;
    }

    @Override
    public OfferRecord get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("Offer " + i + " of " + size);
        return new OfferRecord(rounds[i], times[i], parties[i], outcomes[i]);
    }

    /** The party of offer i, without building its record. */
    int party(int i) { return parties[i]; }

    /** The package of offer i, without building its record. */
    Outcome outcome(int i) { return outcomes[i]; }

    @Override
    public int size() { return size; }
}
