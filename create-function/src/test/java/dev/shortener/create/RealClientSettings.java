package dev.shortener.create;

/**
 * For tests of code that builds its own AWS clients (the handler's no-argument wiring, the admin commands): what
 * Lambda provides, a region and credentials that the default chain finds, here as the system properties the chain
 * reads. The endpoints come from each test's environment, so nothing reaches AWS.
 */
public final class RealClientSettings {

    private RealClientSettings() {}

    public static void apply() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }
}
