package dev.gitfoundry.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The real components built by {@code tests/tools/provision.sh} that the local control plane runs
 * (and the tests, through the fixtures). When one is missing, or the script changed since it last
 * ran (a new pin), the script is run from here, so a fresh checkout needs no manual step.
 */
public final class ToolCache {
  static final String PROVISION_SCRIPT = "tests/tools/provision.sh";
  private static final String HOW_TO_GET_THEM =
      "Build them with `bash "
          + PROVISION_SCRIPT
          + "` (needs Go 1.24+ and the Go module proxy; about 30 min cold on 2 cores)"
          + " or point GITFOUNDRY_TOOLS_DIR at a provisioned cache.";
  private static ToolCache instance;

  private final Path directory;
  private Properties properties;

  private ToolCache(Path directory) {
    this.directory = directory;
    this.properties = readProperties(directory).orElseGet(Properties::new);
  }

  /** The tools cache, provisioned first when the script is newer than the cache. */
  public static synchronized ToolCache get() {
    if (instance == null) {
      ToolCache tools = new ToolCache(directory());
      if (!tools.matchesScript()) {
        tools.provision();
      }
      instance = tools;
    }
    return instance;
  }

  /** {@code GITFOUNDRY_TOOLS_DIR}, else {@code ~/.cache/gitfoundry} like the script. */
  public static Path directory() {
    String configured = System.getenv("GITFOUNDRY_TOOLS_DIR");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "gitfoundry");
  }

  /** The repository root: the nearest directory above the working directory with the script. */
  public static Path repositoryRoot() {
    return findRepositoryRoot()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no "
                        + PROVISION_SCRIPT
                        + " in "
                        + Paths.get("").toAbsolutePath()
                        + " or above; run it from the Gitfoundry checkout"));
  }

  private static Optional<Path> findRepositoryRoot() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(PROVISION_SCRIPT))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** An executable from the cache, e.g. {@code binary("gitea")}, provisioned if missing. */
  public synchronized Path binary(String name) {
    if (!Files.isExecutable(binDirectory().resolve(name))) {
      provision();
      if (!Files.isExecutable(binDirectory().resolve(name))) {
        throw new IllegalStateException(
            name
                + " is missing from "
                + binDirectory()
                + " after provisioning. "
                + HOW_TO_GET_THEM);
      }
    }
    return binDirectory().resolve(name);
  }

  public String kubernetesVersion() {
    return property("kubernetes.version");
  }

  public String giteaVersion() {
    return property("gitea.version");
  }

  public String cfVersion() {
    return property("cf.version");
  }

  /** The directory kube-api-test searches for {@code k8s/<version>-linux-amd64/}. */
  public Path kubeApiTestDirectory() {
    binary("kube-apiserver");
    binary("etcd");
    binary("kubectl");
    return Paths.get(property("kubeapitest.dir"));
  }

  /** Gitea's templates, locales and public assets: its sources in the Go module cache. */
  public Path giteaStaticRoot() {
    binary("gitea");
    return Paths.get(property("gitea.static.root"));
  }

  /** kwok has no built-in behaviour; these Stages make nodes and pods turn ready quickly. */
  public Path kwokStages() {
    binary("kwok");
    return Paths.get(property("kwok.stages"));
  }

  /** kpack's released manifests ({@code config/} of its Go module): its CRDs among them. */
  public synchronized Path kpackConfig() {
    if (properties.getProperty("kpack.config") == null
        || !Files.isDirectory(Paths.get(properties.getProperty("kpack.config")))) {
      provision();
    }
    return Paths.get(property("kpack.config"));
  }

  private Path binDirectory() {
    return Paths.get(properties.getProperty("bin.dir", directory.resolve("bin").toString()));
  }

  private String property(String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(
          key + " missing from " + directory.resolve("tools.properties") + ". " + HOW_TO_GET_THEM);
    }
    return value;
  }

  /** True when the cache was provisioned by this very script (or no script is at hand). */
  private boolean matchesScript() {
    Optional<Path> root = findRepositoryRoot();
    if (root.isEmpty()) {
      return !properties.isEmpty();
    }
    return sha256(root.get().resolve(PROVISION_SCRIPT))
        .equals(properties.getProperty("script.sha256"));
  }

  private void provision() {
    Path script;
    try {
      script = repositoryRoot().resolve(PROVISION_SCRIPT);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "local components missing in " + directory + ". " + HOW_TO_GET_THEM, e);
    }
    System.out.println(
        "[gitfoundry] provisioning the local components in " + directory + " with " + script);
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).inheritIO();
    builder.environment().put("GITFOUNDRY_TOOLS_DIR", directory.toString());
    int exitCode;
    try {
      exitCode = builder.start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script + ". " + HOW_TO_GET_THEM, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning the local components", e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          script
              + " failed (exit code "
              + exitCode
              + "); see its output above. "
              + HOW_TO_GET_THEM);
    }
    properties =
        readProperties(directory)
            .orElseThrow(() -> new IllegalStateException(script + " wrote no tools.properties"));
  }

  private static Optional<Properties> readProperties(Path directory) {
    Path file = directory.resolve("tools.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(properties);
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
