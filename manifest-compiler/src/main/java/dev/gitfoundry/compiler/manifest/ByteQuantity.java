package dev.gitfoundry.compiler.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as Cloud Controller parses them (PalmCivet): a number then a binary unit, case
 * insensitive, fractions allowed, megabytes truncated.
 */
public final class ByteQuantity {
  private static final Pattern NUMBER_FIRST = Pattern.compile("^-?\\d+(\\.\\d+)?");
  private static final Pattern QUANTITY =
      Pattern.compile("^(-?\\d+(?:\\.\\d+)?)([KMGT]i?B?|B)$", Pattern.CASE_INSENSITIVE);
  private static final BigInteger MEGABYTE = BigInteger.valueOf(1024 * 1024);

  /** Why a text is not a size; the message tails are Cloud Controller's. */
  public enum Problem {
    NOT_A_NUMBER("is not a number"),
    NO_UNIT("must use a supported unit: B, K, KB, M, MB, G, GB, T, or TB");

    public final String text;

    Problem(String text) {
      this.text = text;
    }
  }

  /** Either bytes or the problem. */
  public record Parsed(BigInteger bytes, Problem problem) {
    public long megabytes() {
      return bytes.divide(MEGABYTE).longValueExact();
    }

    public boolean ok() {
      return problem == null;
    }
  }

  private ByteQuantity() {}

  public static Parsed parse(String text) {
    String value = text.strip();
    if (!NUMBER_FIRST.matcher(value).find()) {
      return new Parsed(null, Problem.NOT_A_NUMBER);
    }
    Matcher matcher = QUANTITY.matcher(value);
    if (!matcher.matches()) {
      return new Parsed(null, Problem.NO_UNIT);
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    BigDecimal bytes = number.multiply(new BigDecimal(unitBytes(matcher.group(2))));
    return new Parsed(bytes.setScale(0, RoundingMode.DOWN).toBigInteger(), null);
  }

  private static BigInteger unitBytes(String unit) {
    switch (Character.toUpperCase(unit.charAt(0))) {
      case 'K':
        return BigInteger.ONE.shiftLeft(10);
      case 'M':
        return BigInteger.ONE.shiftLeft(20);
      case 'G':
        return BigInteger.ONE.shiftLeft(30);
      case 'T':
        return BigInteger.ONE.shiftLeft(40);
      default:
        if (!unit.toUpperCase(Locale.ROOT).equals("B")) {
          throw new IllegalArgumentException(unit);
        }
        return BigInteger.ONE;
    }
  }
}
