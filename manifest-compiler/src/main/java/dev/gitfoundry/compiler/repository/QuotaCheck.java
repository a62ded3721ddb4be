package dev.gitfoundry.compiler.repository;

import dev.gitfoundry.compiler.Diagnostic;
import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.foundation.QuotaDefinition;
import dev.gitfoundry.compiler.manifest.ProcessDefinition;
import dev.gitfoundry.compiler.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What Cloud Controller checks when apps start, checked before anything is applied: a space's apps
 * against its space quota, and an org's apps (every space of it in the repository) against the org
 * quota. Each exceeded limit is reported once, at the process, route or service that passes it, in
 * Cloud Controller's words followed by the sum that exceeded it.
 */
final class QuotaCheck {
  private static final int TERMS_SHOWN = 4;

  private final List<Diagnostic> diagnostics;

  QuotaCheck(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Which limits, and whose: CC words space and org limits differently. */
  private enum Scope {
    SPACE("space", "your space's", "for your space's quota"),
    ORG("org", "your organization's", "for your organization's quota");

    final String noun;
    final String owner;
    final String ofQuota;

    Scope(String noun, String owner, String ofQuota) {
      this.noun = noun;
      this.owner = owner;
      this.ofQuota = ofQuota;
    }
  }

  /** One process of one app in the scope, with where it was written. */
  private record Usage(SpacePlan plan, SpacePlan.PlannedApp app, ProcessDefinition process) {
    String label() {
      String name = app.app().name();
      return process.type().equals("web") ? name : name + ":" + process.type();
    }

    Findings findings(List<Diagnostic> sink) {
      return new Findings(sink, app.file()).forApp(app.app().name());
    }

    Position at(Position preferred, Position second) {
      return preferred != null ? preferred : second != null ? second : app.app().position();
    }
  }

  void checkSpace(SpacePlan plan, QuotaDefinition quota) {
    if (quota != null) {
      check(Scope.SPACE, plan.org() + "/" + plan.space(), plan.space(), List.of(plan), quota);
    }
  }

  void checkOrg(String org, List<SpacePlan> spaces, QuotaDefinition quota) {
    if (quota != null) {
      check(Scope.ORG, org, org, spaces, quota);
    }
  }

  private void check(
      Scope scope, String where, String name, List<SpacePlan> plans, QuotaDefinition quota) {
    List<Usage> usages = new ArrayList<>();
    for (SpacePlan plan : plans) {
      for (SpacePlan.PlannedApp app : plan.apps()) {
        for (ProcessDefinition process : app.app().processes()) {
          if (process.instances() > 0) {
            usages.add(new Usage(plan, app, process));
          }
        }
      }
    }
    String subject = scope.noun + " " + where;
    instanceMemory(scope, usages, quota);
    total(
        usages,
        u -> u.process().instances() * u.process().memoryMb(),
        quota.totalMemoryMb(),
        (crossing, sum) ->
            crossing
                .findings(diagnostics)
                .appError(
                    crossing.at(
                        crossing.process().memoryPosition(),
                        crossing.process().instancesPosition()),
                    "You have exceeded "
                        + scope.owner
                        + " memory limit: "
                        + subject
                        + ": "
                        + memoryTerms(usages, sum)
                        + " exceeds quota "
                        + quota.name()
                        + "'s "
                        + megabytes(quota.totalMemoryMb())
                        + " total memory"));
    total(
        usages,
        u -> u.process().instances(),
        quota.appInstances() == null ? null : quota.appInstances().longValue(),
        (crossing, sum) ->
            crossing
                .findings(diagnostics)
                .appError(
                    crossing.at(crossing.process().instancesPosition(), null),
                    "You have exceeded the instance limit "
                        + scope.ofQuota
                        + ": "
                        + subject
                        + " runs "
                        + sum
                        + " instances, quota "
                        + quota.name()
                        + " allows "
                        + quota.appInstances()));
    logRate(scope, subject, name, usages, quota);
    QuotaCounts counts = new QuotaCounts(diagnostics, scope.ofQuota, scope.owner, subject, quota);
    counts.routes(plans);
    counts.services(plans);
  }

  private void instanceMemory(Scope scope, List<Usage> usages, QuotaDefinition quota) {
    if (quota.instanceMemoryMb() == null) {
      return;
    }
    for (Usage usage : usages) {
      if (usage.process().memoryMb() > quota.instanceMemoryMb()) {
        usage
            .findings(diagnostics)
            .appError(
                usage.at(usage.process().memoryPosition(), null),
                "You have exceeded the instance memory limit "
                    + scope.ofQuota
                    + ": process "
                    + usage.process().type()
                    + " asks "
                    + megabytes(usage.process().memoryMb())
                    + " per instance"
                    + (usage.process().memoryPosition() == null ? " (the default)" : "")
                    + ", quota "
                    + quota.name()
                    + " allows "
                    + megabytes(quota.instanceMemoryMb()));
      }
    }
  }

  /** CC refuses an unlimited log rate under a log rate quota, then checks the sum. */
  private void logRate(
      Scope scope, String subject, String name, List<Usage> usages, QuotaDefinition quota) {
    Long limit = quota.logRateLimitBytesPerSecond();
    if (limit == null) {
      return;
    }
    List<Usage> limited = new ArrayList<>();
    for (Usage usage : usages) {
      Long rate = usage.process().logRateLimitBytesPerSecond();
      if (rate == null || rate < 0) {
        usage
            .findings(diagnostics)
            .appError(
                usage.at(usage.process().logRatePosition(), null),
                "Process \""
                    + usage.process().type()
                    + "\": Log rate limit cannot be unlimited in "
                    + (scope == Scope.SPACE ? "space" : "organization")
                    + " '"
                    + name
                    + "': set log-rate-limit-per-second (quota "
                    + quota.name()
                    + " allows "
                    + bytes(limit)
                    + "/s in total)");
      } else {
        limited.add(usage);
      }
    }
    total(
        limited,
        u -> u.process().instances() * u.process().logRateLimitBytesPerSecond(),
        limit,
        (crossing, sum) ->
            crossing
                .findings(diagnostics)
                .appError(
                    crossing.at(
                        crossing.process().logRatePosition(),
                        crossing.process().instancesPosition()),
                    "You have exceeded "
                        + scope.owner
                        + " log rate limit: "
                        + subject
                        + " logs up to "
                        + bytes(sum)
                        + "/s, quota "
                        + quota.name()
                        + " allows "
                        + bytes(limit)
                        + "/s"));
  }

  /** Reports once, at the usage that takes the running sum past the limit. */
  private static void total(
      List<Usage> usages,
      ToLongFunction<Usage> amount,
      Long limit,
      java.util.function.BiConsumer<Usage, Long> report) {
    if (limit == null) {
      return;
    }
    long sum = usages.stream().mapToLong(amount).sum();
    if (sum <= limit) {
      return;
    }
    long running = 0;
    for (Usage usage : usages) {
      running += amount.applyAsLong(usage);
      if (running > limit) {
        report.accept(usage, sum);
        return;
      }
    }
  }

  /** {@code 12 × 1G}, or {@code web 4 × 1G + api 8 × 1G = 12G}, or a total for many terms. */
  private static String memoryTerms(List<Usage> usages, long sum) {
    if (usages.size() == 1) {
      ProcessDefinition p = usages.get(0).process();
      return p.instances() + " × " + megabytes(p.memoryMb());
    }
    if (usages.size() > TERMS_SHOWN) {
      int instances = usages.stream().mapToInt(u -> u.process().instances()).sum();
      return megabytes(sum) + " in " + instances + " instances of " + usages.size() + " processes";
    }
    List<String> terms = new ArrayList<>();
    for (Usage usage : usages) {
      terms.add(
          usage.label()
              + " "
              + usage.process().instances()
              + " × "
              + megabytes(usage.process().memoryMb()));
    }
    return String.join(" + ", terms) + " = " + megabytes(sum);
  }

  /** As the cf CLI prints sizes: 512M, 1G, 1.5G. */
  static String megabytes(long mb) {
    return bytes(mb * 1024 * 1024);
  }

  static String bytes(long bytes) {
    String[] units = {"T", "G", "M", "K"};
    long[] sizes = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= sizes[i]) {
        String value = String.format(Locale.ROOT, "%.1f", (double) bytes / sizes[i]);
        return (value.endsWith(".0") ? value.substring(0, value.length() - 2) : value) + units[i];
      }
    }
    return bytes == 0 ? "0" : bytes + "B";
  }
}
