package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers one revision into one scope, for a branch and for a pull-request preview alike: plan
 * (desired vs live, from caches), namespaces, dry-run of every change, parallel apply in dependency
 * order, prune. A revision is applied whole or not at all: whatever the API server refuses in the
 * dry-run, nothing is written.
 */
public final class DeliveryPipeline {
  private final Planner planner;
  private final NamespaceClaims namespaces;
  private final DryRun dryRun;
  private final ApplyWaves apply;

  public DeliveryPipeline(LiveState live, ClusterWriter writer, ParallelWrites parallel) {
    this.planner = new Planner(live);
    this.namespaces = new NamespaceClaims(writer);
    this.dryRun = new DryRun(writer, parallel);
    this.apply = new ApplyWaves(writer, parallel);
  }

  /** What delivering would change, without changing anything. */
  public Plan plan(Delivery delivery) throws DeliveryException {
    List<HasMetadata> desired = new ArrayList<>();
    for (String name : delivery.namespaces()) {
      desired.add(namespace(delivery.scope(), name));
    }
    for (HasMetadata object : delivery.desired()) {
      String namespace = object.getMetadata().getNamespace();
      if (!delivery.scope().allows(namespace)) {
        throw new DeliveryException(
            dev.gitfoundry.gitsync.ErrorKind.INVALID_INPUT,
            DeliveryException.APPLY_FAILED,
            ObjectRef.of(object),
            ObjectRef.of(object) + " is outside the namespaces this delivery may write");
      }
      desired.add(object instanceof Secret secret ? encoded(secret) : object);
    }
    return planner.plan(delivery.scope(), desired, delivery.previous(), delivery.prune());
  }

  public DeliveryResult deliver(Delivery delivery) throws DeliveryException, InterruptedException {
    Plan plan = plan(delivery);
    if (plan.changesNothing()) {
      return new DeliveryResult(plan, 0, plan.unchanged(), 0);
    }
    DeliveryScope scope = delivery.scope();
    List<ObjectRef> created = namespaces.claim(scope, plan.writes());
    List<ObjectChange> writes =
        plan.writes().stream().filter(c -> !DeliveryOrder.isNamespace(c)).toList();
    if (delivery.verify()) {
      try {
        dryRun.check(scope, writes);
      } catch (DeliveryException e) {
        namespaces.release(created);
        throw e;
      }
    }
    int written = apply.write(scope, delivery.revision(), writes) + namespaceWrites(plan);
    int pruned = apply.prune(plan.deletes());
    return new DeliveryResult(plan, written, plan.unchanged(), pruned);
  }

  private static int namespaceWrites(Plan plan) {
    return (int) plan.writes().stream().filter(DeliveryOrder::isNamespace).count();
  }

  private static Namespace namespace(DeliveryScope scope, String name) {
    Map<String, String> labels = new LinkedHashMap<>(scope.ownerLabels());
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  /** Secrets come back from the API as base64 {@code data}; compare and write them that way. */
  private static Secret encoded(Secret secret) {
    if (secret.getStringData() == null || secret.getStringData().isEmpty()) {
      return secret;
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    secret
        .getStringData()
        .forEach(
            (k, v) ->
                data.put(
                    k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder(secret).withStringData(null).withData(data).build();
  }
}
