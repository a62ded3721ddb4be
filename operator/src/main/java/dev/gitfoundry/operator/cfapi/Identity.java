package dev.gitfoundry.operator.cfapi;

import java.util.List;

/**
 * Who is calling, as the Kubernetes API server knows them. {@code kind} is what {@code /whoami}
 * answers: {@code User} or {@code ServiceAccount}.
 */
record Identity(String name, String kind, String uid, List<String> groups) {
  Identity {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  static Identity of(String username, String uid, List<String> groups) {
    String kind = username.startsWith("system:serviceaccount:") ? "ServiceAccount" : "User";
    return new Identity(username, kind, uid, groups);
  }
}
