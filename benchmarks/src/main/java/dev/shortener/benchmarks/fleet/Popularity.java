package dev.shortener.benchmarks.fleet;

/**
 * Zipf popularity over the links that get clicks, and what it means for the two caches in front of the
 * function: CloudFront (a TTL after each miss, per regional edge cache) and Redis (one cache, a long TTL).
 * Ranks are integrated in logarithmic bins, so a hundred million links cost a few thousand terms.
 */
public final class Popularity {

    private final double[] share; // of all requests, per link in the bin
    private final double[] links; // links in the bin

    /**
     * @param links    links that get clicked at all
     * @param exponent Zipf exponent (1.0 is the classic web-object popularity; measured ones run 0.6–1.0)
     */
    public Popularity(long links, double exponent) {
        int exact = (int) Math.min(links, 1_000);
        int bins = exact + 2_000;
        double[] s = new double[bins];
        double[] n = new double[bins];
        int k = 0;
        for (int rank = 1; rank <= exact; rank++, k++) {
            s[k] = Math.pow(rank, -exponent);
            n[k] = 1;
        }
        double lo = exact + 1;
        double ratio = Math.pow((double) links / lo, 1.0 / 2_000);
        for (; k < bins && lo <= links; k++) {
            double hi = Math.min(links + 1.0, Math.max(lo + 1, Math.floor(lo * ratio)));
            n[k] = hi - lo;
            s[k] = Math.pow(Math.sqrt(lo * (hi - 1)), -exponent); // one link at the bin's geometric middle
            lo = hi;
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += s[i] * n[i];
        }
        share = new double[k];
        this.links = new double[k];
        for (int i = 0; i < k; i++) {
            share[i] = s[i] / total;
            this.links[i] = n[i];
        }
    }

    /**
     * Share of requests CloudFront answers at total rate {@code perSecond}: each of {@code caches} independent
     * caches sees 1/caches of a link's requests, and after a miss holds the answer {@code ttlSeconds}, so a
     * link with rate r costs the origin r / (1 + r·ttl/caches) requests per second.
     */
    public double edgeHitRatio(double perSecond, double ttlSeconds, int caches) {
        if (ttlSeconds <= 0) {
            return 0;
        }
        double origin = 0;
        for (int i = 0; i < share.length; i++) {
            double r = perSecond * share[i];
            origin += links[i] * r / (1 + r * ttlSeconds / caches);
        }
        return 1 - origin / perSecond;
    }

    /**
     * Share of origin requests Redis answers over a day of {@code requestsPerDay} at CloudFront, with links
     * cached for a day after a miss: a link's first origin request of the day misses, the rest hit (its
     * origin requests in a day are Poisson with the mean its popularity gives, after the edge's share).
     */
    public double redisHitRatio(double requestsPerDay, double edgeTtlSeconds, int caches, double meanPerSecond) {
        double origin = 0;
        double misses = 0;
        for (int i = 0; i < share.length; i++) {
            double r = meanPerSecond * share[i];
            double originShare = edgeTtlSeconds <= 0 ? 1 : 1 / (1 + r * edgeTtlSeconds / caches);
            double perDay = requestsPerDay * share[i] * originShare;
            origin += links[i] * perDay;
            misses += links[i] * -Math.expm1(-perDay);
        }
        return 1 - misses / origin;
    }
}
