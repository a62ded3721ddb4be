package dev.gitfoundry.compiler.repository;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (RFC 4122 version 5), so cf sees the same GUIDs across restarts. */
public final class StableGuids {
  /** Gitfoundry's own namespace UUID for version-5 GUIDs. */
  private static final UUID NAMESPACE = UUID.fromString("6f0c1e7a-3b1d-5c8e-9a42-7d1e5b0c9f31");

  private StableGuids() {}

  public static String of(String... parts) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer namespace = ByteBuffer.allocate(16);
      namespace
          .putLong(NAMESPACE.getMostSignificantBits())
          .putLong(NAMESPACE.getLeastSignificantBits());
      sha1.update(namespace.array());
      sha1.update(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
      byte[] hash = sha1.digest();
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(bytes.getLong(), bytes.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
