package dev.gitfoundry.operator.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.ManagedProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a process of an unpacked image the way a container runtime would, without one: new user and
 * mount namespaces (unprivileged {@code unshare}), the root file system bind-mounted read-only (the
 * chart's {@code readOnlyRootFilesystem}), {@code /proc} and {@code /dev} from the host, volumes
 * bind-mounted, and the process chrooted into the image as the image's user, in its working
 * directory, with only the image's environment plus what the caller adds. The network is the
 * host's: ports are reached on 127.0.0.1.
 */
final class RootlessContainer {
  /** A host directory mounted into the container, like a Kubernetes volume. */
  record Volume(Path host, String path, boolean readOnly) {}

  private final Path rootfs;
  private final JsonNode config;
  private final String unshare;

  RootlessContainer(Path rootfs, JsonNode config) throws IOException {
    this.rootfs = rootfs;
    this.config = config;
    this.unshare = onPath("unshare");
    // What every runtime adds to a container's file system before it starts.
    for (String mountPoint : List.of("proc", "dev")) {
      Files.createDirectories(rootfs.resolve(mountPoint));
    }
    Files.writeString(rootfs.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    Path resolvConf = Path.of("/etc/resolv.conf");
    if (Files.isReadable(resolvConf)) {
      Files.copy(resolvConf, rootfs.resolve("etc/resolv.conf"));
    }
  }

  /** The image's entrypoint followed by {@code args}, or by its Cmd when there are none. */
  List<String> entrypointWith(String... args) {
    List<String> argv = strings(config.get("Entrypoint"));
    argv.addAll(args.length > 0 ? List.of(args) : strings(config.get("Cmd")));
    return argv;
  }

  CommandResult run(List<String> argv, Map<String, String> env, List<Volume> volumes) {
    return Command.run(
        command(argv, env, volumes), Map.of(), rootfs.getParent(), Duration.ofMinutes(2));
  }

  ManagedProcess start(
      String name, List<String> argv, Map<String, String> env, List<Volume> volumes, Path logs) {
    return ManagedProcess.start(name, command(argv, env, volumes), Map.of(), logs);
  }

  private List<String> command(List<String> argv, Map<String, String> env, List<Volume> volumes) {
    String root = rootfs.toString();
    List<String> script = new ArrayList<>();
    // A bind mount of the directory onto itself can be remounted read-only.
    script.add("mount --rbind " + quote(root) + " " + quote(root));
    script.add("mount -o remount,bind,ro " + quote(root));
    script.add("mount --rbind /proc " + quote(root + "/proc"));
    script.add("mount --rbind /dev " + quote(root + "/dev"));
    for (Volume volume : volumes) {
      String target = quote(root + volume.path());
      createMountPoint(volume.path());
      script.add("mount --bind " + quote(volume.host().toString()) + " " + target);
      if (volume.readOnly()) {
        script.add("mount -o remount,bind,ro " + target);
      }
    }
    String[] user = config.path("User").asText("0").split(":");
    List<String> exec = new ArrayList<>(List.of("exec", "/usr/bin/env", "-i"));
    environment(user[0], env).forEach((key, value) -> exec.add(quote(key + "=" + value)));
    exec.addAll(
        List.of(
            quote(unshare),
            "--user",
            "--map-user=" + user[0],
            "--map-group=" + (user.length > 1 ? user[1] : user[0]),
            "--root=" + quote(root),
            "--wd=" + quote(config.path("WorkingDir").asText("/")),
            "--"));
    argv.forEach(argument -> exec.add(quote(argument)));
    script.add(String.join(" ", exec));
    return List.of(
        unshare,
        "--user",
        "--map-root-user",
        "--mount",
        "/bin/sh",
        "-ec",
        String.join("\n", script));
  }

  /** The image's Env, HOME from its /etc/passwd as runtimes set it, then {@code extra}. */
  private Map<String, String> environment(String uid, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String variable : strings(config.get("Env"))) {
      int equals = variable.indexOf('=');
      env.put(variable.substring(0, equals), variable.substring(equals + 1));
    }
    env.putIfAbsent("HOME", homeOf(uid));
    env.putAll(extra);
    return env;
  }

  private String homeOf(String uid) {
    try (Stream<String> lines = Files.lines(rootfs.resolve("etc/passwd"))) {
      return lines
          .map(line -> line.split(":"))
          .filter(fields -> fields.length > 5 && fields[2].equals(uid))
          .map(fields -> fields[5])
          .findFirst()
          .orElse("/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createMountPoint(String path) {
    try {
      Files.createDirectories(rootfs.resolve(path.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static String onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(program + " (util-linux) is not on PATH"));
  }

  @Override
  public String toString() {
    return "container in " + rootfs + " as " + config.path("User").asText();
  }
}
