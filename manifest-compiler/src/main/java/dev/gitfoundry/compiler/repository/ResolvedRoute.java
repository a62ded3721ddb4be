package dev.gitfoundry.compiler.repository;

/** A route matched to a domain: what a CFRoute is made of. {@code host} is "" when hostless. */
record ResolvedRoute(
    String host, String domain, String path, Integer port, String protocol, String loadbalancing) {

  String url() {
    String hostname = host.isEmpty() ? domain : host + "." + domain;
    return port != null ? hostname + ":" + port : hostname + path;
  }
}
