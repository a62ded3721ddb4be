package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.Position;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the settings of one process (from app level for web, or a {@code processes[]} entry)
 * with Cloud Controller's messages, each prefixed {@code Process "type": }.
 */
final class ProcessRules {
  static final long DEFAULT_MEMORY_MB = 1024;
  static final long DEFAULT_DISK_MB = 1024;
  static final int MAX_HEALTH_CHECK_TIMEOUT = 180;

  private static final Set<String> CHECK_TYPES = Set.of("port", "process", "http");
  private static final Pattern URI_PATH = Pattern.compile("^(?:/|/([^\\s/]\\S*)?)$");
  private static final BigInteger MAX_LOG_RATE = BigInteger.valueOf(Long.MAX_VALUE);

  private final Map<String, YamlMap.Entry> attributes;
  private final String type;
  private final Findings findings;
  private final Position fallback;

  private ProcessRules(
      Map<String, YamlMap.Entry> attributes, String type, Findings findings, Position fallback) {
    this.attributes = attributes;
    this.type = type;
    this.findings = findings;
    this.fallback = fallback;
  }

  /** Only the byte sizes: what CC still checks at app level when a web entry replaces it. */
  static void checkByteSizes(
      Map<String, YamlMap.Entry> attributes, Findings findings, Position at) {
    ProcessRules rules = new ProcessRules(attributes, "web", findings, at);
    rules.megabytes("memory", "Memory");
    rules.megabytes("disk_quota", "Disk quota");
    rules.logRateLimit();
  }

  static ProcessDefinition read(
      Map<String, YamlMap.Entry> attributes, String type, Findings findings, Position at) {
    return new ProcessRules(attributes, type, findings, at).read();
  }

  private ProcessDefinition read() {
    boolean web = type.equals("web");
    if (isEntry() && attributes.containsKey("health_check_timeout")) {
      error("health_check_timeout", "Unknown field(s): 'health_check_timeout'");
    }
    Long memory = megabytes("memory", "Memory");
    Long disk = megabytes("disk_quota", "Disk quota");
    Long logRate = logRateLimit();
    Integer instances = integer("instances", "Instances", 0L, 2_000_000L);
    Integer timeout = integer("timeout", "Timeout", 1L, null);
    if (timeout != null && timeout > MAX_HEALTH_CHECK_TIMEOUT) {
      error("timeout", "Timeout Maximum exceeded: max " + MAX_HEALTH_CHECK_TIMEOUT + "s");
    }
    HealthCheck health = check("", web ? "port" : "process");
    HealthCheck readiness = check("readiness_", "process");
    return new ProcessDefinition(
        type,
        command(),
        text("user", "User", 255),
        instances != null ? instances : (web ? 1 : 0),
        memory != null ? memory : DEFAULT_MEMORY_MB,
        disk != null ? disk : DEFAULT_DISK_MB,
        logRate,
        health,
        readiness,
        timeout,
        valuePosition("memory"),
        valuePosition("instances"),
        valuePosition("log_rate_limit_per_second"));
  }

  private Position valuePosition(String key) {
    return present(key) ? attributes.get(key).value().position() : null;
  }

  private boolean isEntry() {
    return attributes.containsKey("type");
  }

  private HealthCheck check(String prefix, String defaultType) {
    String label = prefix.isEmpty() ? "Health check" : "Readiness health check";
    String typeKey = prefix + "health_check_type";
    String endpointKey = prefix + "health_check_http_endpoint";
    String checkType = null;
    if (present(typeKey)) {
      checkType = scalarText(typeKey);
      if ("none".equals(checkType)) {
        checkType = "process";
      }
      if (checkType == null || !CHECK_TYPES.contains(checkType)) {
        error(typeKey, label + " type must be \"port\", \"process\", or \"http\"");
        checkType = null;
      }
    }
    String endpoint = null;
    if (present(endpointKey)) {
      endpoint = scalarText(endpointKey);
      if (endpoint == null || !URI_PATH.matcher(endpoint).matches()) {
        error(endpointKey, label + " http endpoint must be a valid URI path");
      }
      if (present(typeKey) && checkType != null && !checkType.equals("http")) {
        error(endpointKey, label + " type must be \"http\" to set a health check HTTP endpoint");
      }
    }
    Integer invocation =
        integer(
            prefix + "health_check_invocation_timeout", label + " invocation timeout", 1L, null);
    Integer interval = integer(prefix + "health_check_interval", label + " interval", 1L, null);
    String effective = checkType != null ? checkType : defaultType;
    if (effective.equals("http") && endpoint == null) {
      endpoint = "/";
    }
    return new HealthCheck(
        effective, effective.equals("http") ? endpoint : null, invocation, interval);
  }

