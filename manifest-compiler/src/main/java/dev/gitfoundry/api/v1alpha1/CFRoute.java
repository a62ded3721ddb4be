package dev.gitfoundry.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A CF route: an HTTPRoute (or Ingress) to CF app processes. */
@Group(GitfoundryResource.GROUP)
@Version(GitfoundryResource.VERSION)
@Kind("CFRoute")
@Singular("cfroute")
@Plural("cfroutes")
@ShortNames("cfroute")
@AdditionalPrinterColumn(name = "Host", jsonPath = ".spec.host", type = Type.STRING)
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".spec.domain", type = Type.STRING)
@AdditionalPrinterColumn(name = "Path", jsonPath = ".spec.path", type = Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CFRoute extends GitfoundryResource<CFRouteSpec, CFRouteStatus> {
  public CFRoute() {
    super(new CFRouteSpec());
  }
}
