package dev.shortener.local.commands;

import dev.shortener.local.DataFolder;
import dev.shortener.local.LocalSecrets;
import dev.shortener.local.RunnerException;
import dev.shortener.local.RunnerSettings;
import dev.shortener.shortcode.ShortCodeInspector;
import dev.shortener.shortcode.ShortCodeSettings;
import java.io.PrintStream;

/** {@code inspect <code>}: the time, worker id and sequence a code was minted with, using the data folder's secret. */
public final class Inspect {

    private Inspect() {}

    public static int run(RunnerSettings settings, PrintStream out, PrintStream err) {
        if (settings.args().size() != 1) {
            err.println("usage: inspect <code>");
            return 2;
        }
        String code = settings.args().get(0);
        String secret = settings.env(ShortCodeSettings.SHORTCODE_SECRET);
        if (secret == null) {
            secret = LocalSecrets.load(DataFolder.existing(settings.data()).secretsFile())
                    .shortCodeSecret();
        }
        try {
            ShortCodeInspector.Parts parts = new ShortCodeInspector(secret).inspect(code);
            out.println("code      " + code);
            out.println("time      " + parts.time());
            out.println("worker    " + parts.workerId());
            out.println("sequence  " + parts.sequence());
            return 0;
        } catch (IllegalArgumentException e) {
            throw new RunnerException("Not a valid short code: " + e.getMessage());
        }
    }
}
