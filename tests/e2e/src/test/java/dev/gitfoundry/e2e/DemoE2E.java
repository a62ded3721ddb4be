package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.operator.cli.GitfoundryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command: {@code gitfoundry demo} runs the whole loop to a success status. */
class DemoE2E {
  @Test
  void theDemoReachesSuccess() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          GitfoundryCommand.commandLine()
              .execute("demo", "--port", Integer.toString(port), "--exit-when-ready");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(exit).isZero();
    assertThat(output)
        .contains("commit status gitfoundry: success \"1/1 apps running\"")
        .containsPattern(
            "demo-dev\\s+hello\\s+True\\s+web 2/2\\s+http://hello\\.apps\\.127\\.0\\.0\\.1\\.nip\\.io")
        .contains("Stopped; nothing is left running.");
  }
}
