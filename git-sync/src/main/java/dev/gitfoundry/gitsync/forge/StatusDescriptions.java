package dev.gitfoundry.gitsync.forge;

/** Fits commit status descriptions into a forge's length limit. */
public final class StatusDescriptions {
  public static final int GITHUB_LIMIT = 140;

  /** Gitea stores descriptions in a TEXT column; 255 keeps them readable in its UI too. */
  public static final int GITEA_LIMIT = 255;

  private static final String ELLIPSIS = "…";

  private StatusDescriptions() {}

  /**
   * One line, whitespace collapsed, at most {@code limit} characters (code points, so a cut never
   * splits a surrogate pair), with an ellipsis when something was cut.
   */
  public static String trim(String description, int limit) {
    if (description == null) {
      return "";
    }
    String oneLine = description.strip().replaceAll("\\s+", " ");
    if (oneLine.codePointCount(0, oneLine.length()) <= limit) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, limit - ELLIPSIS.length());
    return oneLine.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
