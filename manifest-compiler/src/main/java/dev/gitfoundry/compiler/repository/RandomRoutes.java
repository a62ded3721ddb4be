package dev.gitfoundry.compiler.repository;

/**
 * {@code random-route: true} hosts in Cloud Controller's shape, {@code NAME-ADJECTIVE-NOUN-XY}, but
 * derived from the app's identity so that recompiling never moves the route.
 */
final class RandomRoutes {
  private static final String[] ADJECTIVES = {
    "brave", "calm", "daring", "eager", "fierce", "gentle", "happy", "jolly", "kind", "lively",
    "merry", "nimble", "proud", "quiet", "rapid", "shy", "silly", "sunny", "swift", "tidy",
    "unique", "vivid", "wise", "witty", "zany", "bold", "bright", "cheerful", "clever", "cool",
    "fresh", "grand"
  };
  private static final String[] NOUNS = {
    "antelope",
    "badger",
    "bear",
    "bison",
    "camel",
    "cheetah",
    "dolphin",
    "eagle",
    "elephant",
    "falcon",
    "fox",
    "gazelle",
    "giraffe",
    "hedgehog",
    "ibex",
    "jaguar",
    "koala",
    "lemur",
    "lion",
    "lynx",
    "meerkat",
    "narwhal",
    "ocelot",
    "otter",
    "panda",
    "quokka",
    "rabbit",
    "seal",
    "tiger",
    "walrus",
    "wombat",
    "zebra"
  };

  private RandomRoutes() {}

  static String host(String appHost, String seed) {
    byte[] hash = KubernetesNames.sha256(seed);
    String suffix =
        ADJECTIVES[Math.floorMod(hash[0], ADJECTIVES.length)]
            + "-"
            + NOUNS[Math.floorMod(hash[1], NOUNS.length)]
            + "-"
            + (char) ('a' + Math.floorMod(hash[2], 26))
            + (char) ('a' + Math.floorMod(hash[3], 26));
    String host = appHost + "-" + suffix;
    return host.length() <= 63
        ? host
        : appHost.substring(0, 63 - suffix.length() - 1) + "-" + suffix;
  }
}
