package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.Findings;
import dev.gitfoundry.compiler.yaml.YamlList;
import dev.gitfoundry.compiler.yaml.YamlMap;
import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;

/** {@code ${random-word}} and {@code ${VAR}} are plain text to cf v7+; people rarely mean that. */
final class LiteralPlaceholders {
  private LiteralPlaceholders() {}

  static void warn(YamlNode node, Findings findings) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.isString() && scalar.text().contains("${")) {
        String hint =
            scalar.text().contains("${random-word}")
                ? "use random-route: true for a random host"
                : "use ((var)) with vars.yml for values that change";
        findings.warning(
            scalar.position(),
            "'" + scalar.text() + "' is used literally: cf v7+ does not expand ${...}; " + hint);
      }
    } else if (node instanceof YamlList list) {
      list.items().forEach(item -> warn(item, findings));
    } else {
      ((YamlMap) node).entries().values().forEach(e -> warn(e.value(), findings));
    }
  }
}
