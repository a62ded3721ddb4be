package dev.gitfoundry.e2e.bench;

import java.io.IOException;
import java.util.List;

/**
 * The operator's live heap: {@code jcmd <pid> GC.class_histogram} runs a full GC first and counts
 * what survives, class by class; the total is the heap after GC, the top rows say what holds it.
 */
record LiveHeap(long totalBytes, List<String> rows) {
  static LiveHeap measure(OperatorProcess operator) throws IOException, InterruptedException {
    List<String> lines = operator.jcmd("GC.class_histogram").lines().toList();
    long total = -1;
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total")) {
        String[] columns = trimmed.split("\\s+");
        total = Long.parseLong(columns[2]);
      }
    }
    if (total < 0) {
      throw new IllegalStateException(
          "no Total in GC.class_histogram:\n" + String.join("\n", lines));
    }
    return new LiveHeap(total, lines);
  }

  double totalMib() {
    return totalBytes / (1024.0 * 1024.0);
  }

  /**
   * The histogram rows of whole API objects and their bookkeeping: how many copies of each kind the
   * operator's caches hold (1,000 apps cached twice show as 2,000 instances).
   */
  String kinds() {
    StringBuilder text = new StringBuilder("API objects in the live heap:\n");
    for (String line : rows) {
      if (line.matches(".*\\s(" + KINDS + ")(\\s.*)?$")) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }

  private static final String KINDS =
      "io\\.fabric8\\.kubernetes\\.api\\.model\\.(apps\\.)?(Pod|StatefulSet|ControllerRevision"
          + "|Deployment|ReplicaSet|Service|Secret|Namespace|ConfigMap|Event|ObjectMeta|ManagedFieldsEntry|FieldsV1|OwnerReference"
          + "|GenericKubernetesResource)"
          + "|io\\.fabric8\\.kubernetes\\.api\\.model\\.discovery\\.v1\\.EndpointSlice"
          + "|dev\\.gitfoundry\\.api\\.v1alpha1\\.(CFApp|CFSpace|CFOrg|CFRoute|GitSource|InventoryEntry)";

  /** The histogram's header and its first {@code n} classes. */
  String top(int n) {
    StringBuilder text = new StringBuilder("live heap after full GC, by class (top " + n + "):\n");
    int classes = 0;
    for (String line : rows) {
      boolean row = line.trim().matches("\\d+:.*");
      if (row) {
        classes++;
      }
      if (!row || classes <= n) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }
}
