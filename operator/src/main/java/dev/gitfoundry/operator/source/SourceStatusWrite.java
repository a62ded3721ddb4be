package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes a GitSource's status so that the next reconcile is sure to read it. The status records
 * what was attempted and posted; a reconcile that read an older copy from the informer cache would
 * apply and post again, so the patch waits until the cache has it.
 */
final class SourceStatusWrite {
  private SourceStatusWrite() {}

  static void patch(GitSource source, Context<GitSource> context) {
    GitSource written = new GitSource();
    written.getMetadata().setName(source.getMetadata().getName());
    written.getMetadata().setNamespace(source.getMetadata().getNamespace());
    written.setStatus(source.getStatus());
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(source, written, context);
  }
}
