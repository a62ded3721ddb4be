package dev.gitfoundry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitfoundryResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jackson YAML round trips: field names, and unset fields are not serialized. (fabric8's {@code
 * Serialization} lives in kubernetes-client-api, which this module must not depend on; it uses
 * Jackson the same way.)
 */
class ResourceRoundTripTest {
  static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  static final String GITSOURCE_YAML =
      """
      apiVersion: gitfoundry.dev/v1alpha1
      kind: GitSource
      metadata:
        annotations:
          gitfoundry.dev/revision: main@sha1:0123456789abcdef0123456789abcdef01234567
        generation: 2
        labels:
          gitfoundry.dev/source: manifests
        name: manifests
        namespace: acme-prod
      spec:
        url: https://git.example.com/acme/manifests.git
        branch: main
        path: /
        interval: 1m
        secretRef:
          name: git-credentials
        forge:
          type: gitea
          apiUrl: https://git.example.com/api/v1
          tokenSecretRef:
            name: forge
            key: token
          webhookSecretRef:
            name: forge
            key: webhook
          statusContext: gitfoundry
        previews:
          enabled: true
          maxOpen: 5
          allowForks: false
          ttl: 72h
        suspend: false
        prune: true
        defaultDomain: apps.example.com
      status:
        observedGeneration: 2
        conditions:
        - lastTransitionTime: 2026-01-02T03:04:05Z
          message: all good
          observedGeneration: 2
          reason: Ready
          status: "True"
          type: Ready
        lastFetchedRevision: main@sha1:0123456789abcdef0123456789abcdef01234567
        lastAppliedRevision: main@sha1:0123456789abcdef0123456789abcdef01234567
        lastAttemptedRevision: main@sha1:0123456789abcdef0123456789abcdef01234567
        inventory:
        - apiVersion: gitfoundry.dev/v1alpha1
          kind: CFApp
          namespace: acme-prod
          names:
          - api
          - web
        errors:
        - severity: error
          file: acme/prod/web/manifest.yml
          line: 7
          column: 13
          app: web
          message: "memory: '1X' is not a size"
        errorCount: 1
        history:
        - revision: main@sha1:0123456789abcdef0123456789abcdef01234567
          sha: 0123456789abcdef0123456789abcdef01234567
          subject: Give web more memory
          author: Dana Developer
          authorEmail: dana@example.com
          committedAt: 2026-12-01T10:00:00Z
          fetchedAt: 2026-12-01T10:00:02Z
          appliedAt: 2026-12-01T10:00:03Z
          posted:
          - sha: 0123456789abcdef0123456789abcdef01234567
            context: gitfoundry
            state: success
            description: 3/3 apps running
            targetUrl: https://gitfoundry.example.com/status
            postedAt: 2026-12-01T10:00:09Z
          changes:
          - action: changed
            org: acme
            space: prod
            app: web
            namespace: acme-prod
            name: web
            fields:
            - memory
          appsAdded: 0
          appsChanged: 1
          appsRemoved: 0
        previews:
        - number: 42
          headSha: 89abcdef0123456789abcdef0123456789abcdef
          namespaces:
          - acme-prod-pr-42
          url: https://web-pr-42.apps.example.com
          state: ready
      """;
  static final String CFAPP_YAML =
      """
      apiVersion: gitfoundry.dev/v1alpha1
      kind: CFApp
      metadata:
        annotations:
          gitfoundry.dev/revision: main@sha1:0123456789abcdef0123456789abcdef01234567
        generation: 2
        labels:
          gitfoundry.dev/source: manifests
        name: web
        namespace: acme-prod
      spec:
        displayName: web
        orgName: acme
        spaceName: acme-prod
        lifecycle:
          type: buildpack
          image: registry.example.com/acme/web:1
          username: robot
          buildpacks:
          - java_buildpack
          stack: cflinuxfs4
          path: acme/prod/web
        envSecretName: web-env
        processes:
        - type: web
          command: java -jar app.jar
          user: vcap
          instances: 3
          memoryMB: 1024
          diskMB: 2048
          logRateLimitBytesPerSecond: -1
          healthCheck:
            type: http
            endpoint: /health
            invocationTimeoutSeconds: 1
            intervalSeconds: 10
          readinessCheck:
            type: port
            invocationTimeoutSeconds: 1
            intervalSeconds: 10
          timeoutSeconds: 60
        services:
        - name: db
          bindingName: database
          parameters:
            pool:
              size: 10
            tls: true
        sidecars:
        - name: proxy
          command: ./proxy
          processTypes:
          - web
          memoryMB: 64
        features:
          ssh: false
        desiredState: STARTED
        cfMetadata:
          labels:
            team: payments
          annotations:
            contact: payments@example.com
        source:
          file: acme/prod/web/manifest.yml
          line: 3
      status:
        observedGeneration: 2
        conditions:
        - lastTransitionTime: 2026-01-02T03:04:05Z
          message: all good
          observedGeneration: 2
          reason: Ready
          status: "True"
          type: Ready
        guid: 6f1b1d0e-0000-5000-8000-000000000003
        processes:
        - type: web
          desiredInstances: 3
          readyInstances: 2
        urls:
        - https://web.apps.example.com
        revision: main@sha1:0123456789abcdef0123456789abcdef01234567
      """;

