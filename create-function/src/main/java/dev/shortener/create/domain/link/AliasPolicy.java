package dev.shortener.create.domain.link;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.util.Locale;
import java.util.Set;

/**
 * Which custom aliases may be chosen. Letters, digits, {@code -} and {@code _} only: they need no escaping in a
 * URL, and {@code #} (the links table's prefix for other kinds of item), {@code +} (the redirect's preview suffix:
 * {@code /promo+} previews {@code /promo}, and no alias can end in {@code +} to collide with a preview) and
 * {@code /} can never occur. An alias starts with a letter or digit, leaving {@code _x} and {@code -x} free for
 * paths the system may add.
 *
 * <p>Reserved words, compared ignoring case so that {@code /API} can't pose as part of the service: the paths
 * the system serves ({@code api}), and names people would take for pages of the shortener itself.
 */
public final class AliasPolicy {

    public static final String FIELD = "alias";
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;

    private static final Set<String> RESERVED = Set.of(
            "api",
            "apis",
            "admin",
            "app",
            "assets",
            "auth",
            "bulk",
            "dashboard",
            "docs",
            "favicon",
            "health",
            "healthz",
            "help",
            "index",
            "links",
            "login",
            "logout",
            "preview",
            "robots",
            "signin",
            "signup",
            "sitemap",
            "static",
            "stats",
            "status",
            "well-known",
            "www");

    /** @return the alias, unchanged */
    public String validate(String alias) {
        if (alias.length() < MIN_LENGTH || alias.length() > MAX_LENGTH) {
            throw new Rejection(
                    Reason.INVALID_ALIAS,
                    FIELD,
                    "An alias is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long; this one has "
                            + alias.length() + ".");
        }
        if (!isCodeShaped(alias) || !Character.isLetterOrDigit(alias.charAt(0))) {
            throw new Rejection(
                    Reason.INVALID_ALIAS,
                    FIELD,
                    "An alias uses only letters A-Z and a-z, digits, '-'"
                            + " and '_', and starts with a letter or digit.");
        }
        if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
            throw new Rejection(
                    Reason.RESERVED_ALIAS,
                    FIELD,
                    "'" + alias + "' is reserved for the shortener itself; choose another alias.");
        }
        return alias;
    }

    /** Whether {@code text} could be a short code or an alias at all: anything else is known not to exist. */
    public static boolean isCodeShaped(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }
}
