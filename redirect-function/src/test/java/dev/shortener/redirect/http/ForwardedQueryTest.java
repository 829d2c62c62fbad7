package dev.shortener.redirect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.redirect.http.ForwardedQuery.Forwarded;
import dev.shortener.redirect.http.ForwardedQuery.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The merge of a visitor's query into a forwarding link's destination: the cases the issue names, and a few more. */
class ForwardedQueryTest {

    private final ForwardedQuery forwarding = new ForwardedQuery(2048);

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"&", "&&&"})
    void noParameters_leaveTheDestinationExactlyAsStored(String query) {
        Forwarded forwarded = forwarding.apply("https://example.com/p?a=1#top", query);

        assertEquals(new Forwarded("https://example.com/p?a=1#top", Result.NONE), forwarded);
    }

    @ParameterizedTest(name = "{0} + ?{1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // merge: the destination's parameters first, the visitor's after them
                "https://example.com/p?a=1     | utm_source=x&utm_medium=y | https://example.com/p?a=1&utm_source=x&utm_medium=y",
                // a destination without a query gets one; one ending in a bare '?' gets it filled
                "https://example.com/p         | b=2                       | https://example.com/p?b=2",
                "https://example.com/p?        | b=2                       | https://example.com/p?b=2",
                // duplicates: the visitor's value replaces the destination's, in the destination's place
                "https://example.com/p?a=1&b=2 | a=9&c=3                   | https://example.com/p?a=9&b=2&c=3",
                // a name the visitor repeats keeps all its values; a name the destination repeats is replaced once
                "https://example.com/p?a=1&b=2&a=3 | a=7&a=8               | https://example.com/p?a=7&a=8&b=2",
                // names compare decoded, and what was written is copied as it was
                "https://example.com/p?utm_source=old | utm%5Fsource=new   | https://example.com/p?utm%5Fsource=new",
                // a parameter without '=' is a name like any other
                "https://example.com/p?flag&a=1 | flag=on                  | https://example.com/p?flag=on&a=1",
                // empty parameters of either side are dropped, nothing else
                "https://example.com/p?a=1&&b=2 | &c=3&                    | https://example.com/p?a=1&b=2&c=3",
            })
    void merges(String destination, String query, String expected) {
        assertEquals(new Forwarded(expected, Result.MERGED), forwarding.apply(destination, query));
    }

    @Test
    void theFragmentStaysLast() {
        assertEquals(
                "https://example.com/p?a=1&b=2#section-2",
                forwarding.apply("https://example.com/p?a=1#section-2", "b=2").url());
        assertEquals(
                "https://example.com/p?b=2#frag?x=1",
                forwarding.apply("https://example.com/p#frag?x=1", "b=2").url(),
                "a '?' inside the fragment is no query");
    }

    @Test
    void escapesAreKeptAsSent_neitherDecodedNorEncodedAgain() {
        Forwarded forwarded = forwarding.apply(
                "https://example.com/caf%C3%A9?q=a%20b", "ref=%E2%9C%93&next=%2Fhome%3Fx%3D1&plus=a+b&pct=100%25");

        assertEquals(
                "https://example.com/caf%C3%A9?q=a%20b&ref=%E2%9C%93&next=%2Fhome%3Fx%3D1&plus=a+b&pct=100%25",
                forwarded.url());
    }

    @Test
    void aBrokenEscapeInAName_isComparedAsWritten() {
        assertEquals(
                "https://example.com/?%zz=2&%25zz=3",
                forwarding.apply("https://example.com/?%zz=1", "%zz=2&%25zz=3").url(),
                "a broken escape reads as written, so %zz and %25zz (decoded: %zz) name the same parameter");
        assertEquals("%zz", ForwardedQuery.name("%zz=2"));
        assertEquals("a b", ForwardedQuery.name("a+b=1"));
        assertEquals("é", ForwardedQuery.name("%C3%A9"));
        assertEquals(
                ForwardedQuery.name("%F0%9F%98%80"), ForwardedQuery.name("\uD83D\uDE00=1"), "raw and escaped alike");
    }

    @Test
    void aMergedUrlOverTheCap_isDropped_andTheDestinationSentAsStored() {
        ForwardedQuery capped = new ForwardedQuery(40);
        String destination = "https://example.com/p?a=1"; // 25 characters

        Forwarded fits = capped.apply(destination, "b=" + "x".repeat(11)); // 25 + 1 + 13 = 39
        Forwarded exactly = capped.apply(destination, "b=" + "x".repeat(12)); // 40
        Forwarded tooLong = capped.apply(destination, "b=" + "x".repeat(13)); // 41

        assertEquals(Result.MERGED, fits.result());
        assertEquals(40, exactly.url().length());
        assertEquals(Result.MERGED, exactly.result());
        assertEquals(new Forwarded(destination, Result.DROPPED_TOO_LONG), tooLong);
    }
}
