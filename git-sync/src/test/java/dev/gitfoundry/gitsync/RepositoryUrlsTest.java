package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://git.example.com/Acme/Apps",
        "https://git.example.com/acme/apps.git",
        "https://git.example.com/acme/apps/",
        "http://git.example.com:3000/acme/apps.git",
        "https://deployer:s3cret@git.example.com/acme/apps.git",
        "ssh://git@git.example.com:2222/acme/apps.git",
        "git@git.example.com:acme/apps.git",
        "git.example.com:acme/apps",
        "  https://GIT.example.com/acme/apps.git  "
      })
  void allFormsOfOneRepositoryNormalizeAlike(String url) {
    assertThat(RepositoryUrls.normalize(url)).isEqualTo("git.example.com/acme/apps");
  }

  @Test
  void differentRepositoriesStayDifferent() {
    assertThat(RepositoryUrls.normalize("https://git.example.com/acme/apps"))
        .isNotEqualTo(RepositoryUrls.normalize("https://git.example.com/acme/apps-staging"));
  }

  @Test
  void rejectsWhatIsNotARepositoryUrl() {
    assertThatThrownBy(() -> RepositoryUrls.normalize("just-a-name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redactionDropsUserInformation() {
    assertThat(RepositoryUrls.redact("https://deployer:s3cret@git.example.com/acme/apps.git"))
        .isEqualTo("https://git.example.com/acme/apps.git")
        .doesNotContain("s3cret");
    assertThat(RepositoryUrls.redact("https://git.example.com/a/b"))
        .isEqualTo("https://git.example.com/a/b");
  }
}
