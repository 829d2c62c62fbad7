package dev.shortener.deploycheck.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every option the command takes, with an example value for the error messages and the usage text. */
public final class OptionNames {

    public static final String STACK = "--stack";
    public static final String REGION = "--region";
    public static final String SHORT_URL = "--short-url";
    public static final String API_URL = "--api-url";
    public static final String ORIGIN_URL = "--origin-url";
    public static final String MANAGEMENT_ORIGIN_URL = "--management-origin-url";
    public static final String API_KEY = "--api-key";
    public static final String DESTINATION = "--destination";
    public static final String EDGE_CACHE_SECONDS = "--edge-cache-seconds";
    public static final String POLL_SECONDS = "--poll-seconds";
    public static final String RATE_LIMIT_BURST = "--rate-limit-burst";
    public static final String RATE_LIMIT_BOUND = "--rate-limit-bound";
    public static final String ATHENA_WORKGROUP = "--athena-workgroup";
    public static final String ATHENA_DATABASE = "--athena-database";
    public static final String ATHENA_TABLE = "--athena-table";
    public static final String ATHENA_WAIT = "--athena-wait";
    public static final String ATHENA_TIMEOUT = "--athena-timeout";
    public static final String ATHENA_ENDPOINT = "--athena-endpoint";
    public static final String SKIP = "--skip";

    /** The environment variable that holds the API key when {@value #API_KEY} is not given (it is safer there). */
    public static final String API_KEY_VARIABLE = "SHORTENER_API_KEY";

    static final Map<String, String> EXAMPLES;

    /** In the order of the usage text. */
    public static final List<String> ALL;

    static {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put(STACK, "url-shortener");
        examples.put(REGION, "eu-west-1");
        examples.put(SHORT_URL, "https://d111111abcdef8.cloudfront.net");
        examples.put(API_URL, "https://d111111abcdef8.cloudfront.net/api");
        examples.put(ORIGIN_URL, "https://abc123.execute-api.eu-west-1.amazonaws.com");
        examples.put(MANAGEMENT_ORIGIN_URL, "https://def456.execute-api.eu-west-1.amazonaws.com");
        examples.put(API_KEY, "shk_...");
        examples.put(DESTINATION, "https://example.com/deploy-check");
        examples.put(EDGE_CACHE_SECONDS, "60");
        examples.put(POLL_SECONDS, "2");
        examples.put(RATE_LIMIT_BURST, "60");
        examples.put(RATE_LIMIT_BOUND, "200");
        examples.put(ATHENA_WORKGROUP, "url-shortener-analytics");
        examples.put(ATHENA_DATABASE, "url_shortener_clicks");
        examples.put(ATHENA_TABLE, "clicks");
        examples.put(ATHENA_WAIT, "330");
        examples.put(ATHENA_TIMEOUT, "120");
        examples.put(ATHENA_ENDPOINT, "https://athena.eu-west-1.amazonaws.com");
        examples.put(SKIP, "gone-edge-cached,athena-count");
        EXAMPLES = Map.copyOf(examples);
        ALL = List.copyOf(examples.keySet());
    }

    private OptionNames() {}
}
