package dev.shortener.benchmarks.fleet;

/** How much provisioned concurrency the alias asks for, decided once a minute as Application Auto Scaling does. */
public interface CapacityPolicy {

    /** Provisioned concurrency at the start of the day, already allocated. */
    int initial();

    /**
     * @param minute         the minute of the day just ended
     * @param requested      what is currently requested (allocated or being allocated)
     * @param utilisation    the metric data points so far, one per minute
     * @param firstFresh     the first minute measured entirely at the current capacity: the alarms judge the
     *                       capacity they see, so older points no longer count (otherwise one high minute
     *                       before a scale-out would scale out again, on a capacity it never saw)
     * @return what to request from now on
     */
    int decide(int minute, int requested, double[] utilisation, int firstFresh);

    String describe();

    /** A fixed value all day (the template's {@code RedirectProvisionedConcurrency} today). */
    static CapacityPolicy fixed(int provisioned) {
        return new CapacityPolicy() {
            @Override
            public int initial() {
                return provisioned;
            }

            @Override
            public int decide(int minute, int requested, double[] utilisation, int firstFresh) {
                return provisioned;
            }

            @Override
            public String describe() {
                return "static " + provisioned;
            }
        };
    }
}
