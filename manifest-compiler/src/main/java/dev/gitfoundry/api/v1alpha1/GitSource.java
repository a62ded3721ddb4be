package dev.gitfoundry.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Git repository of CF manifests that Gitfoundry compiles and applies. */
@Group(GitfoundryResource.GROUP)
@Version(GitfoundryResource.VERSION)
@Kind("GitSource")
@Singular("gitsource")
@Plural("gitsources")
@ShortNames("gs")
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Revision",
    jsonPath = ".status.lastAppliedRevision",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class GitSource extends GitfoundryResource<GitSourceSpec, GitSourceStatus> {
  public GitSource() {
    super(new GitSourceSpec());
  }
}
