package dev.gitfoundry.api;

/** Label and annotation keys shared by every Gitfoundry component. */
public final class Labels {
  /** Prefix of every Gitfoundry label and annotation key. */
  public static final String PREFIX = "gitfoundry.dev/";

  /** Label: name of the GitSource that produced the object. */
  public static final String SOURCE = PREFIX + "source";

  /** Label: namespace of the GitSource that produced the object. */
  public static final String SOURCE_NAMESPACE = PREFIX + "source-namespace";

  /** Annotation: revision ({@code main@sha1:<sha>}) the object was compiled from. */
  public static final String REVISION = PREFIX + "revision";

  /**
   * Annotation on a GitSource: any new value asks for a poll now (like Flux's {@code
   * reconcile.fluxcd.io/requestedAt}). Standby replicas set it to hand a webhook to the leader.
   */
  public static final String REQUESTED_AT = PREFIX + "requested-at";

  /** Label: Kubernetes name of the CFOrg. */
  public static final String ORG = PREFIX + "org";

  /** Label: Kubernetes name of the CFSpace. */
  public static final String SPACE = PREFIX + "space";

  /** Label: Kubernetes name of the CFApp. */
  public static final String APP = PREFIX + "app";

  /** Label: CF guid of the app. */
  /** The CF GUID (UUIDv5) of a CFOrg, CFSpace or CFApp, as the CF API serves it. */
  public static final String GUID = PREFIX + "guid";

  public static final String APP_GUID = PREFIX + "app-guid";

  /** Label: CF process type (web, worker, ...). */
  public static final String PROCESS_TYPE = PREFIX + "process-type";

  /** Label: marks objects managed by Gitfoundry; value is {@link #MANAGED_BY_VALUE}. */
  public static final String MANAGED_BY = PREFIX + "managed-by";

  /** Value of {@link #MANAGED_BY}. */
  public static final String MANAGED_BY_VALUE = "gitfoundry";

  /** Label on preview objects: name of the GitSource whose pull request they preview. */
  public static final String PREVIEW_SOURCE = PREFIX + "preview-source";

  /** Label on preview objects: namespace of that GitSource. */
  public static final String PREVIEW_SOURCE_NAMESPACE = PREFIX + "preview-source-namespace";

  /** Label on preview objects: the pull request's number. */
  public static final String PULL_REQUEST = PREFIX + "pull-request";

  private Labels() {}
}
