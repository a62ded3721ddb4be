package dev.gitfoundry.compiler.manifest;

import java.util.Locale;

/** Cloud Controller normalises app and process keys with ActiveSupport's {@code underscore}. */
public final class KeyNames {
  private KeyNames() {}

  /**
   * {@code health-check-type}, {@code healthCheckType} and {@code HealthCheckType} all map alike.
   */
  public static String underscore(String key) {
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = key.charAt(i - 1);
        boolean nextIsLower = i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
        if (Character.isLowerCase(previous)
            || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextIsLower)) {
          out.append('_');
        }
      }
      out.append(c == '-' ? '_' : c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
