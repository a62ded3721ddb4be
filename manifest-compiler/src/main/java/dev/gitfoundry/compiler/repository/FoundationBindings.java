package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.foundation.SecurityGroupDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves what org.yml and space.yml name (quotas, security groups) against foundation.yml, and
 * warns about definitions nothing uses: a quota or security group in Git that applies nowhere is
 * almost always a typo elsewhere.
 */
final class FoundationBindings {
  /** A security group as it applies to one space. */
  record AppliedGroup(SecurityGroupDefinition group, boolean global, boolean bound) {}

  private final FoundationFile foundation;
  private final String foundationPath;
  private final List<Diagnostic> diagnostics;
  private final Set<String> usedQuotas = new HashSet<>();
  private final Set<String> boundGroups = new HashSet<>();
  private final Map<String, SecurityGroupDefinition> running = new LinkedHashMap<>();

  FoundationBindings(
      FoundationFile foundation, String foundationPath, List<Diagnostic> diagnostics) {
    this.foundation = foundation;
    this.foundationPath = foundationPath;
    this.diagnostics = diagnostics;
    for (ConfigFiles.Reference reference : foundation.runningSecurityGroups()) {
      SecurityGroupDefinition group = group(reference, new Findings(diagnostics, foundationPath));
      if (group != null) {
        running.put(group.name(), group);
      }
    }
  }

  /**
   * Egress is restricted once the repository declares security groups: then, as on CF, a space
   * reaches only what its groups allow. Without any, Pods keep Kubernetes' open egress.
   */
  boolean restrictEgress() {
    return !foundation.securityGroups().isEmpty();
  }

  /** The quota an org.yml or space.yml names or defines inline; null for none or a bad name. */
  QuotaDefinition quota(ConfigFiles.QuotaReference reference, String file) {
    if (reference == null) {
      return null;
    }
    Findings findings = new Findings(diagnostics, file);
    QuotaDefinition named = foundation.quotas().get(reference.name());
    if (reference.inline() != null) {
      if (named != null) {
        findings.error(
            reference.position(),
            "an inline quota is named after its org or space, '"
                + reference.name()
                + "', and foundation.yml defines a quota of that name too: write quota: "
                + reference.name()
                + " or rename one");
        return null;
      }
      return reference.inline();
    }
    if (named == null) {
      findings.error(
          reference.position(),
          "quota '"
              + reference.name()
              + "' is not defined in foundation.yml"
              + defined(foundation.quotas().keySet()));
      return null;
    }
    usedQuotas.add(named.name());
    return named;
  }

  /** The running security groups of one space: the global ones, then those its space.yml binds. */
  List<AppliedGroup> securityGroups(List<ConfigFiles.Reference> bound, String file) {
    Map<String, AppliedGroup> applied = new LinkedHashMap<>();
    running.values().forEach(g -> applied.put(g.name(), new AppliedGroup(g, true, false)));
    Findings findings = new Findings(diagnostics, file);
    for (ConfigFiles.Reference reference : bound) {
      SecurityGroupDefinition group = group(reference, findings);
      if (group != null) {
        boundGroups.add(group.name());
        applied.put(group.name(), new AppliedGroup(group, running.containsKey(group.name()), true));
      }
    }
    return new ArrayList<>(applied.values());
  }

  void reportUnused() {
    Findings findings = new Findings(diagnostics, foundationPath);
    foundation.quotas().values().stream()
        .filter(q -> !usedQuotas.contains(q.name()))
        .forEach(
            q ->
                findings.warning(
                    q.position(),
                    "quota '" + q.name() + "' is not used by any org.yml or space.yml"));
    foundation.securityGroups().values().stream()
        .filter(g -> !boundGroups.contains(g.name()) && !running.containsKey(g.name()))
        .forEach(
            g ->
                findings.warning(
                    g.position(),
                    "security group '"
                        + g.name()
                        + "' is bound to no space and is not in running_security_groups: it"
                        + " allows nothing"));
  }

  private SecurityGroupDefinition group(ConfigFiles.Reference reference, Findings findings) {
    SecurityGroupDefinition group = foundation.securityGroups().get(reference.name());
    if (group == null) {
      findings.error(
          reference.position(),
          "security group '"
              + reference.name()
              + "' is not defined in foundation.yml"
              + defined(foundation.securityGroups().keySet()));
    }
    return group;
  }

  private static String defined(Set<String> names) {
    return names.isEmpty()
        ? ""
        : " (defined: " + String.join(", ", names.stream().sorted().toList()) + ")";
  }
}
