package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import java.time.Instant;
import java.util.List;

/**
 * One deployed preview as the reconciler remembers it; published as {@link PreviewStatus} in the
 * GitSource status, from which it is rebuilt after a restart.
 *
 * @param state {@code pending} (deployed, apps not ready), {@code ready} or {@code failed}
 * @param updatedAt when the head last changed, for the TTL
 */
record PreviewRecord(
    int number,
    String headSha,
    List<String> namespaces,
    String url,
    String state,
    List<String> apps,
    Instant updatedAt,
    Instant deployedAt) {
  static final String PENDING = "pending";
  static final String READY = "ready";
  static final String FAILED = "failed";

  PreviewRecord withState(String next) {
    return new PreviewRecord(number, headSha, namespaces, url, next, apps, updatedAt, deployedAt);
  }

  PreviewStatus toStatus() {
    PreviewStatus status = new PreviewStatus();
    status.setNumber(number);
    status.setHeadSha(headSha);
    status.setNamespaces(namespaces.isEmpty() ? null : List.copyOf(namespaces));
    status.setUrl(url);
    status.setState(state);
    return status;
  }

  static PreviewRecord fromStatus(PreviewStatus status, Instant updatedAt) {
    return new PreviewRecord(
        status.getNumber(),
        status.getHeadSha(),
        status.getNamespaces() == null ? List.of() : status.getNamespaces(),
        status.getUrl(),
        status.getState(),
        List.of(),
        updatedAt,
        updatedAt);
  }
}
