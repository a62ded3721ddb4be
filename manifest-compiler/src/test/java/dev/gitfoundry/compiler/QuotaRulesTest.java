package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileTree;
import static dev.gitfoundry.compiler.CompilerFixtures.objects;
import static dev.gitfoundry.compiler.CompilerFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.QuotaSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quotas in foundation.yml, org.yml and space.yml, and apps checked against them. */
class QuotaRulesTest {
  private static final String FOUNDATION =
      """
      quotas:
        small:
          total_memory: 10G
          instance_memory: 1G
          app_instances: 20
          routes: 10
          route_ports: 0
          service_instances: 5
          log_rate_limit: 1M
        large:
          total-memory: 100G
          instanceMemory: unlimited
          app_instances: -1
      """;

  private static Map<String, String> repo(String... pathsAndContents) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return files;
  }

  private static List<String> located(Compilation compilation, Diagnostic.Severity severity) {
    return compilation.diagnostics().stream()
        .filter(d -> d.severity() == severity)
        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  private static CFSpace space(Compilation compilation, String name) {
    return objects(compilation, CFSpace.class).stream()
        .filter(s -> s.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void namedQuotasAreReferencedByOrgsAndSpaces() {
    Compilation compilation =
        valid(
            compileTree(
                repo(
                    "foundation.yml", FOUNDATION,
                    "acme/org.yml", "quota: large\n",
                    "acme/prod/space.yml", "quota: small\n",
                    "acme/prod/manifest.yml",
                        "applications:\n- name: web\n  memory: 512M\n  instances: 4\n"
                            + "  log-rate-limit-per-second: 1K\n",
                    "acme/dev/manifest.yml", "applications:\n- name: dev\n")));
    QuotaSpec org = objects(compilation, CFOrg.class).get(0).getSpec().getQuota();
    assertThat(org.getName()).isEqualTo("large");
    assertThat(org.getTotalMemoryMB()).isEqualTo(102400L);
    assertThat(org.getInstanceMemoryMB()).isNull();
    assertThat(org.getAppInstances()).isNull();
    assertThat(org.getGuid()).matches("[0-9a-f-]{36}");

    CFSpace prod = space(compilation, "acme-prod");
    QuotaSpec small = prod.getSpec().getQuota();
    assertThat(small.getName()).isEqualTo("small");
    assertThat(small.getTotalMemoryMB()).isEqualTo(10240L);
    assertThat(small.getInstanceMemoryMB()).isEqualTo(1024L);
    assertThat(small.getAppInstances()).isEqualTo(20);
    assertThat(small.getRoutes()).isEqualTo(10);
    assertThat(small.getReservedRoutePorts()).isZero();
    assertThat(small.getServiceInstances()).isEqualTo(5);
    assertThat(small.getLogRateLimitBytesPerSecond()).isEqualTo(1024L * 1024);
    assertThat(prod.getSpec().getOrgQuota()).isEqualTo(org);
    CFSpace dev = space(compilation, "acme-dev");
    assertThat(dev.getSpec().getQuota()).isNull();
    assertThat(dev.getSpec().getOrgQuota().getName()).isEqualTo("large");
    assertThat(dev.getSpec().getRestrictEgress()).isNull();
  }

  @Test
  void anInlineQuotaIsNamedAfterItsOrgOrSpace() {
    Compilation compilation =
        valid(
            compileTree(
                repo(
                    "acme/org.yml", "quota:\n  total_memory: 20480\n  routes: 100\n",
                    "acme/prod/space.yml", "quota: {total_memory: 2G}\n",
                    "acme/prod/manifest.yml", "applications:\n- name: web\n  memory: 1G\n")));
    QuotaSpec org = objects(compilation, CFOrg.class).get(0).getSpec().getQuota();
    assertThat(org.getName()).isEqualTo("acme");
    assertThat(org.getTotalMemoryMB()).isEqualTo(20480L);
    assertThat(org.getRoutes()).isEqualTo(100);
    assertThat(space(compilation, "acme-prod").getSpec().getQuota().getName()).isEqualTo("prod");
  }

  @Test
  void spaceMemoryOverItsQuotaIsAnErrorAtTheMemoryLine() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml",
                FOUNDATION,
                "acme/prod/space.yml",
                "quota: small\n",
                "acme/prod/web/manifest.yml",
                "applications:\n- name: web\n  instances: 12\n  memory: 1G\n"
                    + "  log-rate-limit-per-second: 1K\n"));
    assertThat(compilation.objects()).isEmpty();
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/web/manifest.yml:4:11: For application 'web': You have exceeded your"
                + " space's memory limit: space acme/prod: 12 × 1G exceeds quota small's 10G total"
                + " memory");
  }

  @Test
  void theProcessThatPassesTheTotalGetsTheErrorWithTheWholeSum() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml", "quotas:\n  tight: {total_memory: 3G, app_instances: 4}\n",
                "acme/prod/space.yml", "quota: tight\n",
                "acme/prod/a/manifest.yml",
                    "applications:\n- name: api\n  memory: 1G\n  instances: 2\n",
                "acme/prod/b/manifest.yml",
                    "applications:\n- name: shop\n  instances: 3\n  memory: 512M\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/b/manifest.yml:3:14: For application 'shop': You have exceeded the"
                + " instance limit for your space's quota: space acme/prod runs 5 instances, quota"
                + " tight allows 4",
            "acme/prod/b/manifest.yml:4:11: For application 'shop': You have exceeded your"
                + " space's memory limit: space acme/prod: api 2 × 1G + shop 3 × 512M = 3.5G"
                + " exceeds quota tight's 3G total memory");
  }

  @Test
  void instanceMemoryOverTheLimitIsReportedPerProcessEvenForTheDefault() {
    Compilation compilation =
        compileTree(
            repo(
                "acme/org.yml",
                "quota: {instance_memory: 512M}\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n  processes:\n  - type: web\n    memory: 2G\n"
                    + "  - type: worker\n    instances: 1\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/manifest.yml:2:3: For application 'web': You have exceeded the instance"
                + " memory limit for your organization's quota: process worker asks 1G per"
                + " instance (the default), quota acme allows 512M",
            "acme/prod/manifest.yml:5:13: For application 'web': You have exceeded the instance"
                + " memory limit for your organization's quota: process web asks 2G per instance,"
                + " quota acme allows 512M");
  }

  @Test
  void anOrgQuotaCountsEverySpaceOfTheOrg() {
    Compilation compilation =
        compileTree(
            repo(
                "acme/org.yml", "quota: {total_memory: 4G}\n",
                "acme/dev/manifest.yml", "applications:\n- name: dev\n  instances: 2\n",
                "acme/prod/manifest.yml", "applications:\n- name: web\n  instances: 3\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/manifest.yml:3:14: For application 'web': You have exceeded your"
                + " organization's memory limit: org acme: dev 2 × 1G + web 3 × 1G = 5G exceeds"
                + " quota acme's 4G total memory");
  }

  @Test
  void aLogRateQuotaRefusesUnlimitedProcessesAndCountsTheRest() {
    Compilation compilation =
        compileTree(
            repo(
                "acme/prod/space.yml",
                "quota: {log_rate_limit: 2K}\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n  instances: 3\n  log-rate-limit-per-second: 1K\n"
                    + "- name: chatty\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/manifest.yml:4:30: For application 'web': You have exceeded your space's"
                + " log rate limit: space acme/prod logs up to 3K/s, quota prod allows 2K/s",
            "acme/prod/manifest.yml:5:3: For application 'chatty': Process \"web\": Log rate"
                + " limit cannot be unlimited in space 'prod': set log-rate-limit-per-second"
                + " (quota prod allows 2K/s in total)");
  }

  @Test
  void routesAndServiceInstancesAreCounted() {
    Compilation compilation =
        compileTree(
            repo(
                "acme/prod/space.yml",
                "quota: {routes: 1, service_instances: 1}\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n  routes:\n  - route: a.apps.example.com\n"
                    + "  - route: b.apps.example.com\n  services: [db, cache]\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/manifest.yml:2:3: For application 'web': You have exceeded the total"
                + " routes for your space's quota: space acme/prod maps 2 routes, quota prod"
                + " allows 1",
            "acme/prod/manifest.yml:6:18: For application 'web': You have exceeded your space's"
                + " services limit: space acme/prod binds 2 service instances, quota prod allows"
                + " 1");
  }

  @Test
  void badLimitsUnknownKeysAndPaidPlansAreReported() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml",
                "quotas:\n  q:\n    total_memory: 10X\n    routes: many\n    color: red\n"
                    + "    paid_service_plans: true\n    memory_limit: 1G\n"
                    + "  unused: {routes: 1}\n  flat: 5\n",
                "acme/org.yml",
                "quota: q\n",
                "acme/prod/space.yml",
                "quota: nope\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/prod/space.yml:1:8: quota 'nope' is not defined in foundation.yml (defined: q,"
                + " unused)",
            "foundation.yml:3:19: quota 'q': total_memory '10X' must be a size with a unit like"
                + " 512M or 10G, a number of megabytes, or -1/unlimited",
            "foundation.yml:4:13: quota 'q': routes 'many' must be a whole number, or"
                + " -1/unlimited",
            "foundation.yml:7:5: 'memory_limit' and 'total_memory' both set total_memory: keep"
                + " one",
            "foundation.yml:9:9: quota 'flat' must be a map of limits (total_memory,"
                + " instance_memory, ...)");
    assertThat(located(compilation, Diagnostic.Severity.WARNING))
        .containsExactly(
            "foundation.yml:5:5: unknown key 'color' in quota 'q' is ignored",
            "foundation.yml:6:5: paid_service_plans is ignored: services here are Secrets in the"
                + " space, without plans; cf shows the value",
            "foundation.yml:8:11: quota 'unused' is not used by any org.yml or space.yml");
  }

  @Test
  void anInlineQuotaMustNotTakeTheNameOfANamedOne() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml", "quotas:\n  acme: {routes: 1}\n",
                "acme/org.yml", "quota:\n  routes: 5\n",
                "acme/prod/manifest.yml", "applications:\n- name: web\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/org.yml:2:3: an inline quota is named after its org or space, 'acme', and"
                + " foundation.yml defines a quota of that name too: write quota: acme or rename"
                + " one");
  }

  @Test
  void everyLimitChecksItsValue() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml",
                "quotas:\n  q:\n    instance_memory: -5\n    app_instances: 1.5\n"
                    + "    route_ports: [1]\n    service_instances: 3000000000\n"
                    + "    log_rate_limit: 1X\n    paid_service_plans: sometimes\n",
                "acme/org.yml",
                "quota: q\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "foundation.yml:3:22: quota 'q': instance_memory '-5' must be a size with a unit like"
                + " 512M or 10G, a number of megabytes, or -1/unlimited",
            "foundation.yml:4:20: quota 'q': app_instances '1.5' must be a whole number, or"
                + " -1/unlimited",
            "foundation.yml:5:18: route_ports must be a single value",
            "foundation.yml:6:24: quota 'q': service_instances '3000000000' must be a whole"
                + " number, or -1/unlimited",
            "foundation.yml:7:21: quota 'q': log_rate_limit '1X' must be bytes per second with a"
                + " unit like 128B, 4K or 1M, or -1/unlimited",
            "foundation.yml:8:25: paid_service_plans must be true or false");
  }

  @Test
  void misshapenQuotaKeysAreErrors() {
    Compilation compilation =
        compileTree(
            repo(
                "foundation.yml",
                "quotas: [small]\nsecurity_groups: open\nrunning_security_groups: dns\n",
                "acme/org.yml",
                "quota: 5\n",
                "acme/prod/space.yml",
                "security_groups: {a: b}\n",
                "acme/prod/manifest.yml",
                "applications:\n- name: web\n"));
    assertThat(located(compilation, Diagnostic.Severity.ERROR))
        .containsExactly(
            "acme/org.yml:1:8: quota must name a quota of foundation.yml, or be a map of limits"
                + " (total_memory, ...)",
            "acme/prod/space.yml:1:18: security_groups must be a list of security group names",
            "foundation.yml:1:9: quotas must be a map of quota names to their limits",
            "foundation.yml:2:18: security_groups must be a map of security group names to rule"
                + " lists",
            "foundation.yml:3:26: running_security_groups must be a list of security group"
                + " names");
  }
}
