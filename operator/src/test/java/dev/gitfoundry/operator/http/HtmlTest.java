package dev.gitfoundry.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesMarkupAndBothQuotes() {
    assertThat(Html.escape("<script>alert(\"x\")</script> & 'y'"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  }

  @Test
  void linksOnlyToTheWebAndToThisServer() {
    assertThat(Html.href("https://x.example/a?b=1&c=2"))
        .isEqualTo("https://x.example/a?b=1&amp;c=2");
    assertThat(Html.href("../manifests")).isEqualTo("../manifests");
    assertThat(Html.href("javascript:alert(1)")).isNull();
    assertThat(Html.href("JavaScript:alert(1)")).isNull();
    assertThat(Html.href("data:text/html,<b>")).isNull();
    assertThat(Html.href("//evil.example/x")).isNull();
    assertThat(Html.link("javascript:alert(1)", "<b>", null)).isEqualTo("&lt;b&gt;");
  }
}