  private String command() {
    if (!attributes.containsKey("command")) {
      return null;
    }
    YamlNode node = attributes.get("command").value();
    if (!(node instanceof YamlScalar scalar)) {
      error("command", "Command must be a string");
      return null;
    }
    if (scalar.isNull() || scalar.text().equals("null") || scalar.text().equals("default")) {
      return null;
    }
    String command = scalar.asGoString();
    if (command.isEmpty() || command.length() > 4096) {
      error("command", "Command must be between 1 and 4096 characters");
      return null;
    }
    return command;
  }

  private String text(String key, String label, int max) {
    if (!present(key)) {
      return null;
    }
    String value = scalarText(key);
    if (value == null) {
      error(key, label + " must be a string");
    } else if (value.isEmpty() || value.length() > max) {
      error(key, label + " must be between 1 and " + max + " characters");
      return null;
    }
    return value;
  }

  private Long megabytes(String key, String label) {
    if (!present(key)) {
      return null;
    }
    String text = scalarText(key);
    ByteQuantity.Parsed parsed = ByteQuantity.parse(text == null ? "" : text);
    if (!parsed.ok()) {
      error(key, label + " " + parsed.problem().text);
      return null;
    }
    long megabytes = parsed.megabytes();
    if (megabytes <= 0) {
      error(key, label + " must be greater than 0MB");
      return null;
    }
    return megabytes;
  }

  private Long logRateLimit() {
    String key = "log_rate_limit_per_second";
    if (!present(key)) {
      return null;
    }
    String text = scalarText(key);
    if (text != null && (text.strip().equals("-1") || text.strip().equals("0"))) {
      return Long.parseLong(text.strip());
    }
    ByteQuantity.Parsed parsed = ByteQuantity.parse(text == null ? "" : text);
    if (!parsed.ok()) {
      error(key, "Log rate limit per second " + parsed.problem().text);
      return null;
    }
    if (parsed.bytes().compareTo(BigInteger.valueOf(-1)) < 0
        || parsed.bytes().compareTo(MAX_LOG_RATE) > 0) {
      error(key, "Log rate limit must be an integer greater than or equal to -1");
      return null;
    }
    return parsed.bytes().longValueExact();
  }

  private Integer integer(String key, String label, Long min, Long max) {
    if (!present(key)) {
      return null;
    }
    Numericality.Result result = Numericality.integer(attributes.get(key).value());
    String problem =
        result.problem() != null ? result.problem() : Numericality.range(result.value(), min, max);
    if (problem != null) {
      error(key, label + " " + problem);
      return null;
    }
    // Values past int range are valid to CC but meaningless here; clamp rather than overflow.
    return result.value().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }

  /** Rails treats an explicit null like an absent value for these validations. */
  private boolean present(String key) {
    YamlMap.Entry entry = attributes.get(key);
    return entry != null && !(entry.value() instanceof YamlScalar s && s.isNull());
  }

  private String scalarText(String key) {
    YamlNode node = attributes.get(key).value();
    return node instanceof YamlScalar scalar ? scalar.asGoString() : null;
  }

  private void error(String key, String message) {
    YamlMap.Entry entry = attributes.get(key);
    Position at = entry == null ? fallback : entry.value().position();
    findings.appError(at, "Process \"" + type + "\": " + message);
  }
}
