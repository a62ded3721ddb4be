package dev.gitfoundry.compiler;

import java.util.Comparator;

/**
 * One finding of the compiler, located in the repository. {@code app} is null when the finding is
 * not about one application; {@code message} for manifest errors is Cloud Controller's text.
 */
public record Diagnostic(
    Severity severity, String file, int line, int column, String app, String message) {

  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: message}, the form editors and CI logs recognise. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }
}
