package dev.gitfoundry.compiler.foundation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 destinations as Cloud Controller accepts them in security group rules (an address, a CIDR or
 * netmask network, or a range {@code first-last}), and the CIDR blocks that cover them, which is
 * what a Kubernetes NetworkPolicy can express.
 */
public final class Ipv4 {
  private static final Pattern ADDRESS =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final long ALL = 0xFFFFFFFFL;

  /** A network: its first address and prefix length. */
  public record Block(long start, int prefix) {
    long end() {
      return start + (1L << (32 - prefix)) - 1;
    }

    /** Canonical CIDR text: the network address, as the API server wants it. */
    public String cidr() {
      return text(start) + "/" + prefix;
    }
  }

  private Ipv4() {}

  /**
   * An address, or a CIDR/netmask network (host bits cleared, as Ruby's IPAddr does); else null.
   */
  public static Block network(String text) {
    int slash = text.indexOf('/');
    Long address = address(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      return null;
    }
    int prefix = 32;
    if (slash >= 0) {
      Integer parsed = prefix(text.substring(slash + 1));
      if (parsed == null) {
        return null;
      }
      prefix = parsed;
    }
    long mask = prefix == 0 ? 0 : (ALL << (32 - prefix)) & ALL;
    return new Block(address & mask, prefix);
  }

  /** A plain address (no prefix), as range endpoints must be; else null. */
  public static Long address(String text) {
    Matcher m = ADDRESS.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long value = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return null;
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  /** Whether an octet is written with a leading zero ({@code 010}), which CC refuses. */
  public static boolean hasLeadingZeros(String destination) {
    for (String part : destination.split("-", -1)) {
      String address = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
      for (String octet : address.split("\\.", -1)) {
        if (octet.length() > 1 && octet.startsWith("0")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The fewest CIDR blocks that cover a valid destination exactly. */
  public static List<Block> blocks(String destination) {
    int dash = destination.indexOf('-');
    if (dash < 0) {
      Block block = network(destination);
      if (block == null) {
        throw new IllegalArgumentException("not an IPv4 destination: " + destination);
      }
      return List.of(block);
    }
    Long first = address(destination.substring(0, dash));
    Long last = address(destination.substring(dash + 1));
    if (first == null || last == null || first > last) {
      throw new IllegalArgumentException("not an IPv4 range: " + destination);
    }
    List<Block> blocks = new ArrayList<>();
    long start = first;
    while (start <= last) {
      int prefix = 32 - Long.numberOfTrailingZeros(start | (1L << 32));
      while (new Block(start, prefix).end() > last) {
        prefix++;
      }
      Block block = new Block(start, prefix);
      blocks.add(block);
      start = block.end() + 1;
    }
    return blocks;
  }

  static String text(long address) {
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  private static Integer prefix(String text) {
    if (text.matches("\\d{1,2}")) {
      int prefix = Integer.parseInt(text);
      return prefix <= 32 ? prefix : null;
    }
    Long mask = address(text);
    if (mask == null) {
      return null;
    }
    int ones = Long.bitCount(mask);
    long expected = ones == 0 ? 0 : (ALL << (32 - ones)) & ALL;
    return mask == expected ? ones : null;
  }
}
