package dev.shortener.localservers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a server child and everything it started. The children here exit by themselves once their stdin
 * closes (that is what keeps them from outliving the JVM), so that is tried first; SIGTERM and then
 * SIGKILL follow only if they do not exit in time.
 */
final class ChildProcesses {

    private ChildProcesses() {}

    /** Returns once {@code process} and every descendant it had are gone. */
    static void stop(Process process, Duration grace) {
        // Snapshot first: a descendant whose parent exits is re-parented and no longer listed.
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        stop(process.toHandle(), grace);
        for (ProcessHandle descendant : descendants) {
            stop(descendant, grace);
        }
    }

    private static void stop(ProcessHandle handle, Duration grace) {
        if (exited(handle, grace)) {
            return;
        }
        handle.destroy();
        if (exited(handle, grace)) {
            return;
        }
        handle.destroyForcibly();
        if (!exited(handle, grace)) {
            throw new LocalServerException("Process " + handle.pid() + " did not exit even after SIGKILL.");
        }
    }

    private static boolean exited(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
