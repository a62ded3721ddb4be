package dev.gitfoundry.compiler.manifest;

import java.util.List;

/** A sidecar process that runs next to the given process types. */
public record SidecarDefinition(
    String name, String command, List<String> processTypes, Long memoryMb) {}
