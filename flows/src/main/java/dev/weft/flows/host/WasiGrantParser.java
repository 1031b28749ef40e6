package dev.weft.flows.host;

import dev.weft.flows.ast.FieldSpec;
import dev.weft.flows.host.WasiGrant.Output;
import dev.weft.flows.yaml.YNode;
import dev.weft.flows.yaml.YNode.ScalarType;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.flows.yaml.YNode.YSeq;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code grants.wasi}: {@code true}, {@code false}, or a mapping of {@code args}, {@code
 * env}, {@code dirs}, {@code stdout} and {@code stderr}. Reports every problem ({@code FLOW0401},
 * unknown keys {@code FLOW0003}) and keeps going. Folders are checked to exist later, against the
 * flow file's folder ({@link WasiDirs}).
 */
final class WasiGrantParser {
  /** The keys of {@code grants.wasi:}. */
  static final List<FieldSpec> WASI =
      List.of(
          new FieldSpec("args", false, "the arguments, argv[0] included, e.g. `[tool, --fast]`"),
          new FieldSpec("env", false,
              "variables passed from Weft's environment, `[LANG, TZ]`, or given values, `{LANG: C.UTF-8}`"),
          new FieldSpec("dirs", false,
              "read-only preopened folders, guest path to folder relative to the flow: `{/data: ../data}`"),
          new FieldSpec("stdout", false, "`log` (each line into Weft's log at info, the default) or `discard`"),
          new FieldSpec("stderr", false, "`log` (each line into Weft's log at warn, the default) or `discard`"));

  /** A POSIX environment variable name. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** An absolute guest path: `/`, or `/` and segments, none empty, `.` or `..`. */
  private static final Pattern GUEST_PATH = Pattern.compile("/|(/(?!\\.\\.?(/|$))[^/\\x00]+)+");

  /** What {@code grants.wasi} grants, and where each folder is written. */
  record Parsed(WasiGrant grant, Map<String, Span> dirSpans) {}

  private final Diagnostics diags;
  private final Map<String, Span> dirSpans = new LinkedHashMap<>();

  private WasiGrantParser(Diagnostics diags) {
    this.diags = diags;
  }

  /** Parses the value of {@code grants.wasi}; empty for {@code false} or after a problem. */
  static Optional<Parsed> parse(YNode node, Diagnostics diags) {
    return new WasiGrantParser(diags).wasi(node);
  }