  static List<GitfoundryResource<?, ?>> fullResources() {
    return List.of(
        SampleResources.gitSource(),
        SampleResources.cfOrg(),
        SampleResources.cfSpace(),
        SampleResources.cfApp(),
        SampleResources.cfRoute());
  }

  @ParameterizedTest
  @MethodSource("fullResources")
  void roundTripsEveryField(GitfoundryResource<?, ?> resource) throws Exception {
    String yaml = YAML.writeValueAsString(resource);
    Object back = YAML.readValue(yaml, resource.getClass());
    assertThat(back).isEqualTo(resource);
    assertThat(YAML.writeValueAsString(back)).isEqualTo(yaml);
    assertThat(yaml).doesNotContain("null").doesNotContain("plural").doesNotContain("finalizers");
  }

  @Test
  void gitSourceFieldNames() throws Exception {
    assertThat(YAML.writeValueAsString(SampleResources.gitSource())).isEqualTo(GITSOURCE_YAML);
  }

  @Test
  void cfAppFieldNames() throws Exception {
    assertThat(YAML.writeValueAsString(SampleResources.cfApp())).isEqualTo(CFAPP_YAML);
  }

  @Test
  void unsetFieldsAreOmitted() throws Exception {
    CFApp app = new CFApp();
    app.getMetadata().setName("web");
    app.getMetadata().setNamespace("acme-prod");
    app.getSpec().setDisplayName("web");
    assertThat(YAML.writeValueAsString(app))
        .isEqualTo(
            """
            apiVersion: gitfoundry.dev/v1alpha1
            kind: CFApp
            metadata:
              name: web
              namespace: acme-prod
            spec:
              displayName: web
            """);
  }

  @Test
  void emptyButMeaningfulValuesAreKept() throws Exception {
    CFRoute route = new CFRoute();
    route.getSpec().setHost("");
    route.getSpec().setDomain("apps.example.com");
    route.setStatus(new dev.gitfoundry.api.v1alpha1.CFRouteStatus());
    GitSource source = new GitSource();
    source.getSpec().setPrune(false);
    assertThat(YAML.writeValueAsString(route.getSpec()))
        .isEqualTo("host: \"\"\ndomain: apps.example.com\n");
    assertThat(YAML.writeValueAsString(route.getStatus())).isEqualTo("{}\n");
    assertThat(YAML.writeValueAsString(source.getSpec())).isEqualTo("prune: false\n");
  }

  @Test
  void kindsAndApiVersions() {
    assertThat(new GitSource().getApiVersion()).isEqualTo("gitfoundry.dev/v1alpha1");
    assertThat(List.of(new GitSource(), new CFOrg(), new CFSpace(), new CFApp(), new CFRoute()))
        .extracting(GitfoundryResource::getKind)
        .containsExactly("GitSource", "CFOrg", "CFSpace", "CFApp", "CFRoute");
  }
}
