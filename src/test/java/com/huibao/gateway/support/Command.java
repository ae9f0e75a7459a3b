package com.huibao.gateway.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs an outside program (a client snippet, a verifier script, npm) and keeps what it printed. */
public final class Command {
    private static final File DEV_NULL = new File("/dev/null");

    public record Result(int exit, String out, String err) {
        public String both() {
            return out + err;
        }
    }

    private Command() {}

    public static Result run(Path dir, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("cmd-", ".out");
            Path err = Files.createTempFile("cmd-", ".err");
            try {
                Process p = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + command);
                }
                return new Result(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(127, "", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(List<String> command) {
        return run(Path.of("."), Duration.ofSeconds(60), command);
    }

    /** Whether the command runs and exits 0 (a tool is installed). */
    public static boolean works(String... command) {
        return run(Path.of("."), Duration.ofSeconds(60), List.of(command)).exit() == 0;
    }

    /**
     * A Python 3 that has the {@code cryptography} package: Debian's ({@code /usr/bin/python3} with
     * python3-cryptography, which .ci/run installs) first, then whatever {@code python3} is on the path.
     */
    public static Optional<String> pythonWithCryptography() {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (works(python, "-c", "import cryptography")) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    /** Installs a project's npm packages from its lock file unless {@code module} is there already; false if it fails. */
    public static synchronized boolean npmInstalled(Path project, String module) {
        if (Files.isDirectory(project.resolve("node_modules").resolve(module))) {
            return true;
        }
        if (!works("node", "--version")) {
            return false;
        }
        Result ci = run(
                project, Duration.ofMinutes(5), List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        return ci.exit() == 0
                && Files.isDirectory(project.resolve("node_modules").resolve(module));
    }
}
