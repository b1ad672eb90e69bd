package org.pourparler.io.pourparler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document to be written as YAML or JSON: ordered mappings, lists and scalars, with numbers kept
 * as the exact text to write. Containers marked {@code compact} are written on one line when they
 * are short ({@code {min: 0, max: 10}}).
 */
sealed interface PourparlerDoc permits PourparlerDoc.Obj, PourparlerDoc.Arr, PourparlerDoc.Str,
        PourparlerDoc.Num, PourparlerDoc.Bool {

    /** An ordered mapping; add entries with {@link #put}. */
    record Obj(List<Map.Entry<String, PourparlerDoc>> entries, boolean compact) implements PourparlerDoc {
        Obj put(String key, PourparlerDoc value) {
            entries.add(Map.entry(key, value));
            return this;
        }

        Obj put(String key, String text) { return put(key, new Str(text)); }
    }

    /** A list; add items with {@link #add}. */
    record Arr(List<PourparlerDoc> items, boolean compact) implements PourparlerDoc {
        Arr add(PourparlerDoc item) {
            items.add(item);
            return this;
        }
    }

    /** Text. */
    record Str(String text) implements PourparlerDoc { }

    /** A number, as the exact text to write (see {@link PourparlerNumbers}). */
    record Num(String text) implements PourparlerDoc { }

    /** A boolean. */
    record Bool(boolean value) implements PourparlerDoc { }

    static Obj obj() { return new Obj(new ArrayList<>(), false); }

    static Obj compactObj() { return new Obj(new ArrayList<>(), true); }

    static Arr arr() { return new Arr(new ArrayList<>(), false); }

    static Arr compactArr() { return new Arr(new ArrayList<>(), true); }

    static Num num(double d) { return new Num(PourparlerNumbers.format(d)); }

    static Num num(long v) { return new Num(Long.toString(v)); }

    static Num num(java.math.BigDecimal v) { return new Num(PourparlerNumbers.format(v)); }
}
