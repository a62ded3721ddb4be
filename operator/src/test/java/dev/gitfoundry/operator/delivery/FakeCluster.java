package dev.gitfoundry.operator.delivery;

import dev.gitfoundry.api.v1alpha1.CFApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A cluster in memory for the delivery stages: a {@link LiveState} and a {@link ClusterWriter} over
 * the same objects, recording every call, and refusing what a test tells it to refuse.
 */
final class FakeCluster implements LiveState, ClusterWriter {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  final Map<String, HasMetadata> objects = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> refusals = new HashMap<>();
  private Predicate<HasMetadata> refuseIf = o -> false;
  private int refusalCode = 422;
  private final java.util.concurrent.atomic.AtomicLong versions =
      new java.util.concurrent.atomic.AtomicLong();

  /** Someone else edits a live object: it gets a new resourceVersion, as on a real API server. */
  void editByHand(
      String kind, String namespace, String name, java.util.function.Consumer<HasMetadata> edit) {
    HasMetadata live = SERIALIZATION.clone(objects.get(kind + "/" + namespace + "/" + name));
    edit.accept(live);
    live.getMetadata().setResourceVersion(Long.toString(versions.incrementAndGet()));
    objects.put(kind + "/" + namespace + "/" + name, live);
  }

  /** The API server refuses objects matching {@code condition} with HTTP {@code code}. */
  FakeCluster refusing(Predicate<HasMetadata> condition, int code) {
    this.refuseIf = condition;
    this.refusalCode = code;
    return this;
  }

  FakeCluster with(HasMetadata object) {
    objects.put(key(ObjectRef.of(object)), SERIALIZATION.clone(object));
    return this;
  }

  List<String> writes() {
    return calls.stream().filter(c -> c.startsWith("apply ") || c.startsWith("delete ")).toList();
  }

  @Override
  public Optional<HasMetadata> get(String kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(kind + "/" + namespace + "/" + name));
  }

  @Override
  public List<HasMetadata> all(String kind) {
    synchronized (objects) {
      return objects.values().stream().filter(o -> o.getKind().equals(kind)).toList();
    }
  }

  @Override
  public List<HasMetadata> owned(String owner) {
    synchronized (objects) {
      return objects.values().stream()
          .filter(o -> Owner.of(o.getMetadata().getLabels()).filter(owner::equals).isPresent())
          .toList();
    }
  }

  List<CFApp> apps(String owner) {
    return owned(owner).stream().filter(o -> o instanceof CFApp).map(o -> (CFApp) o).toList();
  }

  @Override
  public void apply(HasMetadata object, String fieldManager, boolean dryRun) {
    ObjectRef ref = ObjectRef.of(object);
    calls.add((dryRun ? "dry-run " : "apply ") + ref);
    if (refuseIf.test(object)) {
      throw new KubernetesClientException(
          new StatusBuilder().withCode(refusalCode).withMessage("denied by policy").build());
    }
    if (!dryRun) {
      HasMetadata stored = SERIALIZATION.clone(object);
      HasMetadata before = objects.get(key(ref));
      stored
          .getMetadata()
          .setUid(
              before == null
                  ? java.util.UUID.randomUUID().toString()
                  : before.getMetadata().getUid());
      stored.getMetadata().setResourceVersion(Long.toString(versions.incrementAndGet()));
      objects.put(key(ref), stored);
    }
  }

  @Override
  public void delete(ObjectRef ref) {
    calls.add("delete " + ref);
    objects.remove(key(ref));
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    calls.add("get Namespace/" + name);
    return Optional.ofNullable((Namespace) objects.get("Namespace/null/" + name));
  }

  @Override
  public void create(Namespace namespace) {
    apply(namespace, "create", false);
  }

  private static String key(ObjectRef ref) {
    return ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }
}
