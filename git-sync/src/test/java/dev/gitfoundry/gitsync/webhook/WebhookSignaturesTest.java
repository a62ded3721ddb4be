package dev.gitfoundry.gitsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
  private final byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesAKnownHmacSha256Vector() {
    // RFC 4231 test case 2
    String hex =
        java.util.HexFormat.of()
            .formatHex(
                WebhookSignatures.hmacSha256(
                    "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    assertThat(hex).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void verifiesGiteaHexSignatures() {
    String header = WebhookSignatures.giteaHeader("s3cret", body);
    assertThat(WebhookSignatures.verifyGitea("s3cret", body, header)).isTrue();
    assertThat(WebhookSignatures.verifyGitea("s3cret", body, header.toUpperCase())).isTrue();
    assertThat(WebhookSignatures.verifyGitea("other", body, header)).isFalse();
    assertThat(WebhookSignatures.verifyGitea("s3cret", "{}".getBytes(), header)).isFalse();
    assertThat(WebhookSignatures.verifyGitea("s3cret", body, "zz-not-hex")).isFalse();
    assertThat(WebhookSignatures.verifyGitea("s3cret", body, null)).isFalse();
    assertThat(WebhookSignatures.verifyGitea("s3cret", body, header.substring(2))).isFalse();
  }

  @Test
  void verifiesGitHubPrefixedSignatures() {
    String header = WebhookSignatures.gitHubHeader("s3cret", body);
    assertThat(header).startsWith("sha256=");
    assertThat(WebhookSignatures.verifyGitHub("s3cret", body, header)).isTrue();
    assertThat(WebhookSignatures.verifyGitHub("s3cret", body, header.substring(7))).isFalse();
    assertThat(WebhookSignatures.verifyGitHub("s3cret", body, "sha1=" + header.substring(7)))
        .isFalse();
  }

  @Test
  void anEmptySecretNeverVerifies() {
    assertThat(WebhookSignatures.verifyGitea("", body, "00".repeat(32))).isFalse();
    assertThat(WebhookSignatures.verifyGitea(null, body, "00".repeat(32))).isFalse();
  }
}
