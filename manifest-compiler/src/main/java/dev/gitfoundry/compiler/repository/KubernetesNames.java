package dev.gitfoundry.compiler.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Readable, deterministic DNS-1035 names for CF names. A name that is already valid stays as it is;
 * otherwise it is cleaned up and gets a short hash of the original so that, for example, {@code My
 * App} and {@code my-app} never collide.
 */
public final class KubernetesNames {
  private static final Pattern VALID = Pattern.compile("^[a-z]([a-z0-9-]*[a-z0-9])?$");
  private static final Pattern INVALID_RUN = Pattern.compile("[^a-z0-9-]+");
  private static final Pattern DASHES = Pattern.compile("-+");
  private static final Pattern BAD_START = Pattern.compile("^[-0-9]+");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

  private KubernetesNames() {}

  /** A DNS-1035 label of at most {@code maxLength} characters. */
  public static String label(String cfName, int maxLength) {
    if (cfName.length() <= maxLength && !cfName.contains("--") && VALID.matcher(cfName).matches()) {
      return cfName;
    }
    String cleaned = INVALID_RUN.matcher(cfName.toLowerCase(Locale.ROOT)).replaceAll("-");
    cleaned = DASHES.matcher(cleaned).replaceAll("-");
    cleaned = TRAILING_DASHES.matcher(BAD_START.matcher(cleaned).replaceAll("")).replaceAll("");
    String hash = shortHash(cfName);
    int room = maxLength - hash.length() - 1;
    String base =
        cleaned.length() > room ? cleaned.substring(0, room).replaceAll("-+$", "") : cleaned;
    return base.isEmpty() ? "x-" + hash : base + "-" + hash;
  }

  static String shortHash(String text) {
    return HexFormat.of().formatHex(sha256(text)).substring(0, 6);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
