package dev.gitfoundry.compiler.yaml;

/** The bytes are not YAML we accept; the message is what the user should read. */
public final class YamlSyntaxException extends Exception {
  private final Position position;

  public YamlSyntaxException(String message, Position position) {
    super(message);
    this.position = position;
  }

  public Position position() {
    return position;
  }
}
