package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns the {@code Authorization} header the cf CLI sends in Kubernetes mode into an identity the
 * API server vouches for: {@code Bearer <token>} through a TokenReview, {@code ClientCert <base64
 * PEM cert + key>} by letting the API server authenticate the certificate itself. The API server
 * stays the only judge; answers are cached briefly.
 */
final class Authenticator {
  private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);

  private final KubernetesClient privileged;
  private final ExpiringCache<String, Optional<Identity>> verified;

  Authenticator(KubernetesClient privileged, Clock clock) {
    this.privileged = privileged;
    this.verified = new ExpiringCache<>(CACHE_LIFETIME, clock);
  }

  Identity authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw CfError.notAuthenticated();
    }
    String[] parts = authorization.trim().split("\\s+");
    if (parts.length != 2) {
      throw CfError.invalidAuthToken();
    }
    String scheme = parts[0].toLowerCase(java.util.Locale.ROOT);
    Optional<Identity> identity =
        switch (scheme) {
          case "bearer" -> verified.get("bearer " + parts[1], key -> reviewToken(parts[1]));
          case "clientcert" ->
              verified.get("clientcert " + parts[1], key -> reviewCertificate(parts[1]));
          default -> Optional.empty();
        };
    return identity.orElseThrow(CfError::invalidAuthToken);
  }

  private Optional<Identity> reviewToken(String token) {
    TokenReview review =
        privileged
            .authentication()
            .v1()
            .tokenReviews()
            .create(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build());
    if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
      return Optional.empty();
    }
    UserInfo user = review.getStatus().getUser();
    return Optional.of(Identity.of(user.getUsername(), user.getUid(), user.getGroups()));
  }

  /**
   * Presents the certificate to the API server as a client of its own; a SelfSubjectReview then
   * says whom the API server took it for. A certificate it does not trust fails the handshake or
   * comes back anonymous.
   */
  private Optional<Identity> reviewCertificate(String encoded) {
    ClientCertificate certificate;
    try {
      certificate = ClientCertificate.decode(encoded);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Config base = privileged.getConfiguration();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(base.getMasterUrl())
            .withCaCertData(base.getCaCertData())
            .withCaCertFile(base.getCaCertFile())
            .withTrustCerts(base.isTrustCerts())
            .withDisableHostnameVerification(base.isDisableHostnameVerification())
            .withClientCertData(certificate.certificatePemBase64())
            .withClientKeyData(certificate.keyPemBase64())
            .withClientKeyAlgo(certificate.keyAlgorithm())
            .withRequestTimeout(10_000)
            .build();
    try (KubernetesClient asCaller = new KubernetesClientBuilder().withConfig(config).build()) {
      SelfSubjectReview review =
          asCaller.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
      UserInfo user = review.getStatus().getUserInfo();
      if (user == null
          || user.getUsername() == null
          || "system:anonymous".equals(user.getUsername())) {
        return Optional.empty();
      }
      return Optional.of(Identity.of(user.getUsername(), user.getUid(), user.getGroups()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401 || e.getCode() == 403 || e.getCode() == 0) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
