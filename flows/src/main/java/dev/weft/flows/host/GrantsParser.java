package dev.weft.flows.host;

import dev.weft.flows.ast.FieldSpec;
import dev.weft.flows.yaml.YNode;
import dev.weft.flows.yaml.YNode.ScalarType;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.flows.yaml.YNode.YSeq;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a component's {@code grants:} section into a {@link GrantsDecl}. Reports every problem
 * ({@code FLOW0401}, unknown keys {@code FLOW0003}) and keeps going.
 */
public final class GrantsParser {
  /** The keys of {@code grants:}, one per {@code weft:host} interface, and {@code wasi}. */
  public static final List<FieldSpec> GRANTS =
      List.of(
          new FieldSpec("log", false, "`true`: structured logging (`weft:host/log`)"),
          new FieldSpec("kv", false, "`{buckets: [name, ...]}`: the KV buckets it may use (`weft:host/kv`)"),
          new FieldSpec("http", false, "`{hosts: [api.example.com, *.example.org, localhost:8080]}`: outbound HTTP"),
          new FieldSpec("clock", false, "`true`: wall-clock and monotonic time (`weft:host/clock`)"),
          new FieldSpec("random", false, "`true`: random bytes and numbers (`weft:host/random`)"),
          new FieldSpec("config", false, "`{key: value, ...}`: values it reads with `weft:host/config`"),
          new FieldSpec("wasi", false,
              "`true`, or `{args, env, dirs, stdout, stderr}`: WASI preview 1 (clocks, random, read-only folders)"));

  /** The keys of {@code grants.wasi:}. */
  public static final List<FieldSpec> WASI = WasiGrantParser.WASI;

  /** The keys of {@code grants.kv:}. */
  public static final List<FieldSpec> KV =
      List.of(new FieldSpec("buckets", true, "the bucket names, e.g. `[users, sessions]`"));

  /** The keys of {@code grants.http:}. */
  public static final List<FieldSpec> HTTP =
      List.of(new FieldSpec("hosts", true, "host names, `host:port` or `*.domain`, e.g. `[api.example.com]`"));

  /** A bucket name: also a Redis key segment, so no `:`, spaces or glob characters. */
  static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?|\\[[0-9a-fA-F:.]+\\](:[0-9]{1,5})?");

  private final Diagnostics diags;

  private GrantsParser(Diagnostics diags) {
    this.diags = diags;
  }

  /** Parses the value of {@code grants:}; problems go to {@code diags}. */
  public static Optional<GrantsDecl> parse(YNode node, Diagnostics diags) {
    return new GrantsParser(diags).grants(node);
  }

  /**
   * Parses the entry {@code grants: ...}; problems go to {@code diags}. The declaration's span is
   * the key's, which is where a missing grant is reported.
   */
  public static Optional<GrantsDecl> parse(YEntry entry, Diagnostics diags) {
    return parse(entry.value(), diags).map(d -> new GrantsDecl(d.grants(), entry.key().span(), d.wasiDirs()));
  }

