package dev.gitfoundry.compiler.yaml;

import java.math.BigDecimal;

/** How Ruby prints values, where Cloud Controller's messages or env values depend on it. */
public final class RubyFormat {
  private RubyFormat() {}

  /**
   * A float as Cloud Controller reads it after the cf CLI re-marshalled the manifest with go-yaml
   * v2 (Go's shortest {@code %g}): integral values below 1e6 arrive as integers, so {@code 1.0}
   * becomes {@code 1}; other values keep Ruby's {@code Float#to_s}.
   */
  public static String cliFloatToString(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e6) {
      return Long.toString((long) value);
    }
    return floatToString(value);
  }

  /** Ruby's {@code Float#to_s}: {@code 1.0}, {@code 1.5}, {@code 1.0e+20}, {@code Infinity}. */
  public static String floatToString(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude >= 1e16 || magnitude < 1e-4)) {
      String[] parts = String.format("%.17e", value).split("e");
      String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
      if (!mantissa.contains(".")) {
        mantissa += ".0";
      }
      int exponent = Integer.parseInt(parts[1]);
      return mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
