package dev.gitfoundry.gitsync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Serves bare repositories under a directory with the real {@code git http-backend} (CGI) behind a
 * JDK HttpServer, optionally behind basic auth, and counts requests by kind so tests can assert how
 * many ls-remotes and fetches a poller made.
 */
final class GitHttpBackend implements AutoCloseable {
  /** Request kinds counted. */
  enum Kind {
    /** GET info/refs: the ref advertisement (ls-remote in protocol v0, capabilities in v2). */
    ADVERTISEMENT,
    /** POST git-upload-pack with a v2 ls-refs command. */
    LS_REFS,
    /** POST git-upload-pack asking for objects (v2 fetch command, or v0 want lines). */
    FETCH,
    /** Rejected for missing or wrong credentials. */
    UNAUTHORIZED,
    OTHER
  }

  static {
    // headers and body go out in separate writes; without this Nagle adds ~40 ms per request
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Path root;
  private final Map<Kind, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile String expectedAuthorization;
  private volatile CountDownLatch gate;
  private final AtomicInteger held = new AtomicInteger();

  GitHttpBackend(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String repositoryName) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repositoryName + ".git";
  }

  void requireBasicAuth(String user, String password) {
    expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  int count(Kind kind) {
    AtomicInteger count = counts.get(kind);
    return count == null ? 0 : count.get();
  }

  void resetCounts() {
    counts.clear();
  }

  /** Holds every request until {@link #release()}, so a test can look at a poll in progress. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    CountDownLatch open = gate;
    gate = null;
    if (open != null) {
      open.countDown();
    }
  }

  /** Requests waiting at the gate of {@link #hold()}. */
  int held() {
    return held.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      awaitGate();
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = expectedAuthorization;
      if (authorization != null
          && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        record(Kind.UNAUTHORIZED);
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      record(classify(exchange, body));
      runCgi(exchange, body);
    }
  }

  private void awaitGate() {
    CountDownLatch closed = gate;
    if (closed == null) {
      return;
    }
    held.incrementAndGet();
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      held.decrementAndGet();
    }
  }

  private void record(Kind kind) {
    counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
  }

  private static Kind classify(HttpExchange exchange, byte[] body) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/info/refs")) {
      return Kind.ADVERTISEMENT;
    }
    if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/git-upload-pack")) {
      String text = new String(decoded(exchange, body), StandardCharsets.ISO_8859_1);
      if (text.contains("command=ls-refs")) {
        return Kind.LS_REFS;
      }
      if (text.contains("command=fetch") || text.contains("want ")) {
        return Kind.FETCH;
      }
    }
    return Kind.OTHER;
  }

  private static byte[] decoded(HttpExchange exchange, byte[] body) throws IOException {
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return in.readAllBytes();
      }
    }
    return body;
  }

  private void runCgi(HttpExchange exchange, byte[] body) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = builder.environment();
    env.put("GIT_PROJECT_ROOT", root.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("PATH_INFO", exchange.getRequestURI().getPath());
    env.put("QUERY_STRING", nullToEmpty(exchange.getRequestURI().getRawQuery()));
    env.put("REQUEST_METHOD", exchange.getRequestMethod());
    env.put("REMOTE_ADDR", "127.0.0.1");
    env.put("REMOTE_USER", "tester");
    env.put("CONTENT_LENGTH", Integer.toString(body.length));
    putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
    putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
    putHeader(exchange, env, "Git-Protocol", "GIT_PROTOCOL");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                in.write(body);
              } catch (IOException ignored) {
                // the CGI may exit before reading everything; its output says why
              }
            });
    writer.start();
    byte[] output = process.getInputStream().readAllBytes();
    sendCgiResponse(exchange, output);
  }

  private static void putHeader(
      HttpExchange exchange, Map<String, String> env, String header, String variable) {
    String value = exchange.getRequestHeaders().getFirst(header);
    if (value != null) {
      env.put(variable, value);
    }
  }

  /** CGI output: header lines, a blank line, the body; "Status:" sets the code. */
  private static void sendCgiResponse(HttpExchange exchange, byte[] output) throws IOException {
    int headerEnd = indexOfBlankLine(output);
    String headers = new String(output, 0, Math.max(headerEnd, 0), StandardCharsets.ISO_8859_1);
    int status = 200;
    for (String line : headers.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    int bodyStart = headerEnd < 0 ? output.length : headerEnd + blankLineLength(output, headerEnd);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(output, bodyStart, output.length - bodyStart);
    exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
    body.writeTo(exchange.getResponseBody());
  }

  private static int indexOfBlankLine(byte[] data) {
    for (int i = 0; i + 1 < data.length; i++) {
      if (data[i] == '\n' && data[i + 1] == '\n') {
        return i;
      }
      if (i + 3 < data.length
          && data[i] == '\r'
          && data[i + 1] == '\n'
          && data[i + 2] == '\r'
          && data[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int blankLineLength(byte[] data, int at) {
    return data[at] == '\r' ? 4 : 2;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
