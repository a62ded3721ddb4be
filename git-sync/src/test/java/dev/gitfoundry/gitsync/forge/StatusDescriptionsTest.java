package dev.gitfoundry.gitsync.forge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusDescriptionsTest {
  @Test
  void shortTextIsKeptOnOneLine() {
    assertThat(StatusDescriptions.trim("  3/3 apps\n running  ", 140))
        .isEqualTo("3/3 apps running");
    assertThat(StatusDescriptions.trim(null, 140)).isEmpty();
  }

  @Test
  void longTextIsCutWithAnEllipsisAtTheLimit() {
    String trimmed = StatusDescriptions.trim("a".repeat(141), 140);
    assertThat(trimmed).hasSize(140).endsWith("…");
    assertThat(StatusDescriptions.trim("a".repeat(140), 140)).hasSize(140).doesNotContain("…");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE80"; // one code point, two chars
    String trimmed = StatusDescriptions.trim(emoji.repeat(200), 10);
    assertThat(trimmed.codePointCount(0, trimmed.length())).isEqualTo(10);
    assertThat(trimmed).endsWith(emoji + "…");
  }

  @Test
  void forgeRepositoryComesFromAnyUrlForm() {
    assertThat(ForgeRepository.fromUrl("git@git.example.com:acme/apps.git"))
        .isEqualTo(new ForgeRepository("acme", "apps"));
    assertThat(ForgeRepository.fromUrl("https://git.example.com/acme/apps"))
        .isEqualTo(new ForgeRepository("acme", "apps"));
  }
}
