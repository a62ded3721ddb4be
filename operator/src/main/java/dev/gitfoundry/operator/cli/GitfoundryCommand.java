package dev.gitfoundry.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gitfoundry}: the one executable, with a subcommand per job. */
@Command(
    name = "gitfoundry",
    mixinStandardHelpOptions = true,
    versionProvider = GitfoundryCommand.Version.class,
    description = "GitOps for Cloud Foundry apps on Kubernetes.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      CompileCommand.class,
      ValidateCommand.class,
      DiffCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GitfoundryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** picocli exits 2 on usage errors, as validate's contract says. */
  public static CommandLine commandLine() {
    return new CommandLine(new GitfoundryCommand());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** The jar's version, from its manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GitfoundryCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gitfoundry " + (version == null ? "development" : version)};
    }
  }
}
