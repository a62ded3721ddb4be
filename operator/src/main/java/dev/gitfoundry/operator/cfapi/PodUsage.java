package dev.gitfoundry.operator.cfapi;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** What an instance uses right now, where the cluster measures it. */
interface PodUsage {
  /** CPU in cores (CF shows it as a percentage of one core) and memory in bytes. */
  record Usage(double cpuCores, long memoryBytes) {}

  PodUsage NONE = pod -> Optional.empty();

  Optional<Usage> of(Pod pod);
}
