package dev.gitfoundry.e2e.chart;

import dev.gitfoundry.testing.Command;
import dev.gitfoundry.testing.CommandResult;
import dev.gitfoundry.testing.TempDir;
import dev.gitfoundry.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pinned {@code helm} from the tools cache, run against {@code chart/} with its own config,
 * cache and data directories so that nothing in the user's home is read or written.
 */
public final class Helm {
  public static final String RELEASE = "gitfoundry";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static Helm instance;

  private final Path binary;
  private final Path chart;
  private final String kubernetesVersion;
  private final TempDir home;

  private Helm(Path binary, Path chart, String kubernetesVersion, TempDir home) {
    this.binary = binary;
    this.chart = chart;
    this.kubernetesVersion = kubernetesVersion;
    this.home = home;
  }

  public static synchronized Helm get() {
    if (instance == null) {
      Tools tools = Tools.get();
      instance =
          new Helm(
              tools.binary("helm"),
              Tools.repositoryRoot().resolve("chart"),
              tools.kubernetesVersion(),
              TempDir.create("helm-home"));
      Runtime.getRuntime().addShutdownHook(new Thread(instance.home::close));
    }
    return instance;
  }

  Path chart() {
    return chart;
  }

  /** Every {@code chart/ci/*-values.yaml}: the non-default value sets the chart is tested with. */
  List<Path> ciValuesFiles() {
    try (Stream<Path> files = Files.list(chart.resolve("ci"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code helm template} of release {@value #RELEASE}; {@code --kube-version} is the test API
   * server's, so the render is the one the dry-run against that server checks.
   */
  CommandResult template(String namespace, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("template", RELEASE, chart.toString()));
    command.addAll(List.of("--namespace", namespace, "--kube-version", kubernetesVersion));
    command.addAll(arguments);
    return run(command, Map.of());
  }

  /** Renders, failing the test with helm's output when helm fails. */
  public String render(String namespace, List<String> arguments) {
    return template(namespace, arguments).orThrow("helm template " + arguments).stdout();
  }

  CommandResult lint(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("lint", chart.toString(), "--strict"));
    command.addAll(List.of("--kube-version", kubernetesVersion));
    command.addAll(arguments);
    return run(command, Map.of());
  }

  /** Any helm command, e.g. {@code install --dry-run=server} with a kubeconfig. */
  CommandResult run(List<String> arguments, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    Map<String, String> env = new HashMap<>(environment);
    env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
    env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
    env.put("HELM_DATA_HOME", home.resolve("data").toString());
    return Command.run(command, env, chart.getParent(), TIMEOUT);
  }
}
