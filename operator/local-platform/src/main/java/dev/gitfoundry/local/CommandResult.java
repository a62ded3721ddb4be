package dev.gitfoundry.local;

/** What a finished command printed and how it exited. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Returns this result, or fails with everything the command printed. */
  public CommandResult orThrow(String what) {
    if (!succeeded()) {
      throw new IllegalStateException(
          what
              + " failed with exit code "
              + exitCode
              + "\nstdout:\n"
              + stdout
              + "\nstderr:\n"
              + stderr);
    }
    return this;
  }
}
