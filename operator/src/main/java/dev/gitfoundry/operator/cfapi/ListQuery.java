package dev.gitfoundry.operator.cfapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The list half of the V3 API, shared by every collection: filters from the query (comma lists mean
 * OR; keys the collection does not know are ignored), {@code label_selector}, {@code order_by}, and
 * pages with absolute links the CLI follows verbatim.
 */
final class ListQuery {
  // Cloud Controller pages by 50; the cf CLI asks for processes without per_page, so 1,000 apps
  // cost 20 round trips there. Clients follow `next` links, so a larger default is safe.
  static final int DEFAULT_PER_PAGE = 500;
  static final int MAX_PER_PAGE = 5000;

  private final Map<String, Function<JsonNode, Stream<String>>> filters = new HashMap<>();

  /** A query key whose values are matched against what {@code values} extracts from a resource. */
  ListQuery filter(String key, Function<JsonNode, Stream<String>> values) {
    filters.put(key, values);
    return this;
  }

  /** A query key matched against one text field at a JSON path. */
  ListQuery field(String key, String... path) {
    return filter(key, resource -> Stream.ofNullable(CfJson.text(resource, path)));
  }

  ObjectNode respond(CfRequest request, List<ObjectNode> resources) {
    Stream<ObjectNode> selected = resources.stream();
    for (Map.Entry<String, Function<JsonNode, Stream<String>>> filter : filters.entrySet()) {
      List<String> wanted = request.list(filter.getKey());
      if (wanted != null) {
        Set<String> wantedSet = new HashSet<>(wanted);
        selected = selected.filter(r -> filter.getValue().apply(r).anyMatch(wantedSet::contains));
      }
    }
    String selector = request.query.get("label_selector");
    if (selector != null && !selector.isBlank()) {
      Predicate<Map<String, String>> matches = LabelSelector.parse(selector);
      selected = selected.filter(r -> matches.test(labelsOf(r)));
    }
    List<ObjectNode> ordered = selected.sorted(order(request.query.get("order_by"))).toList();
    return page(request, ordered);
  }

  static ObjectNode page(CfRequest request, List<? extends JsonNode> all) {
    int perPage = clamp(intParameter(request, "per_page", DEFAULT_PER_PAGE), 1, MAX_PER_PAGE);
    int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
    int page = Math.max(1, intParameter(request, "page", 1));
    ObjectNode body = CfJson.object();
    ObjectNode pagination = body.putObject("pagination");
    pagination.put("total_results", all.size());
    pagination.put("total_pages", totalPages);
    pagination.set("first", CfJson.link(pageLink(request, 1, perPage)));
    pagination.set("last", CfJson.link(pageLink(request, totalPages, perPage)));
    if (page < totalPages) {
      pagination.set("next", CfJson.link(pageLink(request, page + 1, perPage)));
    } else {
      pagination.putNull("next");
    }
    if (page > 1) {
      pagination.set("previous", CfJson.link(pageLink(request, page - 1, perPage)));
    } else {
      pagination.putNull("previous");
    }
    ArrayNode resources = body.putArray("resources");
    int from = Math.min(all.size(), (page - 1) * perPage);
    resources.addAll(all.subList(from, Math.min(all.size(), from + perPage)));
    return body;
  }

  private static String pageLink(CfRequest request, int page, int perPage) {
    StringBuilder href = new StringBuilder(request.baseUrl).append(request.path).append('?');
    request.query.forEach(
        (key, value) -> {
          if (!key.equals("page") && !key.equals("per_page")) {
            href.append(encode(key)).append('=').append(encode(value)).append('&');
          }
        });
    return href.append("page=").append(page).append("&per_page=").append(perPage).toString();
  }

  private static Comparator<ObjectNode> order(String orderBy) {
    if (orderBy == null || orderBy.isBlank()) {
      return Comparator.comparing(r -> String.valueOf(CfJson.text(r, "created_at")));
    }
    boolean descending = orderBy.startsWith("-");
    String field = orderBy.replaceFirst("^[-+]", "");
    Comparator<ObjectNode> ascending =
        Comparator.comparing(r -> String.valueOf(CfJson.text(r, field)));
    return descending ? ascending.reversed() : ascending;
  }

  private static Map<String, String> labelsOf(JsonNode resource) {
    Map<String, String> labels = new HashMap<>();
    JsonNode node = resource.path("metadata").path("labels");
    node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static int intParameter(CfRequest request, String key, int fallback) {
    String value = request.query.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw CfError.badQuery("The query parameter is invalid: " + key + " must be an integer");
    }
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
