package dev.shortener.deploycheck;

/** The {@code --help} text. */
final class Usage {

    static final String TEXT = """
            usage: java -jar deploy-check/target/deploy-check.jar --stack NAME [--region R] [options]
                   java -jar deploy-check/target/deploy-check.jar --short-url URL [--api-url URL] [options]

            Checks a deployed shortener through its public URLs and prints a table of pass/fail/skip with the
            evidence; exit status 1 when a check failed, 2 for bad options. It creates its own links, changes
            and deletes only those, and deletes them at the end (also when a check fails).

            The API key: SHORTENER_API_KEY (preferred: a command line is visible to other users) or --api-key.

            What to check (explicit options win over the stack's outputs and parameters):
              --stack NAME                the stack's outputs give every URL below (cloudformation:DescribeStacks)
              --region R                  else the SDK's region chain (AWS_REGION, the profile)
              --short-url URL             ShortLinkBaseUrl: https://<CloudFront or custom domain>
              --api-url URL               ApiUrl (default <short-url>/api)
              --origin-url URL            RedirectFunctionUrl: the redirect origin, reached around CloudFront
              --management-origin-url URL ManagementApiEndpoint
              --athena-workgroup WG       AthenaWorkGroup
              --athena-database DB        GlueDatabase
              --athena-table T            default clicks
              --athena-endpoint URL       an Athena endpoint override (a VPC endpoint, a test)
              --edge-cache-seconds N      EdgeCacheSeconds (default: the stack's, else 60)
              --rate-limit-burst N        RateLimitPerKeyBurst (default: the stack's parameter)

            How:
              --destination URL           where the run's links point (default https://example.com/deploy-check;
                                          never fetched)
              --athena-wait SECONDS       wait before the Athena count (default 330: Firehose's 300 s buffer
                                          interval and the click-count function)
              --athena-timeout SECONDS    longest the query may run (default 120)
              --poll-seconds N            between the GETs that look for a PATCH (default 2)
              --rate-limit-bound N        most requests the rate-limit check sends (default 200)
              --skip NAME[,NAME]          checks to skip, by the names in the table""";

    private Usage() {}
}
