package dev.shortener.benchmarks.fleet;

/**
 * What the simulation assumes of Lambda beyond the measured durations; each value's source is in
 * docs/benchmarks.md beside the table.
 *
 * @param coldStart          an on-demand environment's time from the request to the start of its handling (INIT)
 * @param invokeOverheadMs   per request, time an environment is held beyond the handler's duration (not billed)
 * @param idleReclaimSeconds an idle on-demand environment is gone after this long
 * @param allocationSeconds  time for newly requested provisioned concurrency to become ready
 * @param memoryGb           the function's memory, as billed
 */
public record LambdaModel(
        QuantileDistribution coldStart,
        double invokeOverheadMs,
        double idleReclaimSeconds,
        double allocationSeconds,
        double memoryGb) {}
