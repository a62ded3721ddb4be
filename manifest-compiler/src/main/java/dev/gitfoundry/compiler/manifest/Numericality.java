package dev.gitfoundry.compiler.manifest;

import dev.gitfoundry.compiler.yaml.YamlNode;
import dev.gitfoundry.compiler.yaml.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Rails' {@code numericality: {only_integer: true}} as Cloud Controller applies it. */
final class Numericality {
  private static final Pattern INTEGER = Pattern.compile("^\\s*[+-]?\\d+\\s*$");
  private static final Pattern DECIMAL =
      Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)\\s*$");

  /** An integer, or the Rails message tail explaining why not. */
  record Result(BigInteger value, String problem) {}

  private Numericality() {}

  static Result integer(YamlNode node) {
    if (!(node instanceof YamlScalar scalar) || scalar.isBoolean()) {
      return new Result(null, "is not a number");
    }
    if (scalar.isInteger()) {
      return new Result(new BigInteger(scalar.value().toString()), null);
    }
    if (scalar.value() instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite()
          ? new Result(BigDecimal.valueOf(d).toBigInteger(), null)
          : new Result(null, "must be an integer");
    }
    String text = scalar.text();
    if (INTEGER.matcher(text).matches()) {
      return new Result(new BigInteger(text.strip().replace("+", "")), null);
    }
    return DECIMAL.matcher(text).matches()
        ? new Result(null, "must be an integer")
        : new Result(null, "is not a number");
  }

  /** Validates {@code min <= value <= max} (null bound = none) and returns the Rails tail. */
  static String range(BigInteger value, Long min, Long max) {
    if (min != null && value.compareTo(BigInteger.valueOf(min)) < 0) {
      return "must be greater than or equal to " + min;
    }
    if (max != null && value.compareTo(BigInteger.valueOf(max)) > 0) {
      return "must be less than or equal to " + max;
    }
    return null;
  }
}
