package dev.gitfoundry.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.ForgeSpec;
import dev.gitfoundry.api.v1alpha1.ForgeType;
import dev.gitfoundry.api.v1alpha1.GitSourceSpec;
import org.junit.jupiter.api.Test;

class ForgeLinksTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void giteaLinksDropCredentialsAndKeepThePort() {
    ForgeLinks links =
        ForgeLinks.of(
            spec("http://tok:secret@127.0.0.1:3000/Acme/Manifests.git", ForgeType.GITEA, null));

    assertThat(links.repository()).isEqualTo("http://127.0.0.1:3000/Acme/Manifests");
    assertThat(links.commit(SHA)).isEqualTo("http://127.0.0.1:3000/Acme/Manifests/commit/" + SHA);
    assertThat(links.line(SHA, "acme/prod/web app/manifest.yml", 7))
        .isEqualTo(
            "http://127.0.0.1:3000/Acme/Manifests/src/commit/"
                + SHA
                + "/acme/prod/web%20app/manifest.yml#L7");
    assertThat(links.pullRequest(4)).isEqualTo("http://127.0.0.1:3000/Acme/Manifests/pulls/4");
  }

  @Test
  void githubLinksUseBlobAndPull() {
    ForgeLinks links =
        ForgeLinks.of(
            spec("git@github.com:acme/manifests.git", ForgeType.GITHUB, "https://api.github.com"));

    assertThat(links.repository()).isEqualTo("https://github.com/acme/manifests");
    assertThat(links.line(SHA, "a/manifest.yml", 3))
        .isEqualTo("https://github.com/acme/manifests/blob/" + SHA + "/a/manifest.yml#L3");
    assertThat(links.pullRequest(12)).isEqualTo("https://github.com/acme/manifests/pull/12");
  }

  @Test
  void theWebAddressComesFromTheApiUrlWhenTheCloneUrlIsSsh() {
    ForgeLinks gitea =
        ForgeLinks.of(
            spec(
                "ssh://git@git.example:2222/acme/m.git",
                ForgeType.GITEA,
                "https://git.example/gitea/api/v1"));
    ForgeLinks enterprise =
        ForgeLinks.of(
            spec("git@ghe.example:acme/m.git", ForgeType.GITHUB, "https://ghe.example/api/v3/"));
    ForgeLinks sshOnly =
        ForgeLinks.of(spec("ssh://git@git.example:2222/acme/m.git", ForgeType.GITEA, null));

    assertThat(gitea.repository()).isEqualTo("https://git.example/gitea/acme/m");
    assertThat(enterprise.repository()).isEqualTo("https://ghe.example/acme/m");
    assertThat(sshOnly.repository()).isEqualTo("https://git.example/acme/m");
  }

  @Test
  void withoutAKnownForgeThereAreNoLinks() {
    ForgeLinks none = ForgeLinks.of(spec("https://git.example/acme/m.git", ForgeType.NONE, null));
    ForgeLinks unset = ForgeLinks.of(spec("https://git.example/acme/m.git", null, null));
    ForgeLinks github = ForgeLinks.of(spec("https://github.com/acme/m", null, null));

    assertThat(none.commit(SHA)).isNull();
    assertThat(unset.line(SHA, "f.yml", 1)).isNull();
    assertThat(github.commit(SHA)).isEqualTo("https://github.com/acme/m/commit/" + SHA);
  }

  private static GitSourceSpec spec(String url, ForgeType type, String apiUrl) {
    GitSourceSpec spec = new GitSourceSpec();
    spec.setUrl(url);
    if (type != null) {
      ForgeSpec forge = new ForgeSpec();
      forge.setType(type);
      forge.setApiUrl(apiUrl);
      spec.setForge(forge);
    }
    return spec;
  }
}
