package dev.gitfoundry.compiler.foundation;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.manifest.ByteQuantity;
import dev.gitfoundry.compiler.manifest.KeyNames;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one quota definition: the limits of {@code cf create-org-quota} (total memory, instance
 * memory, app instances, routes, route ports, service instances, log volume), by those names or
 * cf-mgmt's. An absent limit is unlimited, as are {@code -1} and {@code unlimited}. Sizes take
 * units ({@code 10G}, {@code 512M}); a bare number of memory is megabytes (as cf-mgmt and the V3
 * API count it), of log volume bytes.
 */
public final class QuotaRules {
  static final String TOTAL_MEMORY = "total_memory";
  static final String INSTANCE_MEMORY = "instance_memory";
  static final String APP_INSTANCES = "app_instances";
  static final String ROUTES = "routes";
  static final String ROUTE_PORTS = "route_ports";
  static final String SERVICE_INSTANCES = "service_instances";
  static final String LOG_RATE_LIMIT = "log_rate_limit";
  static final String PAID_SERVICE_PLANS = "paid_service_plans";

  /** Every accepted spelling (after kebab/camel → snake) and the limit it sets. */
  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry(TOTAL_MEMORY, TOTAL_MEMORY),
          Map.entry("memory_limit", TOTAL_MEMORY),
          Map.entry("total_memory_in_mb", TOTAL_MEMORY),
          Map.entry(INSTANCE_MEMORY, INSTANCE_MEMORY),
          Map.entry("instance_memory_limit", INSTANCE_MEMORY),
          Map.entry("per_process_memory_in_mb", INSTANCE_MEMORY),
          Map.entry(APP_INSTANCES, APP_INSTANCES),
          Map.entry("app_instance_limit", APP_INSTANCES),
          Map.entry("total_instances", APP_INSTANCES),
          Map.entry(ROUTES, ROUTES),
          Map.entry("total_routes", ROUTES),
          Map.entry(ROUTE_PORTS, ROUTE_PORTS),
          Map.entry("reserved_route_ports", ROUTE_PORTS),
          Map.entry("total_reserved_route_ports", ROUTE_PORTS),
          Map.entry(SERVICE_INSTANCES, SERVICE_INSTANCES),
          Map.entry("total_services", SERVICE_INSTANCES),
          Map.entry("total_service_instances", SERVICE_INSTANCES),
          Map.entry(LOG_RATE_LIMIT, LOG_RATE_LIMIT),
          Map.entry("log_volume", LOG_RATE_LIMIT),
          Map.entry("log_rate_limit_bytes_per_second", LOG_RATE_LIMIT),
          Map.entry("log_rate_limit_in_bytes_per_second", LOG_RATE_LIMIT),
          Map.entry(PAID_SERVICE_PLANS, PAID_SERVICE_PLANS),
          Map.entry("paid_service_plans_allowed", PAID_SERVICE_PLANS),
          Map.entry("allow_paid_service_plans", PAID_SERVICE_PLANS),
          Map.entry("paid_services_allowed", PAID_SERVICE_PLANS));

  private static final String MEMORY_HINT =
      "must be a size with a unit like 512M or 10G, a number of megabytes, or -1/unlimited";

  private final String name;
  private final Findings findings;
  private final Map<String, YamlMap.Entry> limits = new LinkedHashMap<>();

  private QuotaRules(String name, Findings findings) {
    this.name = name;
    this.findings = findings;
  }

  /** The quota, or null when it is not a map (then an error is recorded). */
  public static QuotaDefinition read(String name, YamlNode node, Findings findings) {
    if (!(node instanceof YamlMap map)) {
      findings.error(
          node == null ? Position.START : node.position(),
          "quota '" + name + "' must be a map of limits (total_memory, instance_memory, ...)");
      return null;
    }
    return new QuotaRules(name, findings).read(map);
  }

  private QuotaDefinition read(YamlMap map) {
    Map<String, String> spelledAs = new HashMap<>();
    for (YamlMap.Entry entry : map.entries().values()) {
      String limit = KEYS.get(KeyNames.underscore(entry.key()));
      if (limit == null) {
        findings.warning(
            entry.keyPosition(),
            "unknown key '" + entry.key() + "' in quota '" + name + "' is ignored");
        continue;
      }
      String earlier = spelledAs.putIfAbsent(limit, entry.key());
      if (earlier != null) {
        findings.error(
            entry.keyPosition(),
            "'" + entry.key() + "' and '" + earlier + "' both set " + limit + ": keep one");
        continue;
      }
      limits.put(limit, entry);
    }
    Boolean paid = paidPlans();
    return new QuotaDefinition(
        name,
        findings.file(),
        map.position(),
        memory(TOTAL_MEMORY),
        memory(INSTANCE_MEMORY),
        count(APP_INSTANCES),
        count(ROUTES),
        count(ROUTE_PORTS),
        count(SERVICE_INSTANCES),
        logRate(),
        paid);
  }

  private Long memory(String limit) {
    YamlScalar scalar = scalar(limit);
    if (scalar == null || unlimited(scalar)) {
      return null;
    }
    if (scalar.isInteger()) {
      long mb = ((Number) scalar.value()).longValue();
      if (mb < 0) {
        return invalid(limit, scalar, MEMORY_HINT);
      }
      return mb;
    }
    ByteQuantity.Parsed parsed = ByteQuantity.parse(scalar.text());
    if (!parsed.ok() || parsed.bytes().signum() < 0) {
      return invalid(limit, scalar, MEMORY_HINT);
    }
    return parsed.megabytes();
  }

  private Long logRate() {
    YamlScalar scalar = scalar(LOG_RATE_LIMIT);
    if (scalar == null || unlimited(scalar)) {
      return null;
    }
    String hint = "must be bytes per second with a unit like 128B, 4K or 1M, or -1/unlimited";
    if (scalar.isInteger()) {
      long bytes = ((Number) scalar.value()).longValue();
      return bytes < 0 ? invalid(LOG_RATE_LIMIT, scalar, hint) : bytes;
    }
    ByteQuantity.Parsed parsed = ByteQuantity.parse(scalar.text());
    if (!parsed.ok()
        || parsed.bytes().signum() < 0
        || parsed.bytes().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
      return invalid(LOG_RATE_LIMIT, scalar, hint);
    }
    return parsed.bytes().longValueExact();
  }

  private Integer count(String limit) {
    YamlScalar scalar = scalar(limit);
    if (scalar == null || unlimited(scalar)) {
      return null;
    }
    String hint = "must be a whole number, or -1/unlimited";
    if (!scalar.isInteger()) {
      return invalid(limit, scalar, hint);
    }
    BigInteger value =
        scalar.value() instanceof BigInteger b ? b : BigInteger.valueOf((Long) scalar.value());
    if (value.signum() < 0 || value.bitLength() > 31) {
      return invalid(limit, scalar, hint);
    }
    return value.intValue();
  }

  /** Gitfoundry has no service plans, so there is nothing to allow or refuse. */
  private Boolean paidPlans() {
    YamlMap.Entry entry = limits.get(PAID_SERVICE_PLANS);
    if (entry == null) {
      return null;
    }
    if (!(entry.value() instanceof YamlScalar s && s.isBoolean())) {
      findings.error(entry.value().position(), PAID_SERVICE_PLANS + " must be true or false");
      return null;
    }
    findings.warning(
        entry.keyPosition(),
        PAID_SERVICE_PLANS
            + " is ignored: services here are Secrets in the space, without plans; cf shows the"
            + " value");
    return (Boolean) s.value();
  }

  private YamlScalar scalar(String limit) {
    YamlMap.Entry entry = limits.get(limit);
    if (entry == null) {
      return null;
    }
    if (entry.value() instanceof YamlScalar s && !s.isNull()) {
      return s;
    }
    findings.error(entry.value().position(), limit + " must be a single value");
    return null;
  }

  private static boolean unlimited(YamlScalar scalar) {
    String text = scalar.text().strip().toLowerCase(Locale.ROOT);
    return text.equals("-1") || text.equals("unlimited");
  }

  private <T> T invalid(String limit, YamlScalar scalar, String hint) {
    findings.error(
        scalar.position(), "quota '" + name + "': " + limit + " '" + scalar.text() + "' " + hint);
    return null;
  }
}
