package dev.gitfoundry.compiler.yaml;

import java.math.BigInteger;

/**
 * A scalar: {@code value} is a String, Boolean, Long, BigInteger, Double or null, resolved with
 * YAML 1.1 rules (so {@code yes} is true and {@code 010} is 8). {@code text} is the scalar as
 * written.
 */
public record YamlScalar(Object value, String text, Position position) implements YamlNode {

  public boolean isNull() {
    return value == null;
  }

  public boolean isString() {
    return value instanceof String;
  }

  public boolean isBoolean() {
    return value instanceof Boolean;
  }

  public boolean isInteger() {
    return value instanceof Long || value instanceof BigInteger;
  }

  public boolean isNumber() {
    return isInteger() || value instanceof Double;
  }

  /**
   * The value as a Go string field receives it: go-yaml v2 assigns the scalar's text to a string
   * field whatever its resolved type.
   */
  public String asGoString() {
    return value == null ? "" : text;
  }

  /** Ruby's {@code to_s} of the value as Cloud Controller stringifies env values. */
  public String asRubyString() {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return RubyFormat.cliFloatToString(d);
    }
    return value.toString();
  }

  @Override
  public String goTypeName() {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? "int" : "int64";
    }
    if (value instanceof BigInteger) {
      return "uint64";
    }
    return "string";
  }
}
