package dev.gitfoundry.compiler.yaml;

/** Something legal in YAML that the user probably did not mean. */
public record YamlWarning(String message, Position position) {}
