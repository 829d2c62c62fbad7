package dev.shortener.redirect.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Just enough content negotiation to choose between the HTML page (for people) and problem+json (for API
 * clients). JSON wins when the client rates a JSON type higher than HTML, or as high but by name while HTML is
 * only reached through a wildcard ({@code application/json, text/plain, *}{@code /*}, as axios sends). A missing
 * header, a bare {@code *}{@code /*} (curl) and every browser's header give the page.
 */
final class AcceptHeader {

    /** How well the header rates one media type: its q, and how specific the range that matched was. */
    private record Rating(double q, int specificity) {

        static final Rating NONE = new Rating(0, -1);

        boolean beats(Rating other) {
            return q > other.q || (q == other.q && q > 0 && specificity > other.specificity);
        }
    }

    /**
     * RFC 9110's qvalue: {@code "0" [ "." 0*3DIGIT ] / "1" [ "." 0*3("0") ]}. Strict, so that the CloudFront
     * function that normalises Accept at the edge (template.yaml) reads every q exactly as this class does.
     */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private AcceptHeader() {}

    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Rating json = rating(accept, "application", "json");
        Rating problemJson = rating(accept, "application", "problem+json");
        Rating bestJson = problemJson.beats(json) ? problemJson : json;
        return bestJson.beats(rating(accept, "text", "html"));
    }

    /** The q of the most specific range matching {@code type/subtype}: exact, then {@code type/*}, then {@code *}{@code /*}. */
    private static Rating rating(String accept, String type, String subtype) {
        Rating best = Rating.NONE;
        for (String range : accept.split(",")) {
            // -1 keeps empty parts: ";".split(";") is an empty array, and parts[0] would throw.
            String[] parts = range.split(";", -1);
            String media = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String rangeType = media.substring(0, slash);
            String rangeSubtype = media.substring(slash + 1);
            int specificity;
            if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
                specificity = 2;
            } else if (rangeType.equals(type) && rangeSubtype.equals("*")) {
                specificity = 1;
            } else if (rangeType.equals("*") && rangeSubtype.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > best.specificity()) {
                best = new Rating(q(parts), specificity);
            }
        }
        return best;
    }

    /** The first q parameter's value (RFC 9110 qvalue); 0 when it is malformed; 1 without one. */
    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2
                    && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                String value = parameter.substring(2).trim();
                return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
