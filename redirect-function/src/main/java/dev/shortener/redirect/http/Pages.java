package dev.shortener.redirect.http;

import java.time.Instant;

/**
 * The small HTML pages people see: valid HTML5, UTF-8, a title, inline styles only (no external assets, so the
 * page needs nothing but this response), every shown value escaped.
 */
final class Pages {

    /** Inline styles are allowed; scripts, frames, forms and everything else are not. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String STYLE =
            "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}"
                    + "main{max-width:40rem;margin:10vh auto;padding:0 1.5rem}h1{font-size:1.5rem}"
                    + "code{word-break:break-all;background:#eee;padding:.1rem .3rem;border-radius:3px}"
                    + ".host{font-size:1.25rem;font-weight:bold}a{color:#0645ad}";

    private Pages() {}

    /** @param code the code asked for, or null when it was not a code at all (not echoed then) */
    static String notFound(String code) {
        String where = code == null ? "this address" : "<code>/" + Html.escape(code) + "</code>";
        return page(
                "Link not found",
                "<h1>Link not found</h1>\n" + "<p>There is no link at " + where
                        + ". Check that the address was copied completely.</p>");
    }

    static String gone(String code) {
        return page(
                "Link no longer available",
                "<h1>This link is no longer available</h1>\n" + "<p>The link <code>/" + Html.escape(code)
                        + "</code> has expired or was removed by its owner.</p>");
    }

    static String unavailable() {
        return page(
                "Temporarily unavailable",
                "<h1>Temporarily unavailable</h1>\n"
                        + "<p>This link can't be looked up right now. Please try again in a few seconds.</p>");
    }

    /**
     * {@code GET /} when no {@code ROOT_REDIRECT_URL} is set: what the address is and how its links work. Nothing
     * to follow: the API and anything private stay unmentioned.
     */
    static String home() {
        return page(
                "Short links",
                "<h1>Short links</h1>\n"
                        + "<p>This address serves short links: each one is this address followed by a short code, such as"
                        + " <code>/aB3dE5f</code>, and leads to the page its owner chose.</p>\n"
                        + "<p>To see where a short link goes before following it, add a <code>+</code> to its end.</p>");
    }

    static String preview(String code, Destination destination, Instant expiresAt) {
        StringBuilder body = new StringBuilder()
                .append("<h1>Where this link goes</h1>\n")
                .append("<p>The short link <code>/")
                .append(Html.escape(code))
                .append("</code> leads to the site</p>\n")
                .append("<p class=\"host\">")
                .append(Html.escape(destination.asciiHost()))
                .append("</p>\n")
                .append("<p>Full address:<br><code>")
                .append(Html.escape(destination.displayUrl()))
                .append("</code></p>\n");
        if (expiresAt != null) {
            body.append("<p>This link works until ")
                    .append(Html.escape(expiresAt.toString()))
                    .append(".</p>\n");
        }
        if (destination.followable()) {
            // Exactly where the redirect would send the person: the same ASCII form as its Location.
            body.append("<p><a href=\"")
                    .append(Html.escape(Locations.toAscii(destination.url())))
                    .append("\" rel=\"nofollow noopener\">")
                    .append("Continue to ")
                    .append(Html.escape(destination.asciiHost()))
                    .append("</a></p>");
        } else {
            body.append("<p>This address is not a web page link, so it is not offered here.</p>");
        }
        return page("Link preview", body.toString());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<style>" + STYLE + "</style>\n"
                + "</head>\n"
                + "<body>\n<main>\n" + body + "\n</main>\n</body>\n"
                + "</html>\n";
    }
}
