package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/** {@code sidecars}, as SidecarCreateMessage validates them. */
final class SidecarRules {
  private SidecarRules() {}

  static List<SidecarDefinition> read(YamlNode node, Findings findings) {
    if (!(node instanceof YamlList list)) {
      findings.appError(node.position(), "Sidecars must be an array of sidecar configurations");
      return List.of();
    }
    List<SidecarDefinition> sidecars = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlMap map)) {
        findings.appError(item.position(), "Sidecars must be an array of sidecar configurations");
        continue;
      }
      SidecarDefinition sidecar = readOne(map, findings);
      if (sidecar != null) {
        sidecars.add(sidecar);
      }
    }
    return sidecars;
  }

  private static SidecarDefinition readOne(YamlMap map, Findings findings) {
    YamlNode nameNode = map.get("name");
    if (nameNode == null
        || nameNode instanceof YamlScalar n && (n.isNull() || n.text().isBlank())) {
      findings.appError(map.position(), "Sidecar name can't be blank");
      return null;
    }
    if (!(nameNode instanceof YamlScalar name && name.isString())) {
      findings.appError(nameNode.position(), "Sidecar name must be a string");
      return null;
    }
    String prefix = "Sidecar \"" + name.text() + "\": ";
    boolean valid = true;
    String command =
        map.get("command") instanceof YamlScalar c && !c.isNull() ? c.asGoString() : "";
    if (command.isBlank()) {
      findings.appError(map.position(), prefix + "Command can't be blank");
      valid = false;
    }
    List<String> processTypes = new ArrayList<>();
    YamlNode types = map.get("process_types");
    if (!(types instanceof YamlList typeList)) {
      findings.appError(
          types == null ? map.position() : types.position(),
          prefix + "Process types must be an array");
      valid = false;
    } else if (typeList.items().isEmpty()) {
      findings.appError(
          typeList.position(), prefix + "Process types must have at least 1 process_type");
      valid = false;
    } else {
      typeList
          .items()
          .forEach(
              t ->
                  processTypes.add(t instanceof YamlScalar s ? s.asGoString() : String.valueOf(t)));
    }
    Long memory = memory(map.get("memory"), prefix, findings);
    if (map.get("memory") != null && memory == null) {
      valid = false;
    }
    return valid
        ? new SidecarDefinition(name.text(), command, List.copyOf(processTypes), memory)
        : null;
  }

  /** {@code convert_to_mb(x) || x}: a unitless integer counts as megabytes. */
  private static Long memory(YamlNode node, String prefix, Findings findings) {
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    String text = node instanceof YamlScalar s ? s.asGoString() : "";
    ByteQuantity.Parsed parsed = ByteQuantity.parse(text);
    Long megabytes = null;
    if (parsed.ok()) {
      megabytes = parsed.megabytes();
    } else {
      Numericality.Result raw = Numericality.integer(node);
      if (raw.problem() != null) {
        findings.appError(node.position(), prefix + "Memory in mb " + raw.problem());
        return null;
      }
      megabytes = raw.value().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }
    if (megabytes <= 0) {
      findings.appError(node.position(), prefix + "Memory in mb must be greater than 0");
      return null;
    }
    return megabytes;
  }
}
