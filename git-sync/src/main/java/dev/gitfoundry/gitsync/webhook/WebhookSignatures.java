package dev.gitfoundry.gitsync.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 webhook signatures as Gitea and GitHub send them. */
public final class WebhookSignatures {
  private static final String GITHUB_PREFIX = "sha256=";

  private WebhookSignatures() {}

  public static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** {@code X-Gitea-Signature}: lower-case hex of the HMAC of the raw body. */
  public static boolean verifyGitea(String secret, byte[] body, String header) {
    return header != null && matches(secret, body, header.trim());
  }

  /** {@code X-Hub-Signature-256}: {@code sha256=} followed by hex. */
  public static boolean verifyGitHub(String secret, byte[] body, String header) {
    if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith(GITHUB_PREFIX)) {
      return false;
    }
    return matches(secret, body, header.trim().substring(GITHUB_PREFIX.length()));
  }

  public static String giteaHeader(String secret, byte[] body) {
    return HexFormat.of().formatHex(hmacSha256(secret, body));
  }

  public static String gitHubHeader(String secret, byte[] body) {
    return GITHUB_PREFIX + giteaHeader(secret, body);
  }

  private static boolean matches(String secret, byte[] body, String hex) {
    if (secret == null || secret.isEmpty()) {
      return false; // an empty secret would let anyone sign
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmacSha256(secret, body), given);
  }
}
