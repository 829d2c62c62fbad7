package dev.shortener.shortcode;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.io.PrintStream;

/**
 * Command line: prints when, by which worker id and with which sequence number a short code was minted.
 *
 * <pre>
 * SHORTCODE_SECRET=... java -cp shortcode.jar dev.shortener.shortcode.InspectCode xK92pAb
 * </pre>
 *
 * Exit status: 0 when decoded, 1 for a code that is not well formed, 2 for a usage or configuration error.
 */
public final class InspectCode {

    static final int OK = 0;
    static final int BAD_CODE = 1;
    static final int USAGE = 2;

    private InspectCode() {}

    public static void main(String[] args) {
        System.exit(run(args, Environment.system(), System.out, System.err));
    }

    /** The command, with its environment and output passed in so that it can be tested. */
    static int run(String[] args, Environment env, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("Usage: java -cp shortcode.jar " + InspectCode.class.getName() + " <code>");
            err.println("Reads the secret from the environment variable " + ShortCodeSettings.SHORTCODE_SECRET + ".");
            return USAGE;
        }
        ShortCodeInspector inspector;
        try {
            inspector = new ShortCodeInspector(ShortCodeSettings.secretFrom(env));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        try {
            ShortCodeInspector.Parts parts = inspector.inspect(args[0]);
            out.println("code      " + args[0]);
            out.println("time      " + parts.time());
            out.println("worker    " + parts.workerId());
            out.println("sequence  " + parts.sequence());
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("Not a valid short code: " + e.getMessage());
            return BAD_CODE;
        }
    }
}
