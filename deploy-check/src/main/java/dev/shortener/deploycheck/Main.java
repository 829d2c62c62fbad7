package dev.shortener.deploycheck;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;

/**
 * {@code java -jar deploy-check/target/deploy-check.jar --stack NAME} (see {@link Usage}): checks a deployed
 * shortener and prints a table of pass/fail/skip with the evidence. Exit status 0 when nothing failed, 1 when a
 * check failed, 2 for bad options.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            status = DeployCheck.run(args, Environment.system(), System.out, System.err);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            status = DeployCheck.USAGE;
        } catch (RuntimeException e) {
            // Reading the stack or building a client failed before any check ran (credentials, region, no stack).
            System.err.println("error: " + e.getMessage());
            status = DeployCheck.USAGE;
        }
        System.out.flush();
        System.exit(status);
    }
}
