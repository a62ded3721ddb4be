package dev.gitfoundry.gitsync.forge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A local HTTP server playing a forge API: scripted answers, recorded requests. */
final class StubForge implements AutoCloseable {
  record Recorded(
      String method, String pathAndQuery, Map<String, List<String>> headers, String body) {}

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> scripted = new ArrayDeque<>();
  private volatile Function<Recorded, Answer> fallback = r -> Answer.json(201, "{}");

  StubForge() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  synchronized void thenAnswer(Answer answer) {
    scripted.add(answer);
  }

  void otherwise(Function<Recorded, Answer> answers) {
    fallback = answers;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Recorded recorded =
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              Map.copyOf(exchange.getRequestHeaders()),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(recorded);
      Answer answer;
      synchronized (this) {
        answer = scripted.isEmpty() ? null : scripted.poll();
      }
      if (answer == null) {
        answer = fallback.apply(recorded);
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