  // grants := { log?, kv?, http?, clock?, random?, config?, wasi? }
  private Optional<GrantsDecl> grants(YNode node) {
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0401", "`grants` must be a mapping, found " + node.describe(), node.span(),
          "write `grants: {log: true, kv: {buckets: [users]}}`");
      return Optional.empty();
    }
    checkKeys(map, GRANTS, "`grants`", diags);
    boolean log = map.get("log").map(n -> flag(n, "log")).orElse(false);
    boolean clock = map.get("clock").map(n -> flag(n, "clock")).orElse(false);
    boolean random = map.get("random").map(n -> flag(n, "random")).orElse(false);
    Optional<Set<String>> kv = map.get("kv").flatMap(n -> names(n, "kv", "buckets", KV, BUCKET));
    Optional<Set<String>> http = map.get("http").flatMap(n -> names(n, "http", "hosts", HTTP, HOST));
    Optional<Map<String, String>> config = map.get("config").flatMap(this::config);
    Optional<WasiGrantParser.Parsed> wasi = map.get("wasi").flatMap(n -> WasiGrantParser.parse(n, diags));
    return Optional.of(new GrantsDecl(
        new Grants(log, clock, random, kv, http, config, wasi.map(WasiGrantParser.Parsed::grant)),
        map.span(), wasi.map(WasiGrantParser.Parsed::dirSpans).orElse(Map.of())));
  }

  // flag := true | false
  private boolean flag(YNode node, String key) {
    if (node instanceof YScalar s && s.type() == ScalarType.BOOL) {
      return Boolean.parseBoolean(s.value());
    }
    diags.error("FLOW0401", "`grants." + key + "` must be `true` or `false`, found " + node.describe(),
        node.span(), "write `" + key + ": true`");
    return false;
  }

  // scoped := { <list>: [name, ...] }
  private Optional<Set<String>> names(YNode node, String key, String list, List<FieldSpec> spec, Pattern valid) {
    String example = "`" + key + ": {" + list + ": [" + (key.equals("kv") ? "users" : "api.example.com") + "]}`";
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0401", "`grants." + key + "` must be a mapping, found " + node.describe(), node.span(),
          "write " + example);
      return Optional.empty();
    }
    checkKeys(map, spec, "`grants." + key + "`", diags);
    Optional<YNode> items = map.get(list);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (!(items.get() instanceof YSeq seq) || seq.items().isEmpty()) {
      diags.error("FLOW0401", "`grants." + key + "." + list + "` must be a non-empty list, found "
          + (items.get() instanceof YSeq ? "an empty list" : items.get().describe()), items.get().span(), "write " + example);
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (YNode item : seq.items()) {
      if (item instanceof YScalar s && s.type() == ScalarType.STRING && valid.matcher(s.value()).matches()) {
        out.add(s.value());
      } else {
        String what = item instanceof YScalar s ? "`" + s.value() + "`" : item.describe();
        diags.error("FLOW0401", what + " is not a valid " + (key.equals("kv") ? "bucket name" : "host"),
            item.span(), key.equals("kv")
                ? "bucket names are lower case letters, digits, `_`, `.` and `-`, e.g. `users`"
                : "write a host name, `host:port` or `*.domain`, e.g. `api.example.com`");
      }
    }
    return Optional.of(out);
  }

  // config := { key: scalar, ... }
  private Optional<Map<String, String>> config(YNode node) {
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0401", "`grants.config` must be a mapping, found " + node.describe(), node.span(),
          "write `config: {greeting: hello}`");
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YEntry e : map.entries()) {
      if (e.value() instanceof YScalar s && s.type() != ScalarType.NULL) {
        out.put(e.key().value(), s.value());
      } else {
        diags.error("FLOW0401", "config value `" + e.key().value() + "` must be a scalar, found "
            + e.value().describe(), e.value().span(), "write a string, number or boolean; quote it to keep it as is");
      }
    }
    return Optional.of(out);
  }

  /** Reports keys of {@code map} that {@code spec} does not have, and required ones it lacks. */
  static void checkKeys(YMap map, List<FieldSpec> spec, String where, Diagnostics diags) {
    List<String> valid = spec.stream().map(FieldSpec::key).toList();
    for (YEntry e : map.entries()) {
      String key = e.key().value();
      if (!valid.contains(key)) {
        diags.error("FLOW0003", "unknown key `" + key + "` in " + where, e.key().span(),
            Suggestions.didYouMean(key, valid).map(s -> s + " ").orElse("")
                + "valid keys: " + String.join(", ", valid));
      }
    }
    for (FieldSpec f : spec) {
      if (f.required() && map.entry(f.key()).isEmpty()) {
        diags.error("FLOW0004", where + " needs `" + f.key() + "`", map.span(),
            "add `" + f.key() + ":` (" + f.summary() + ")");
      }
    }
  }
}
