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
  /** Runs {@code gitfoundry demo --port <free> --exit-when-ready <args>}; asserts exit 0. */
  private static String demo(String... args) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String[] all = new String[args.length + 4];
    all[0] = "demo";
    all[1] = "--port";
    all[2] = Integer.toString(port);
    all[3] = "--exit-when-ready";
    System.arraycopy(args, 0, all, 4, args.length);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = GitfoundryCommand.commandLine().execute(all);
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(exit).as("exit code of demo").isZero();
    assertThat(output).contains("Stopped; nothing is left running.");
    return output;
  }

  @Test
  void theDemoReachesSuccess() throws Exception {
    String output = demo();
    assertThat(output)
        .contains("commit status gitfoundry: success \"1/1 apps running\"")
        .containsPattern(
            "demo-dev\\s+hello\\s+True\\s+web 2/2\\s+http://hello\\.apps\\.127\\.0\\.0\\.1\\.nip\\.io")
        .contains("cf login -u kubeapitest -o demo -s dev", "cf app hello")
        .contains("git checkout -b try-preview", "mkdir -p demo/dev/try-preview");
  }

  /**
   * The bigger example: a buildpack app staged through kpack's real CRDs (the demo's stand-in marks
   * its Image built) and apps bound to service instances whose Secrets the demo creates.
   */
  @Test
  void theAcmeDemoReachesSuccessWithABuildpackAppAndServiceInstances() throws Exception {
    String output = demo("--repository", "examples/repos/acme");
    assertThat(output)
        .contains("kpack's CRDs installed", "STAND-IN builder for this demo only")
        .contains("create secret generic orders-db", "create secret generic cache")
        .contains("Secret acme-prod/orders-db created", "Secret acme-prod/cache created")
        .contains("commit status gitfoundry: success \"5/5 apps running\"")
        .containsPattern(
            "acme-prod\\s+api\\s+True\\s+web 2/2\\s+http://api\\.apps\\.acme\\.example\\.com/v1")
        .containsPattern("acme-prod\\s+web\\s+True\\s+web 3/3, worker 1/1")
        .contains("get images.kpack.io -A")
        .contains("mkdir -p acme/prod/try-preview");
  }
}
