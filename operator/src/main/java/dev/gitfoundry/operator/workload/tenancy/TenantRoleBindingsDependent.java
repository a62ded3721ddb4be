package dev.gitfoundry.operator.workload.tenancy;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.operator.workload.WorkloadLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One RoleBinding per CF role of an org or space, in its Namespace, binding the role's ClusterRole
 * to the listed users, groups and service accounts. Bindings for roles no longer listed are
 * deleted.
 */
final class TenantRoleBindingsDependent<P extends HasMetadata>
    extends KubernetesDependentResource<RoleBinding, P>
    implements CRUDKubernetesBulkDependentResource<RoleBinding, P> {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private final Function<P, Tenant> tenant;

  TenantRoleBindingsDependent(Function<P, Tenant> tenant) {
    super(RoleBinding.class);
    this.tenant = tenant;
    configureWith(
        new KubernetesDependentResourceConfigBuilder<RoleBinding>()
            .withKubernetesDependentInformerConfig(
                InformerConfiguration.builder(RoleBinding.class)
                    .withWatchAllNamespaces()
                    .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE)
                    .build())
            .build());
  }

  @Override
  public Map<ResourceID, RoleBinding> desiredResources(P primary, Context<P> context) {
    Tenant t = tenant.apply(primary);
    Map<ResourceID, RoleBinding> desired = new LinkedHashMap<>();
    for (RoleAssignment assignment : t.roles()) {
      List<Subject> subjects = subjects(assignment);
      if (subjects.isEmpty()) {
        continue;
      }
      String clusterRole = CfRoles.clusterRole(assignment.getRole());
      RoleBinding binding =
          new RoleBindingBuilder()
              .withNewMetadata()
              .withName(clusterRole)
              .withNamespace(t.namespace())
              .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
              .addToLabels(WorkloadLabels.COMPONENT, "role-" + kebab(assignment.getRole()))
              .addToAnnotations(WorkloadLabels.OWNER, WorkloadLabels.ownerValue(primary))
              .endMetadata()
              .withNewRoleRef(RBAC_GROUP, "ClusterRole", clusterRole)
              .withSubjects(subjects)
              .build();
      desired.put(ResourceID.fromResource(binding), binding);
    }
    return desired;
  }

  @Override
  public Map<ResourceID, RoleBinding> getSecondaryResources(P primary, Context<P> context) {
    return context
        .getSecondaryResourcesAsStream(RoleBinding.class)
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }

  private static List<Subject> subjects(RoleAssignment assignment) {
    List<Subject> subjects = new ArrayList<>();
    for (String user : nullToEmpty(assignment.getUsers())) {
      subjects.add(
          new SubjectBuilder().withApiGroup(RBAC_GROUP).withKind("User").withName(user).build());
    }
    for (String group : nullToEmpty(assignment.getGroups())) {
      subjects.add(
          new SubjectBuilder().withApiGroup(RBAC_GROUP).withKind("Group").withName(group).build());
    }
    for (String reference : nullToEmpty(assignment.getServiceAccounts())) {
      String[] sa = CfRoles.serviceAccount(reference);
      subjects.add(
          new SubjectBuilder()
              .withKind("ServiceAccount")
              .withNamespace(sa[0])
              .withName(sa[1])
              .build());
    }
    return subjects;
  }

  private static List<String> nullToEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
