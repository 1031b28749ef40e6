package dev.weft.server;

import dev.weft.flows.http.HttpRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes flows declare, matched by method and path. Immutable: the registry builds a new
 * table whenever flows change, so requests never see a half-updated one. Literal segments win
 * over parameters ({@code /users/me} before {@code /users/{id}}).
 */
final class RouteTable {
  /** A route, its flow, and its path compiled to a pattern. */
  record Entry(String flow, HttpRoute route, Pattern pattern, List<String> names) {}

  /** A match: the flow, its route, and the path parameters' values. */
  record Match(String flow, HttpRoute route, Map<String, String> pathParams) {}

  private static final Pattern PARAM = Pattern.compile("\\{([a-z][a-z0-9-]*)\\}");
  static final RouteTable EMPTY = new RouteTable(List.of());

  private final List<Entry> entries;

  private RouteTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * A table of the routes of {@code flows}; a route whose method and path another flow already
   * declares is left out and reported to {@code conflicts}.
   */
  static RouteTable of(Iterable<ServedFlow> flows, List<String> conflicts) {
    List<Entry> list = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (ServedFlow f : flows) {
      Optional<HttpRoute> r = f.flow().graph().http();
      if (r.isEmpty()) {
        continue;
      }
      String shape = r.get().method() + " " + PARAM.matcher(r.get().path()).replaceAll("{}");
      String owner = seen.putIfAbsent(shape, f.name());
      if (owner != null) {
        conflicts.add("flow `" + f.name() + "` declares `" + r.get().method() + " " + r.get().path()
            + "`, which flow `" + owner + "` already serves; its route is not served");
        continue;
      }
      list.add(compile(f.name(), r.get()));
    }
    // Literal segments are more specific than parameters: try routes with fewer parameters first.
    list.sort((a, b) -> Integer.compare(a.names().size(), b.names().size()));
    return new RouteTable(list);
  }

  private static Entry compile(String flow, HttpRoute route) {
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(route.path());
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(route.path().substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(route.path().substring(last)));
    return new Entry(flow, route, Pattern.compile(regex.toString()), names);
  }

  /** The route serving {@code method} and {@code path} (already percent-decoded per segment). */
  Optional<Match> match(String method, String path) {
    for (Entry e : entries) {
      if (!e.route().method().equals(method)) {
        continue;
      }
      Matcher m = e.pattern().matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < e.names().size(); i++) {
          params.put(e.names().get(i), m.group(i + 1));
        }
        return Optional.of(new Match(e.flow(), e.route(), params));
      }
    }
    return Optional.empty();
  }

  /** Whether some route has this path under another method (for 405). */
  boolean hasPath(String path) {
    return entries.stream().anyMatch(e -> e.pattern().matcher(path).matches());
  }

  List<Entry> entries() {
    return entries;
  }
}
