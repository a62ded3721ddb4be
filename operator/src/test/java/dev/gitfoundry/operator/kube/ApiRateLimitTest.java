package dev.gitfoundry.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest {
  @Test
  void aBurstPassesThenRequestsWaitForTheRate() {
    ApiRateLimit limit = new ApiRateLimit(20, 5);
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      limit.before(null, request("/api/v1/namespaces/x/pods"), null);
    }
    for (int i = 0; i < 4; i++) {
      limit.before(null, request("/api/v1/namespaces/x/pods"), null);
    }
    // 4 more tokens at 20 per second take about 200 ms; a lower bound cannot be flaky
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
  }

  @Test
  void watchesNeverWait() {
    ApiRateLimit limit = new ApiRateLimit(1, 1);
    limit.before(null, request("/api/v1/pods"), null);
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      limit.before(null, request("/api/v1/pods?watch=true&resourceVersion=1"), null);
    }
    // had they waited for tokens at 1 per second, ten would take nine seconds at least
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  private static HttpRequest request(String path) {
    return new StandardHttpRequest.Builder()
        .uri(URI.create("https://api.example:6443" + path))
        .build();
  }
}
