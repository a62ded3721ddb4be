package dev.gitfoundry.compiler.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Readable, deterministic DNS-1035 names for CF names. A name that is already valid stays as it is;
 * otherwise it is cleaned up and gets a short hash of the original so that, for example, {@code My
 * App} and {@code my-app} never collide.
 */
public final class KubernetesNames {
  private KubernetesNames() {}

  /** A DNS-1035 label of at most {@code maxLength} characters. */
  public static String label(String cfName, int maxLength) {
    String cleaned =
        cfName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
    cleaned = cleaned.replaceAll("^[-0-9]+", "").replaceAll("-+$", "");
    if (cleaned.equals(cfName) && cleaned.length() <= maxLength) {
      return cleaned;
    }
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
