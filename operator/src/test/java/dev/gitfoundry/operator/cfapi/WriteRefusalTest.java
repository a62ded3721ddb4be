package dev.gitfoundry.operator.cfapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteRefusalTest {
  @Test
  void repositoryUrlsLoseTheirCredentials() {
    assertThat(
            WriteRefusal.withoutCredentials("https://user:secret@git.example/acme/foundation.git"))
        .isEqualTo("https://git.example/acme/foundation.git");
    assertThat(WriteRefusal.withoutCredentials("http://127.0.0.1:3000/org/repo.git"))
        .isEqualTo("http://127.0.0.1:3000/org/repo.git");
  }

  @Test
  void errorsUseTheV3Envelope() {
    var body = CfApiHandler.envelope(CfError.unknownRequest());
    assertThat(body.toString())
        .isEqualTo(
            "{\"errors\":[{\"code\":10000,\"title\":\"CF-NotFound\",\"detail\":\"Unknown request\"}]}");
  }
}
