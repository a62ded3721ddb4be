package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.CompilerSettings;

/** The Kubernetes names and GUIDs of everything one compilation produces, in one place. */
public final class Names {
  /** Leaves room for {@code -<process type>} and {@code -env} suffixes within 63 characters. */
  private static final int APP_NAME_LENGTH = 45;

  private Names() {}

  public static String org(String org) {
    return KubernetesNames.label(org, 63);
  }

  /** The space's resource name and namespace: {@code acme-prod}. */
  public static String space(String org, String space) {
    String orgPart = KubernetesNames.label(org, 30);
    return KubernetesNames.label(orgPart + "-" + KubernetesNames.label(space, 32), 63);
  }

  public static String app(String app) {
    return KubernetesNames.label(app, APP_NAME_LENGTH);
  }

  public static String route(String url) {
    return KubernetesNames.label(url.replace('.', '-').replace('/', '-').replace(':', '-'), 63);
  }

  public static String orgGuid(CompilerSettings settings, String org) {
    return StableGuids.of("org", settings.sourceNamespace(), settings.sourceName(), org);
  }

  public static String spaceGuid(CompilerSettings settings, String org, String space) {
    return StableGuids.of("space", settings.sourceNamespace(), settings.sourceName(), org, space);
  }

  public static String appGuid(CompilerSettings settings, String org, String space, String app) {
    return StableGuids.of(
        "app", settings.sourceNamespace(), settings.sourceName(), org, space, app);
  }

  /** Org quotas are foundation-wide in CF: one name, one quota per source. */
  public static String orgQuotaGuid(CompilerSettings settings, String quota) {
    return StableGuids.of("org-quota", settings.sourceNamespace(), settings.sourceName(), quota);
  }

  /** Space quotas belong to an org in CF, so their names are unique within it. */
  public static String spaceQuotaGuid(CompilerSettings settings, String org, String quota) {
    return StableGuids.of(
        "space-quota", settings.sourceNamespace(), settings.sourceName(), org, quota);
  }

  public static String securityGroupGuid(CompilerSettings settings, String group) {
    return StableGuids.of(
        "security-group", settings.sourceNamespace(), settings.sourceName(), group);
  }
}
