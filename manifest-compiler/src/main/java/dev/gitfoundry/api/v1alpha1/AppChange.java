package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What one revision did to one app: added, changed (which fields) or removed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppChange {
  public static final String ADDED = "added";
  public static final String CHANGED = "changed";
  public static final String REMOVED = "removed";

  @JsonProperty("action")
  @JsonPropertyDescription("added, changed or removed.")
  private String action;

  @JsonProperty("org")
  @JsonPropertyDescription("CF org name.")
  private String org;

  @JsonProperty("space")
  @JsonPropertyDescription("CF space name.")
  private String space;

  @JsonProperty("app")
  @JsonPropertyDescription("CF app name.")
  private String app;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace of the CFApp.")
  private String namespace;

  @JsonProperty("name")
  @JsonPropertyDescription("Name of the CFApp.")
  private String name;

  @JsonProperty("fields")
  @JsonPropertyDescription(
      "Changed fields as manifest-like paths (env values are never recorded, only their keys).")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> fields;

  public AppChange() {}

  public AppChange(
      String action,
      String org,
      String space,
      String app,
      String namespace,
      String name,
      List<String> fields) {
    this.action = action;
    this.org = org;
    this.space = space;
    this.app = app;
    this.namespace = namespace;
    this.name = name;
    this.fields = fields;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getOrg() {
    return org;
  }

  public void setOrg(String org) {
    this.org = org;
  }

  public String getSpace() {
    return space;
  }

  public void setSpace(String space) {
    this.space = space;
  }

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = app;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getFields() {
    return fields;
  }

  public void setFields(List<String> fields) {
    this.fields = fields;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AppChange other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(action, other.action)
        && Objects.equals(org, other.org)
        && Objects.equals(space, other.space)
        && Objects.equals(app, other.app)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(name, other.name)
        && Objects.equals(fields, other.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, org, space, app, namespace, name, fields);
  }
}
