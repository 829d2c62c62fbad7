package dev.shortener.create.domain.link;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which tags a link may carry: at most {@link #MAX_TAGS}, each 1 to {@link #MAX_LENGTH} characters of {@code a-z},
 * {@code 0-9}, {@code -} and {@code _}. Tags are compared and stored in lower case ({@code Summer-Sale} is
 * {@code summer-sale}), so a filter never misses a link over case; a repeated tag counts once. The characters need
 * no escaping in a query string, and a tag can't smuggle a separator into anything that joins them.
 */
public final class TagPolicy {

    public static final String FIELD = "tags";
    public static final int MAX_TAGS = 10;
    public static final int MAX_LENGTH = 32;

    /** @return the tags normalised: lower case, sorted, each once */
    public SortedSet<String> validate(List<String> tags) {
        SortedSet<String> normalised = new TreeSet<>();
        for (String tag : tags) {
            normalised.add(validateOne(tag, FIELD));
        }
        if (normalised.size() > MAX_TAGS) {
            throw new Rejection(
                    Reason.INVALID_TAGS,
                    FIELD,
                    "A link has at most " + MAX_TAGS + " tags; this request gives " + normalised.size() + ".");
        }
        return normalised;
    }

    /** One tag (also a listing's {@code tag} filter), normalised to lower case. */
    public String validateOne(String tag, String field) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > MAX_LENGTH) {
            throw new Rejection(
                    Reason.INVALID_TAGS,
                    field,
                    "A tag is 1 to " + MAX_LENGTH + " characters long; one here has " + lower.length() + ".");
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                throw new Rejection(
                        Reason.INVALID_TAGS,
                        field,
                        "Tags are made of letters a-z, digits, '-' and '_' (case is ignored); '"
                                + (lower.length() > 32 ? lower.substring(0, 32) + "..." : lower)
                                + "' has another character.");
            }
        }
        return lower;
    }
}
