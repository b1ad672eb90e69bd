package org.pourparler.io.genius;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** File names from scenario names, and party names from file names. */
final class FileNames {
    /** The longest name part written. */
    static final int MAX_LENGTH = 60;

    private FileNames() { }

    /**
     * A name safe on every file system: letters, digits, {@code . _ -} only, other runs replaced by
     * {@code _}, no leading or trailing punctuation, at most {@link #MAX_LENGTH} characters.
     */
    static String safe(String name, String fallback) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+|[._-]+$", "");
        if (s.length() > MAX_LENGTH) s = s.substring(0, MAX_LENGTH).replaceAll("[._-]+$", "");
        return s.isEmpty() ? fallback : s;
    }

    /** {@code stem}, or {@code stem_2}, {@code stem_3}... so that no two differ only in case. */
    static String unique(String stem, Set<String> taken) {
        String s = stem;
        for (int k = 2; !taken.add(s.toLowerCase(Locale.ROOT)); k++) s = stem + "_" + k;
        return s;
    }

    /** A file name without its {@code .xml} ending. */
    static String stem(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /**
     * Party names from profile file stems. When every stem starts with the domain file's stem (or
     * that stem less a {@code domain} ending) and a separator, that prefix is dropped ({@code Car-A-domain}:
     * {@code Car-A-prof1} reads {@code prof1}; {@code KillerRobot}: {@code KillerRobot_util1} reads
     * {@code util1}); this is also how files written by {@link GeniusWriter} get their party names
     * back. Otherwise see {@link #partyNames(List)}.
     */
    static List<String> partyNames(String domainStem, List<String> stems) {
        // The whole stem first (Grocery_domain_mary beside Grocery_domain), then without "domain".
        for (String base : List.of(domainStem, domainStem.replaceAll("(?i)[-_ .]?domain$", ""))) {
            List<String> out = withoutPrefix(base, stems);
            if (out != null) return out;
        }
        return partyNames(stems);
    }

    /** The stems without {@code base} and one separator, or null when that does not leave a name for each. */
    private static List<String> withoutPrefix(String base, List<String> stems) {
        if (base.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (String s : stems) {
            if (s.length() <= base.length() + 1 || !s.startsWith(base) || "_-. ".indexOf(s.charAt(base.length())) < 0) {
                return null;
            }
            String rest = s.substring(base.length() + 1);
            if (rest.isBlank() || rest.matches("[0-9]+")) return null;
            out.add(rest);
        }
        return out;
    }

    /**
     * Party names from profile file stems: the prefix all share is dropped up to its last separator
     * ({@code _ - . space}) when every name keeps a part that is not only digits, so that
     * {@code ItexvsCypress_Itex, ItexvsCypress_Cypress} read {@code Itex, Cypress} while
     * {@code profile-1, profile-2} stay as they are. Names stay unique and deterministic.
     */
    static List<String> partyNames(List<String> stems) {
        if (stems.size() < 2) return List.copyOf(stems);
        String prefix = stems.get(0);
        for (String s : stems) {
            int k = 0;
            while (k < prefix.length() && k < s.length() && prefix.charAt(k) == s.charAt(k)) k++;
            prefix = prefix.substring(0, k);
        }
        int cut = -1;
        for (int k = 0; k < prefix.length(); k++) if ("_-. ".indexOf(prefix.charAt(k)) >= 0) cut = k + 1;
        if (cut <= 0) return List.copyOf(stems);
        List<String> out = new ArrayList<>();
        for (String s : stems) {
            String rest = s.substring(cut);
            if (rest.isBlank() || rest.matches("[0-9]+")) return List.copyOf(stems);
            out.add(rest);
        }
        return out;
    }
}
