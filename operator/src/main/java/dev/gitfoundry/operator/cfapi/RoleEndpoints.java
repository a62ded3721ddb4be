package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitfoundry.api.v1alpha1.CFOrg;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.RoleAssignment;
import dev.gitfoundry.compiler.repository.StableGuids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code cf org-users} and {@code cf space-users}: the roles {@code org.yml} and {@code space.yml}
 * grant (the same assignments the operator turns into RoleBindings), with their subjects as CF
 * users: Kubernetes users (origin {@code kubernetes}), groups ({@code group}) and service accounts
 * ({@code serviceaccount}).
 */
final class RoleEndpoints {
  private static final Map<String, String> TYPES =
      Map.of(
          "OrgManager", "organization_manager",
          "OrgAuditor", "organization_auditor",
          "OrgBillingManager", "organization_billing_manager",
          "OrgUser", "organization_user",
          "SpaceDeveloper", "space_developer",
          "SpaceManager", "space_manager",
          "SpaceAuditor", "space_auditor",
          "SpaceSupporter", "space_supporter");

  /** A subject of a role binding, as a CF user. */
  record User(String guid, String username, String origin) {}

  private final Function<CfRequest, CallerView> views;

  RoleEndpoints(Function<CfRequest, CallerView> views) {
    this.views = views;
  }

  void register(Router router) {
    router.get("/v3/roles", (request, p) -> list(request));
    router.get("/v3/roles/:guid", (request, p) -> role(request, p.get("guid")));
    router.get("/v3/users", (request, p) -> users(request));
    router.get("/v3/users/:guid", (request, p) -> user(request, p.get("guid")));
  }

  private ObjectNode list(CfRequest request) {
    Map<String, User> users = new LinkedHashMap<>();
    List<ObjectNode> roles = roles(request, users);
    ObjectNode body =
        new ListQuery()
            .field("guids", "guid")
            .field("types", "type")
            .field("user_guids", "relationships", "user", "data", "guid")
            .field("organization_guids", "relationships", "organization", "data", "guid")
            .field("space_guids", "relationships", "space", "data", "guid")
            .respond(request, roles);
    List<String> include = request.list("include");
    if (include != null && include.contains("user")) {
      ArrayNode included = body.putObject("included").putArray("users");
      Set<String> added = new java.util.HashSet<>();
      for (JsonNode role : body.path("resources")) {
        String guid = CfJson.text(role, "relationships", "user", "data", "guid");
        if (added.add(guid)) {
          included.add(userJson(users.get(guid), request.baseUrl));
        }
      }
    }
    return body;
  }

  private ObjectNode role(CfRequest request, String guid) {
    return roles(request, new LinkedHashMap<>()).stream()
        .filter(role -> guid.equals(role.path("guid").asText()))
        .findFirst()
        .orElseThrow(() -> CfError.resourceNotFound("Role"));
  }

  private ObjectNode users(CfRequest request) {
    Map<String, User> users = new LinkedHashMap<>();
    roles(request, users);
    List<ObjectNode> json =
        users.values().stream().map(user -> userJson(user, request.baseUrl)).toList();
    return new ListQuery()
        .field("guids", "guid")
        .field("usernames", "username")
        .field("origins", "origin")
        .respond(request, json);
  }

  private ObjectNode user(CfRequest request, String guid) {
    Map<String, User> users = new LinkedHashMap<>();
    roles(request, users);
    User user = users.get(guid);
    if (user == null) {
      throw CfError.resourceNotFound("User");
    }
    return userJson(user, request.baseUrl);
  }

  /** Every role of the orgs and spaces the caller sees; fills {@code users} by GUID. */
  private List<ObjectNode> roles(CfRequest request, Map<String, User> users) {
    CallerView view = views.apply(request);
    List<ObjectNode> roles = new ArrayList<>();
    for (CFOrg org : view.orgs()) {
      String orgGuid = CfGuids.of(org);
      for (RoleAssignment assignment : nullToEmpty(org.getSpec().getRoles())) {
        addRoles(
            roles,
            users,
            assignment,
            orgGuid,
            null,
            org.getMetadata().getCreationTimestamp(),
            request);
      }
    }
    for (CFSpace space : view.spaces(null, null)) {
      String spaceGuid = CfGuids.of(space);
      for (RoleAssignment assignment : nullToEmpty(space.getSpec().getRoles())) {
        addRoles(
            roles,
            users,
            assignment,
            null,
            spaceGuid,
            space.getMetadata().getCreationTimestamp(),
            request);
      }
    }
    return roles;
  }

  static void addRoles(
      List<ObjectNode> roles,
      Map<String, User> users,
      RoleAssignment assignment,
      String orgGuid,
      String spaceGuid,
      String createdAt,
      CfRequest request) {
    String type = TYPES.get(assignment.getRole());
    if (type == null) {
      return; // refused by the operator as well: no RoleBinding exists for it
    }
    List<User> subjects = new ArrayList<>();
    nullToEmpty(assignment.getUsers()).forEach(name -> subjects.add(user(name, "kubernetes")));
    nullToEmpty(assignment.getGroups()).forEach(name -> subjects.add(user(name, "group")));
    for (String reference : nullToEmpty(assignment.getServiceAccounts())) {
      subjects.add(user("system:serviceaccount:" + reference, "serviceaccount"));
    }
    for (User user : subjects) {
      users.put(user.guid(), user);
      String target = orgGuid != null ? orgGuid : spaceGuid;
      String guid = StableGuids.of("role", type, target, user.guid());
      ObjectNode json = CfJson.object();
      json.put("guid", guid);
      json.put("created_at", createdAt);
      json.put("updated_at", createdAt);
      json.put("type", type);
      ObjectNode relationships = json.putObject("relationships");
      relationships.set("user", CfJson.toOne(user.guid()));
      relationships.set("organization", CfJson.toOne(orgGuid));
      relationships.set("space", CfJson.toOne(spaceGuid));
      ObjectNode links = json.putObject("links");
      links.set("self", CfJson.link(request.baseUrl + "/v3/roles/" + guid));
      links.set("user", CfJson.link(request.baseUrl + "/v3/users/" + user.guid()));
      roles.add(json);
    }
  }

  private static User user(String name, String origin) {
    // A service account reference is namespace:name; Kubernetes names it with colons throughout.
    return new User(StableGuids.of("user", origin, name), name, origin);
  }

  static ObjectNode userJson(User user, String baseUrl) {
    ObjectNode json = CfJson.object();
    json.put("guid", user.guid());
    json.putNull("created_at");
    json.putNull("updated_at");
    json.put("username", user.username());
    json.put("presentation_name", user.username());
    json.put("origin", user.origin());
    json.set("metadata", CfJson.metadata(null, null));
    json.putObject("links").set("self", CfJson.link(baseUrl + "/v3/users/" + user.guid()));
    return json;
  }

  private static <T> List<T> nullToEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
