package dev.gitfoundry.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A CF app: one Deployment per process type, plus its env Secret and Services. */
@Group(GitfoundryResource.GROUP)
@Version(GitfoundryResource.VERSION)
@Kind("CFApp")
@Singular("cfapp")
@Plural("cfapps")
@ShortNames("cfapp")
@AdditionalPrinterColumn(name = "Display Name", jsonPath = ".spec.displayName", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.urls[0]", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Revision",
    jsonPath = ".metadata.annotations.gitfoundry\\.dev/revision",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CFApp extends GitfoundryResource<CFAppSpec, CFAppStatus> {
  public CFApp() {
    super(new CFAppSpec());
  }
}
