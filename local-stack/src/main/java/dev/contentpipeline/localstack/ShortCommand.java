package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command that finishes on its own (useradd, chown, elasticsearch-plugin), run to completion. */
final class ShortCommand {

    private ShortCommand() {
    }

    /** Runs the command and returns its exit code; the output goes into the exception when the code is not 0. */
    static int run(List<String> command, int... acceptedExitCodes) {
        return runWithInput(command, "", acceptedExitCodes);
    }

    /** As {@link #run}, writing {@code input} to the command's standard input (a password, never an argument). */
    static int runWithInput(List<String> command, String input, int... acceptedExitCodes) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readOutput(process));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            int exitCode = process.exitValue();
            if (exitCode != 0 && java.util.Arrays.stream(acceptedExitCodes).noneMatch((code) -> code == exitCode)) {
                throw new IllegalStateException("Failed with exit code " + exitCode + ": " + String.join(" ", command)
                        + "\n" + output.get(10, TimeUnit.SECONDS));
            }
            return exitCode;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), ex);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("Could not read the output of " + command, ex);
        }
    }

    private static String readOutput(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
