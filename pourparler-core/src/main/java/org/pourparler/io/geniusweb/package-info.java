/**
 * GeniusWeb JSON domains and profiles, read and written with GeniusWeb's semantics; the entry
 * point is {@link org.pourparler.io.geniusweb.GeniusWebJson}.
 *
 * <h2>Semantics (as GeniusWeb's {@code geniusweb.issuevalue} and {@code geniusweb.profile.utilityspace})</h2>
 * <ul>
 * <li><b>Issues.</b> {@code {"values": [...]}} is a discrete issue (labels are JSON strings);
 * {@code {"range": [low, high, step]}} (strings or numbers; the Python port's
 * {@code {"low", "high", "step"}} object is read too) is the grid {@code low, low+step, ...}
 * up to and including the last value not above {@code high}. Ranges always become
 * {@link org.pourparler.model.RealIssue}s, even when all three are integers: GeniusWeb has no
 * integer issues, and a real issue writes back as the very same range.</li>
 * <li><b>Linear-additive profiles.</b> {@code u(bid) = sum_i w_i * u_i(v_i)}. Discrete value
 * utilities become a table; a value left out of {@code valueUtilities} counts 0, as in
 * GeniusWeb's evaluation (GeniusWeb's constructor refuses such a profile: we read it and warn).
 * Number utilities {@code (lowValue, lowUtility, highValue, highUtility)} become a two-point
 * piecewise-linear function that is 0 outside {@code [lowValue, highValue]}, as GeniusWeb's
 * {@code NumberValueSetUtilities}. GeniusWeb rounds each interpolated number utility to 8
 * decimals; we do not, so the two may differ by up to 5e-9 per number issue.</li>
 * <li><b>Weights.</b> GeniusWeb requires them to sum to exactly 1 (as decimals). We add them
 * exactly, warn when the sum is off by more than 1e-6, and divide by the sum (the model always
 * normalises). Negative, non-numeric, missing and unknown-issue weights are errors.</li>
 * <li><b>Sum-of-groups profiles.</b> The utility is the sum over groups of the utility listed
 * for the bid's combination of the group's values; a combination not listed counts 0; a
 * combination listed twice keeps the later utility (GeniusWeb builds a map).</li>
 * <li><b>Reservation.</b> The reservation value is the utility of the reservation bid
 * ({@code reservationBid}; the lower-case {@code reservationbid} of some files is read too), and
 * the bid is kept as the profile's reservation outcome. No bid, or {@code null}, means 0. A bid
 * naming an unknown issue or value (jobs1partial20.json's {@code "salary": "300"}) is invalid:
 * warning, reservation 0. A partial bid counts its missing issues 0, as GeniusWeb does.</li>
 * <li><b>Bid values.</b> GeniusWeb reads JSON strings as discrete values and numbers as number
 * values. A number naming a discrete label, or a numeric string on a number issue, is matched
 * anyway, with a warning.</li>
 * <li><b>Values GeniusWeb would refuse</b> (utilities outside [0, 1], groups that overlap or
 * leave issues uncovered, number utilities whose ends are not the range's) are read as they
 * are, with a warning naming the file and place: the numbers have one clear meaning.</li>
 * <li><b>Domains in folders.</b> Two domains agree when they have the same name, the same issue
 * names and, per issue, the same set of values or the same range; issue and value order do not
 * matter (GeniusWeb keeps them in maps). The domain file's order is used.</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * Linear-additive profiles use the new type names ({@code DiscreteValueSetUtilities},
 * {@code NumberValueSetUtilities}); sum-of-groups profiles use {@code PartsUtilities}. Weights
 * are written so that their decimal sum is exactly 1. Whatever GeniusWeb cannot express is
 * named in a warning: title, description, notes, discounting, red lines, ratifier roles, a
 * reservation value that no bid has (see {@code GeniusWebWriter.chooseReservationBid}), value
 * utilities outside [0, 1] (rescaled by a positive affine map), numeric issues valued
 * non-linearly (written as discrete issues). Hyper-rectangle utilities cannot be written.
 *
 * <h2>Hardening</h2>
 * Files are read through {@link org.pourparler.io.source.SourceFiles} (size limit); JSON nesting,
 * number length, string length and document length are bounded; duplicate keys are refused;
 * decimals with exponents beyond 400 are refused before any arithmetic. Every problem is a
 * {@link org.pourparler.io.source.ScenarioFormatException} naming the file, the JSON path and the line
 * and column.
 */
package org.pourparler.io.geniusweb;

import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
