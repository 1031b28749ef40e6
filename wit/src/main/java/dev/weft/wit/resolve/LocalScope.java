package dev.weft.wit.resolve;

import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeScope;
import dev.weft.wit.model.TypeTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names declared in one interface or world body while it is resolved: its types, plus what
 * other names mean (a function, an item excluded by a feature gate) so that a wrong reference gets
 * a precise message instead of "does not exist".
 */
final class LocalScope implements TypeScope {
  private final Map<String, TypeId> types = new LinkedHashMap<>();

  /** Why a name is no type: an error code and message, or an empty message to stay quiet. */
  record Why(String code, String message) {
    /** The name's own definition failed and was reported: say nothing more. */
    static final Why QUIET = new Why("", "");
  }

  private final Map<String, Why> explanations = new HashMap<>();
  private final Map<String, Span> spans = new HashMap<>();
  private final ResolveBuilder table;

  LocalScope(ResolveBuilder table) {
    this.table = table;
  }

  /** Defines a type here, declared (or {@code use}d) at {@code span}. */
  void defineType(String name, TypeId id, Span span) {
    types.put(name, id);
    spans.put(name, span);
  }

  /** Where {@code name} is defined, as {@code (defined at file:line:col)}, or empty. */
  String whereDefined(String name) {
    Span span = spans.get(name);
    SourceMap.Location at = span == null ? null : table.sources.locate(span.start());
    return at == null
        ? ""
        : " (defined at " + at.source().name() + ":" + at.line() + ":" + at.column() + ")";
  }

  /** Records why {@code name} is not a type here, such as "`x` is a function, not a type". */
  void explain(String name, Why why) {
    explanations.put(name, why);
  }

  /** Why {@code name} is no type here, if it means something else. */
  Optional<Why> explanation(String name) {
    return Optional.ofNullable(explanations.get(name));
  }

  /** The types by name, in definition order. */
  Map<String, TypeId> types() {
    return types;
  }

  @Override
  public Optional<TypeId> lookup(String name) {
    return Optional.ofNullable(types.get(name));
  }

  @Override
  public Collection<String> names() {
    return types.keySet();
  }

  @Override
  public TypeTable table() {
    return table;
  }
}
