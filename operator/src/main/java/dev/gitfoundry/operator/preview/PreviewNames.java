package dev.gitfoundry.operator.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of preview copies: {@code <name>-pr-<n>}. Namespaces, object names and host labels are all
 * limited to 63 characters; a name too long keeps a readable prefix plus a short stable hash, so
 * two long names never collide.
 */
public final class PreviewNames {
  static final int DNS_LABEL_MAX = 63;

  private PreviewNames() {}

  public static String suffix(int number) {
    return "-pr-" + number;
  }

  /** {@code base-pr-n}, shortened with a hash of {@code base} when over 63 characters. */
  public static String of(String base, int number) {
    String suffix = suffix(number);
    String plain = base + suffix;
    if (plain.length() <= DNS_LABEL_MAX) {
      return plain;
    }
    String hash = shortHash(base);
    int keep = DNS_LABEL_MAX - suffix.length() - hash.length() - 1;
    String prefix = base.substring(0, keep).replaceAll("-+$", "");
    return prefix + "-" + hash + suffix;
  }

  /** Hostless routes get a host of their own in the preview, so they never take the domain. */
  public static String host(String host, int number) {
    return host == null || host.isEmpty() ? "pr-" + number : of(host, number);
  }

  private static String shortHash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
