package dev.shortener.benchmarks.fleet;

/** Lambda's arm64 prices in us-east-1 (aws.amazon.com/lambda/pricing), the ones the cost model uses. */
public record Pricing(
        double perRequest, double onDemandGbSecond, double provisionedGbSecond, double provisionedDurationGbSecond) {

    public static final double DAYS_PER_MONTH = 30.4;

    public static Pricing arm64() {
        return new Pricing(0.20 / 1e6, 0.0000133334, 0.0000033334, 0.0000077778);
    }
}
