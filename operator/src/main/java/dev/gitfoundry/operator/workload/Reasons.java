package dev.gitfoundry.operator.workload;

/** CamelCase condition reasons used by the workload reconcilers. */
public final class Reasons {
  public static final String READY = "Ready";
  public static final String RECONCILE_FAILED = "ReconcileFailed";
  public static final String INVALID_SPEC = "InvalidSpec";

  public static final String UNKNOWN_ROLE = "UnknownRole";

  public static final String RUNNING = "Running";
  public static final String STOPPED = "Stopped";
  public static final String PROCESSES_NOT_READY = "ProcessesNotReady";
  public static final String ENV_SECRET_NOT_FOUND = "EnvSecretNotFound";
  public static final String SERVICE_INSTANCE_NOT_FOUND = "ServiceInstanceNotFound";
  public static final String STAGING_UNAVAILABLE = "StagingUnavailable";
  public static final String STAGING = "Staging";
  public static final String STAGING_FAILED = "StagingFailed";
  public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  public static final String ERR_IMAGE_PULL = "ErrImagePull";
  public static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
  public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  public static final String UNSCHEDULABLE = "Unschedulable";

  public static final String ROUTED = "Routed";
  public static final String ROUTE_CONFLICT = "RouteConflict";
  public static final String TCP_ROUTING_UNSUPPORTED = "TCPRoutingUnsupported";
  public static final String GATEWAY_API_UNAVAILABLE = "GatewayAPIUnavailable";
  public static final String GATEWAY_NOT_CONFIGURED = "GatewayNotConfigured";
  public static final String NO_DESTINATIONS = "NoDestinations";

  private Reasons() {}
}
