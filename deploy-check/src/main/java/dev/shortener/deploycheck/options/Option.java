package dev.shortener.deploycheck.options;

import java.util.Arrays;
import java.util.Optional;

/** Every option the command takes, in the order of the usage text, with an example value for the messages. */
public enum Option {
    STACK("--stack", "url-shortener"),
    REGION("--region", "eu-west-1"),
    SHORT_URL("--short-url", "https://d111111abcdef8.cloudfront.net"),
    API_URL("--api-url", "https://d111111abcdef8.cloudfront.net/api"),
    ORIGIN_URL("--origin-url", "https://abc123.execute-api.eu-west-1.amazonaws.com"),
    MANAGEMENT_ORIGIN_URL("--management-origin-url", "https://def456.execute-api.eu-west-1.amazonaws.com"),
    API_KEY("--api-key", "shk_..."),
    DESTINATION("--destination", "https://example.com/deploy-check"),
    EDGE_CACHE_SECONDS("--edge-cache-seconds", "60"),
    POLL_SECONDS("--poll-seconds", "2"),
    RATE_LIMIT_BURST("--rate-limit-burst", "60"),
    RATE_LIMIT_BOUND("--rate-limit-bound", "200"),
    ATHENA_WORKGROUP("--athena-workgroup", "url-shortener-analytics"),
    ATHENA_DATABASE("--athena-database", "url_shortener_clicks"),
    ATHENA_TABLE("--athena-table", "clicks"),
    ATHENA_WAIT("--athena-wait", "330"),
    ATHENA_TIMEOUT("--athena-timeout", "120"),
    ATHENA_ENDPOINT("--athena-endpoint", "https://athena.eu-west-1.amazonaws.com"),
    SKIP("--skip", "gone-edge-cached,athena-count");

    private final String flag;
    private final String example;

    Option(String flag, String example) {
        this.flag = flag;
        this.example = example;
    }

    /** As it is given on the command line, {@code --name}. */
    public String flag() {
        return flag;
    }

    /** A value it might take, for the error messages. */
    public String example() {
        return example;
    }

    @Override
    public String toString() {
        return flag;
    }

    /** The option given as {@code flag}, if the command takes it. */
    public static Optional<Option> byFlag(String flag) {
        return Arrays.stream(values())
                .filter(option -> option.flag.equals(flag))
                .findFirst();
    }
}
