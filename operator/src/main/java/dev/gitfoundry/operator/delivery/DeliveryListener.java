package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.CommitInfo;
import java.util.List;

/** Told about every revision of a branch that was applied, with what it did to each app. */
public interface DeliveryListener {
  /**
   * Called once per applied revision, after its objects were written.
   *
   * @param changes every app the revision added, changed or removed (never capped)
   */
  void applied(GitSource source, String revision, CommitInfo commit, List<AppChange> changes);
}
