package dev.shortener.create.domain.url;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Spots host names built to look like others (IDN homographs): {@code аpple.com} with a Cyrillic {@code а}. Two
 * rules, in the spirit of the browsers' IDN display policies (UTS #39 "highly restrictive"):
 * <ul>
 *   <li>a label mixes scripts, except the combinations of Latin with Han and Japanese kana, Han and Bopomofo, or
 *       Han and Hangul that real names use;</li>
 *   <li>a label is written entirely in Cyrillic or Greek letters that all look like Latin ones ({@code аррӏе}).</li>
 * </ul>
 * Genuine Cyrillic or Greek names ({@code пример.рф}) pass: they use letters with no Latin twin.
 */
final class Confusables {

    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    /** Cyrillic (the set Chromium's IDN spoof checker uses) and Greek letters that render like Latin ones. */
    private static final String LATIN_LOOKALIKES = "аысԁеԍһіюјӏорԛѕԝхуъьҽпгѵѡ" + "οαινρυχ";

    private Confusables() {}

    /** @param unicodeHost the host in Unicode form (after {@code IDN.toUnicode}) */
    static boolean isConfusable(String unicodeHost) {
        for (String label : unicodeHost.split("\\.")) {
            if (mixesScripts(label) || imitatesLatin(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mixesScripts(String label) {
        Set<UnicodeScript> scripts = scriptsOf(label);
        return scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(allowed -> allowed.containsAll(scripts));
    }

    private static boolean imitatesLatin(String label) {
        Set<UnicodeScript> scripts = scriptsOf(label);
        if (!scripts.equals(EnumSet.of(UnicodeScript.CYRILLIC)) && !scripts.equals(EnumSet.of(UnicodeScript.GREEK))) {
            return false;
        }
        return label.codePoints().filter(Character::isLetter).allMatch(c -> LATIN_LOOKALIKES.indexOf(c) >= 0);
    }

    private static Set<UnicodeScript> scriptsOf(String label) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        label.codePoints().filter(Character::isLetter).forEach(c -> {
            UnicodeScript script = UnicodeScript.of(c);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        });
        return scripts;
    }
}
