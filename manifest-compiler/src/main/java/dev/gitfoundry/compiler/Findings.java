package dev.gitfoundry.compiler;

import dev.gitfoundry.compiler.yaml.Position;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics for one file, optionally about one app. */
public final class Findings {
  private final List<Diagnostic> sink;
  private final String file;
  private final String app;

  public Findings(List<Diagnostic> sink, String file) {
    this(sink, file, null);
  }

  private Findings(List<Diagnostic> sink, String file, String app) {
    this.sink = sink;
    this.file = file;
    this.app = app;
  }

  public static Findings collecting(String file) {
    return new Findings(new ArrayList<>(), file);
  }

  public Findings forApp(String appName) {
    return new Findings(sink, file, appName);
  }

  public String file() {
    return file;
  }

  public void error(Position at, String message) {
    add(Diagnostic.Severity.ERROR, at, message);
  }

  /** A Cloud Controller validation error: prefixed with the app as CC words it. */
  public void appError(Position at, String message) {
    error(at, "For application '" + app + "': " + message);
  }

  public void warning(Position at, String message) {
    add(Diagnostic.Severity.WARNING, at, message);
  }

  public boolean hasErrors() {
    return sink.stream().anyMatch(d -> d.isError() && file.equals(d.file()));
  }

  public List<Diagnostic> all() {
    return sink;
  }

  private void add(Diagnostic.Severity severity, Position at, String message) {
    Position where = at == null ? Position.START : at;
    sink.add(new Diagnostic(severity, file, where.line(), where.column(), app, message));
  }
}
