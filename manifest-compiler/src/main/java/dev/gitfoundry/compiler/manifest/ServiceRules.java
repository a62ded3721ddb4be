package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code services}: instance names, or maps of exactly name, parameters and binding_name. */
final class ServiceRules {
  private static final Set<String> KEYS = Set.of("name", "parameters", "binding_name");
  private static final String SHAPE = "Services must be a list of service instances";

  private ServiceRules() {}

  static List<ServiceBindingRequest> read(YamlNode node, Findings findings) {
    if (!(node instanceof YamlList list)) {
      findings.appError(node.position(), SHAPE);
      return List.of();
    }
    List<ServiceBindingRequest> services = new ArrayList<>();
    for (YamlNode item : list.items()) {
      ServiceBindingRequest service = readOne(item);
      if (service == null) {
        findings.appError(item.position(), SHAPE);
        return List.of();
      }
      services.add(service);
    }
    return services;
  }

  private static ServiceBindingRequest readOne(YamlNode item) {
    if (item instanceof YamlScalar scalar) {
      return scalar.isString() && !scalar.text().isEmpty()
          ? new ServiceBindingRequest(scalar.text(), null, Map.of(), item.position())
          : null;
    }
    if (!(item instanceof YamlMap map) || !KEYS.containsAll(map.entries().keySet())) {
      return null;
    }
    if (!(map.get("name") instanceof YamlScalar name
        && name.isString()
        && !name.text().isEmpty())) {
      return null;
    }
    YamlNode bindingName = map.get("binding_name");
    if (bindingName != null
        && !(bindingName instanceof YamlScalar b && (b.isString() || b.isNull()))) {
      return null;
    }
    YamlNode parameters = map.get("parameters");
    if (parameters != null && !(parameters instanceof YamlMap)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> params =
        parameters == null ? Map.of() : (Map<String, Object>) PlainValues.toJava(parameters);
    String binding = bindingName instanceof YamlScalar b && b.isString() ? b.text() : null;
    return new ServiceBindingRequest(
        name.text(), binding, new LinkedHashMap<>(params), item.position());
  }
}
