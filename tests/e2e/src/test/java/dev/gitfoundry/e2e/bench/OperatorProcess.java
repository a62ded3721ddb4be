package dev.gitfoundry.e2e.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operator as the chart runs it, in a process of its own: {@code java -jar gitfoundry.jar run}
 * with the chart's {@code javaToolOptions} and the heap its memory limit gives. There is no
 * container here, so the limit is simulated: {@code -XX:MaxRAM=<limit>} makes {@code
 * MaxRAMPercentage} size the heap from it, and {@code -XX:+UseSerialGC} is the collector the JVM
 * picks by itself in a container under 1,792 MB (not a "server class machine"). Its resident set
 * ({@code /proc/<pid>/status}) and live heap ({@code jcmd}) are the operator's alone.
 */
final class OperatorProcess implements AutoCloseable {
  /** USER_HZ, which /proc reports CPU times in; 100 on every Linux architecture Java runs on. */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path log;
  private final int port;
  private final List<String> command;

  private OperatorProcess(Process process, Path log, int port, List<String> command) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.command = command;
  }

  /**
   * Starts the jar against {@code kubeconfig}, leader election off, HTTP (webhooks) on {@code
   * port}. With {@code profileDirectory}, a flight recording named {@code initial} runs from the
   * start and native memory tracking is on.
   */
  static OperatorProcess start(
      Path jar, Path kubeconfig, int port, Path work, Path profileDirectory, String... arguments)
      throws IOException {
    ChartJvm chart = ChartJvm.read(Path.of("chart/values.yaml"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:MaxRAM=" + chart.memoryLimitBytes());
    command.add("-XX:+UseSerialGC");
    if (profileDirectory != null) {
      command.add("-XX:NativeMemoryTracking=summary");
      // More live-object samples than the default 256, so the summary can say what holds memory.
      command.add("-XX:FlightRecorderOptions=old-object-queue-size=4096");
      command.add(
          "-XX:StartFlightRecording=name=initial,settings=profile,path-to-gc-roots=true,filename="
              + profileDirectory.resolve("loop-initial.jfr"));
    }
    command.addAll(List.of("-jar", jar.toString(), "run"));
    command.addAll(
        List.of(
            "--no-leader-election",
            "--port",
            Integer.toString(port),
            "--public-url",
            "http://127.0.0.1:" + port,
            "--cache-dir",
            work.resolve("git-cache").toString()));
    command.addAll(Arrays.asList(arguments));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path log = work.resolve("operator.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    // The chart passes its flags the same way, with its own tmpdir (an emptyDir there), and sets
    // MALLOC_ARENA_MAX=2 (chart/templates/deployment.yaml).
    builder
        .environment()
        .put("JAVA_TOOL_OPTIONS", chart.javaToolOptions() + " -Djava.io.tmpdir=" + tmp);
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    OperatorProcess operator = new OperatorProcess(builder.start(), log, port, command);
    Runtime.getRuntime().addShutdownHook(new Thread(operator::close));
    return operator;
  }

  /** Waits until {@code /healthz} answers 200. */
  void awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("operator not healthy after " + timeout + "\n" + logTail());
  }

  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "operator exited with " + process.exitValue() + "; end of its log:\n" + logTail());
    }
  }

  long pid() {
    return process.pid();
  }

  List<String> command() {
    return command;
  }

  /** VmHWM: the peak resident set of the operator process, in MiB. */
  double peakRssMib() throws IOException {
    return statusKibibytes("VmHWM:") / 1024.0;
  }

  double rssMib() throws IOException {
    return statusKibibytes("VmRSS:") / 1024.0;
  }

  /** User and system CPU time the operator process has used so far, in seconds. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    // Fields after the command name (which may hold spaces) start at field 3, "state".
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks / (double) CLOCK_TICKS_PER_SECOND;
  }

  private long statusKibibytes(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException(field + " missing in /proc/" + pid() + "/status");
  }

  /** {@code jcmd <pid> <command...>}: its output. */
  String jcmd(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid()));
    command.addAll(Arrays.asList(arguments));
    Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = jcmd.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", arguments) + ": " + output);
    }
    return output;
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  Path log() {
    return log;
  }

  /** SIGTERM (the operator's shutdown hook runs, a flight recording is written), then waits. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The chart's JVM settings: {@code javaToolOptions} and {@code resources.limits.memory}. */
  record ChartJvm(String javaToolOptions, long memoryLimitBytes) {
    @SuppressWarnings("unchecked")
    static ChartJvm read(Path valuesFile) throws IOException {
      Map<String, Object> values =
          new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(valuesFile));
      String options = (String) values.get("javaToolOptions");
      Map<String, Object> resources = (Map<String, Object>) values.get("resources");
      Map<String, Object> limits = (Map<String, Object>) resources.get("limits");
      return new ChartJvm(options, bytes(String.valueOf(limits.get("memory"))));
    }

    static long bytes(String quantity) {
      Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);
      for (Map.Entry<String, Long> unit : units.entrySet()) {
        if (quantity.endsWith(unit.getKey())) {
          return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * unit.getValue();
        }
      }
      throw new IllegalArgumentException("memory limit not in Ki/Mi/Gi: " + quantity);
    }
  }
}