  // wasi := true | false | { args?, env?, dirs?, stdout?, stderr? }
  private Optional<Parsed> wasi(YNode node) {
    if (node instanceof YScalar s && s.type() == ScalarType.BOOL) {
      return Boolean.parseBoolean(s.value())
          ? Optional.of(new Parsed(WasiGrant.DEFAULT, Map.of()))
          : Optional.empty();
    }
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0401", "`grants.wasi` must be `true` or a mapping, found " + node.describe(),
          node.span(), "write `wasi: true`, or `wasi: {args: [tool], env: [LANG], dirs: {/data: ../data}}`");
      return Optional.empty();
    }
    GrantsParser.checkKeys(map, WASI, "`grants.wasi`", diags);
    List<String> args = map.get("args").map(this::args).orElse(List.of());
    Map<String, Optional<String>> env = map.get("env").map(this::env).orElse(Map.of());
    Map<String, Path> dirs = map.get("dirs").map(this::dirs).orElse(Map.of());
    Output stdout = map.get("stdout").map(n -> output(n, "stdout")).orElse(Output.LOG);
    Output stderr = map.get("stderr").map(n -> output(n, "stderr")).orElse(Output.LOG);
    return Optional.of(new Parsed(new WasiGrant(args, env, dirs, stdout, stderr), dirSpans));
  }

  // args := [ scalar, ... ]
  private List<String> args(YNode node) {
    List<String> out = new ArrayList<>();
    if (!(node instanceof YSeq seq)) {
      diags.error("FLOW0401", "`grants.wasi.args` must be a list, found " + node.describe(), node.span(),
          "write `args: [tool, --fast]` (argv[0] first)");
      return out;
    }
    for (YNode item : seq.items()) {
      text(item, "an argument").ifPresent(out::add);
    }
    return out;
  }

  // env := [ NAME, ... ] | { NAME: scalar, ... }
  private Map<String, Optional<String>> env(YNode node) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (!(item instanceof YScalar s && s.type() == ScalarType.STRING)) {
          diags.error("FLOW0401", "an environment variable name must be a string, found " + item.describe(),
              item.span(), "write the variable's name, e.g. `LANG`");
        } else if (validName(s.value(), s.span()) && out.put(s.value(), Optional.empty()) != null) {
          diags.error("FLOW0401", "environment variable `" + s.value() + "` is listed twice", s.span(),
              "list each variable once");
        }
      }
    } else if (node instanceof YMap map) {
      for (YEntry e : map.entries()) {
        if (validName(e.key().value(), e.key().span())) {
          text(e.value(), "the value of `" + e.key().value() + "`").ifPresent(v -> out.put(e.key().value(), Optional.of(v)));
        }
      }
    } else {
      diags.error("FLOW0401", "`grants.wasi.env` must be a list of names or a mapping, found " + node.describe(),
          node.span(), "write `env: [LANG, TZ]` to pass Weft's own values, or `env: {LANG: C.UTF-8}`");
    }
    return out;
  }

  // dirs := { /guest/path: host/folder, ... }
  private Map<String, Path> dirs(YNode node) {
    Map<String, Path> out = new LinkedHashMap<>();
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0401", "`grants.wasi.dirs` must be a mapping, found " + node.describe(), node.span(),
          "write `dirs: {/data: ../data}`: the guest's path, then the folder relative to the flow file");
      return out;
    }
    for (YEntry e : map.entries()) {
      String guest = e.key().value();
      if (!GUEST_PATH.matcher(guest).matches()) {
        diags.error("FLOW0401", "`" + guest + "` is not an absolute guest path", e.key().span(),
            "write the path the guest opens the folder under, e.g. `/data`, without `.` or `..` segments");
        continue;
      }
      text(e.value(), "the folder of `" + guest + "`").ifPresent(host -> {
        try {
          out.put(guest, Path.of(host));
          dirSpans.put(guest, e.value().span());
        } catch (InvalidPathException ex) {
          diags.error("FLOW0401", "`" + host + "` is not a valid path: " + ex.getReason(), e.value().span(),
              "write a folder relative to the flow file, e.g. `../data`");
        }
      });
    }
    return out;
  }

  // output := log | discard
  private Output output(YNode node, String key) {
    if (node instanceof YScalar s && s.type() == ScalarType.STRING) {
      for (Output o : Output.values()) {
        if (o.name().toLowerCase(Locale.ROOT).equals(s.value())) {
          return o;
        }
      }
    }
    diags.error("FLOW0401", "`grants.wasi." + key + "` must be `log` or `discard`, found " + node.describe(),
        node.span(), "write `" + key + ": log` (into Weft's log) or `" + key + ": discard`");
    return Output.LOG;
  }

  /** The text of a non-null scalar without NUL characters. */
  private Optional<String> text(YNode node, String what) {
    if (node instanceof YScalar s && s.type() != ScalarType.NULL && s.value().indexOf('\0') < 0) {
      return Optional.of(s.value());
    }
    diags.error("FLOW0401", what + " must be a string, found " + node.describe(), node.span(),
        "write a string; quote it to keep it as is");
    return Optional.empty();
  }

  private boolean validName(String name, Span span) {
    if (ENV_NAME.matcher(name).matches()) {
      return true;
    }
    diags.error("FLOW0401", "`" + name + "` is not an environment variable name", span,
        "names are letters, digits and `_`, not starting with a digit, e.g. `LANG`");
    return false;
  }
}
