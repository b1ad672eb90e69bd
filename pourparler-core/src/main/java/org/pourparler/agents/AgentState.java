package org.pourparler.agents;

import java.util.Arrays;
import java.util.List;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.OfferRecord;

/**
 * What a {@link BoaAgent} knows during a session: its view, its offer index, the offers it has
 * made and received (with their utility for itself) and its models of the opponents. Offering
 * strategies and acceptance conditions read it; the agent updates it before every move.
 */
public final class AgentState {
    /** How many packages at or just above a target {@link #near} weighs with the opponent models. */
    public static final int NEAR_CANDIDATES = 64;

    private final NegotiationView view;
    private final OfferIndex index;
    /** Whether offers are looked up in GENIUS's sorted outcome space (GENIUS conventions, enumerable domains). */
    private final boolean geniusLookUp;
    /** That space, built on first use (agents with opponent models never need it). */
    private GeniusOutcomeSpace genius;
    private final OpponentModel[] models;
    /** The offers received and made, as positions in the view's list of offers (kept there once, not copied here). */
    private final Offers received = new Offers();
    private double[] receivedUtility = new double[16];
    private double bestReceived = Double.NEGATIVE_INFINITY;
    private final Offers own = new Offers();
    /** This agent's utility of its last offer (only the last is ever asked for). */
    private double lastOwnUtility = Double.NaN;
    private int seen;
    private int lastRank = -1;
    private Outcome lastOutcome;

    AgentState(NegotiationView view, OfferIndex index, OpponentModel.Factory factory) {
        this.view = view;
        this.index = index;
        this.geniusLookUp = view.conventions() == Conventions.GENIUS && view.domain().isEnumerable(OfferIndex.TABLE_LIMIT);
        this.models = new OpponentModel[view.parties().size()];
        if (factory != null) {
            for (int k = 0; k < models.length; k++) if (k != view.self()) models[k] = factory.create(view.domain());
        }
    }

    /** Takes in the offers published since the last call. */
    void observe() {
        List<OfferRecord> offers = view.offers();
        for (; seen < offers.size(); seen++) {
            OfferRecord r = offers.get(seen);
            if (r.party() < 0) continue;                      // a mediator's text is nobody's offer
            double u = utility(r.outcome());
            if (r.party() == view.self()) {
                lastOwnUtility = u;
                own.add(seen);
            } else {
                if (received.size() == receivedUtility.length) receivedUtility = Arrays.copyOf(receivedUtility, received.size() * 2);
                receivedUtility[received.size()] = u;
                received.add(seen);
                bestReceived = Math.max(bestReceived, u);
                if (models[r.party()] != null) models[r.party()].update(r.outcome(), r.time());
            }
        }
    }

    public NegotiationView view() { return view; }

    public Profile profile() { return view.profile(); }

    public OfferIndex index() { return index; }

    public double time() { return view.time(); }

    /** This agent's utility of a package (undiscounted). */
    public double utility(Outcome o) { return view.profile().utility().utility(o); }

    /** The model of party {@code k} (position in the view's parties), or null without models or for itself. */
    public OpponentModel model(int k) { return models[k]; }

    /** Whether the agent models its opponents. */
    public boolean hasModels() {
        for (OpponentModel m : models) if (m != null) return true;
        return false;
    }

    /** The offers received from the other negotiators, oldest first. */
    public List<OfferRecord> received() { return received; }

    public int receivedCount() { return received.size(); }

    /** This agent's utility of the {@code i}-th offer received. */
    public double receivedUtility(int i) {
        if (i < 0 || i >= received.size()) throw new IndexOutOfBoundsException(i);
        return receivedUtility[i];
    }

    /** The utility of the best offer received, or -infinity. */
    public double bestReceived() { return bestReceived; }

    /** The offers this agent has made, oldest first. */
    public List<OfferRecord> own() { return own; }

    public int ownOfferCount() { return own.size(); }

    /** The utility of this agent's last offer, or NaN before its first. */
    public double lastOwnOffer() { return lastOwnUtility; }

    /**
     * A package at or just above {@code target}: without opponent models the least such package; with
     * models, of the {@link #NEAR_CANDIDATES} least such packages the one whose worst estimated
     * opponent utility is highest (ties: the lower utility for this agent). Above the table limit the
     * index's greedy search decides. Under GENIUS conventions, without models: the package GENIUS's
     * sorted outcome space finds nearest the target ({@link GeniusOutcomeSpace}), possibly below it.
     */
    public Outcome near(double target) {
        if (geniusLookUp && !hasModels()) {
            if (genius == null) genius = GeniusOutcomeSpace.of(view);
            return genius.near(target);
        }
        if (index.size() == 0) return index.atLeast(target);
        int first = index.rankAtLeast(target);
        if (first == index.size()) return byRank(index.size() - 1);
        if (!hasModels()) return byRank(first);
        int end = Math.min(index.size(), first + NEAR_CANDIDATES);
        int best = first;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int r = first; r < end; r++) {
            int[] o = index.valuesByRank(r);
            double score = Double.POSITIVE_INFINITY;
            for (OpponentModel m : models) if (m != null) score = Math.min(score, m.utility(o));
            if (score > bestScore) {
                bestScore = score;
                best = r;
            }
        }
        return byRank(best);
    }

    /**
     * The package of a rank, the same object when the rank repeats (agents often repeat an offer).
     * Kept here, per session, not in the shared index: a field written by every session's thread
     * would bounce between cores.
     */
    private Outcome byRank(int rank) {
        if (rank != lastRank) {
            lastOutcome = index.byRank(rank);
            lastRank = rank;
        }
        return lastOutcome;
    }

    /** Some of the view's offers, by position: a read-only list that builds each record when asked. */
    private final class Offers extends java.util.AbstractList<OfferRecord> implements java.util.RandomAccess {
        private int[] at = new int[16];
        private int size;

        void add(int position) {
            if (size == at.length) at = Arrays.copyOf(at, size * 2);
            at[size++] = position;
        }

        @Override
        public OfferRecord get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException("Offer " + i + " of " + size);
            return view.offers().get(at[i]);
        }

        @Override public int size() { return size; }
    }
}
