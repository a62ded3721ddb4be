package dev.gitfoundry.operator.config;

/** How CFRoutes are exposed: Gateway API HTTPRoutes, or classic Ingresses. */
public enum RoutingMode {
  GATEWAY,
  INGRESS
}
