package dev.gitfoundry.operator.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * A client-side request rate, as client-go's QPS and burst: each request takes a token before it is
 * sent, waiting when the bucket is empty. Watches are exempt: they are long-lived and reconnect on
 * the client's own threads, which must never block.
 */
final class ApiRateLimit implements Interceptor {
  private final Bucket bucket;

  ApiRateLimit(double qps, int burst) {
    long perSecond = Math.max(1, Math.round(qps));
    long capacity = burst > 0 ? burst : perSecond;
    this.bucket =
        Bucket.builder()
            .addLimit(
                limit -> limit.capacity(capacity).refillGreedy(perSecond, Duration.ofSeconds(1)))
            .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String query = request.uri().getRawQuery();
    if (query != null && query.contains("watch=true")) {
      return;
    }
    try {
      bucket.asBlocking().consume(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tokens left now, for tests. */
  long available() {
    return bucket.getAvailableTokens();
  }
}
