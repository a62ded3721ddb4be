package dev.gitfoundry.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command to completion with a timeout, capturing its output. */
public final class Command {
  // End of input at once: a command that unexpectedly prompts fails instead of hanging.
  private static final File NO_INPUT = new File("/dev/null");

  private Command() {}

  public static CommandResult run(
      List<String> command, Map<String, String> environment, Path workingDir, Duration timeout) {
    Path stdout = null;
    Path stderr = null;
    try {
      // Files rather than pipes: a chatty command cannot block on a full pipe buffer.
      stdout = Files.createTempFile("gitfoundry-cmd-", ".out");
      stderr = Files.createTempFile("gitfoundry-cmd-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            "timed out after "
                + timeout
                + ": "
                + command
                + "\nstdout:\n"
                + read(stdout)
                + "\nstderr:\n"
                + read(stderr));
      }
      return new CommandResult(process.exitValue(), read(stdout), read(stderr));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      file.toFile().delete();
    }
  }
}
