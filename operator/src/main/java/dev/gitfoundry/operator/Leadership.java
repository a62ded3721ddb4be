package dev.gitfoundry.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this replica holds the leader Lease. Only the leader polls, applies and posts; the others
 * still serve the CF API and verify webhooks, and need to know where to send them.
 */
public final class Leadership {
  private final AtomicBoolean leading;
  private final AtomicReference<String> leader = new AtomicReference<>();

  private Leadership(boolean leading) {
    this.leading = new AtomicBoolean(leading);
  }

  /** Without leader election every replica acts (there is only one). */
  static Leadership withoutElection() {
    return new Leadership(true);
  }

  static Leadership elected() {
    return new Leadership(false);
  }

  LeaderCallbacks callbacks() {
    return new LeaderCallbacks(() -> leading.set(true), () -> leading.set(false), leader::set);
  }

  public boolean leading() {
    return leading.get();
  }

  /** The identity holding the Lease as last seen, or null before the first observation. */
  public String leader() {
    return leader.get();
  }
}
