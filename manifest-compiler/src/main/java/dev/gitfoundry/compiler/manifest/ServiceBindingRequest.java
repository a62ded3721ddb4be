package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.Position;
import java.util.Map;

/** A service instance the app binds to; {@code parameters} are plain Java values from YAML. */
public record ServiceBindingRequest(
    String name, String bindingName, Map<String, Object> parameters, Position position) {}
