package dev.weft.wit;

import dev.weft.wit.ast.WitParser;
import dev.weft.wit.decode.WitDecoder;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.files.BinaryWit;
import dev.weft.wit.files.WitFiles;
import dev.weft.wit.lex.WitLexer;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeScope;
import dev.weft.wit.model.WitType;
import dev.weft.wit.print.WitPrinter;
import dev.weft.wit.resolve.TypeExprResolver;
import dev.weft.wit.resolve.WitResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry points of the WIT front end: load packages from files, print them back, and parse lone
 * type expressions. Every method is thread-safe (each call has its own state).
 *
 * <p>What the {@code weft wit} commands need:
 *
 * <pre>{@code
 * // weft wit check PATH: every problem, rendered; exit code from ok()
 * WitLoad load = Wit.check(path, features);
 * System.err.print(load.render());
 * // weft wit print PATH: the loaded package (and its nested packages) as canonical WIT
 * System.out.print(Wit.print(load.orThrow(), load.roots()));
 * }</pre>
 */
public final class Wit {
  private Wit() {}

  /**
   * Loads and resolves WIT: a {@code .wit} file, a {@code .wit.md} file, a package folder with its
   * dependencies under {@code deps/} (which may hold component binaries and component text too), or
   * the WIT of a component binary ({@code .wasm}) or component text ({@code .wat}).
   *
   * @param path what to load
   * @param features the {@code @unstable(feature = ..)} features to include; items gated on other
   *     features are left out
   * @return every package loaded, dependencies first (the arena order)
   * @throws WitException with every problem found, when there is any error
   */
  public static Resolve load(Path path, Set<String> features) {
    return check(path, features).orThrow();
  }

  /**
   * Loads and resolves WIT like {@link #load}, but returns problems instead of throwing them: for
   * {@code weft wit check}, which prints every problem.
   */
  public static WitLoad check(Path path, Set<String> features) {
    SourceMap sources = new SourceMap();
    Diagnostics diags = new Diagnostics();
    if (BinaryWit.handles(path) && Files.isRegularFile(path)) {
      Optional<WitDecoder.Decoded> d = BinaryWit.decode(path, sources, diags);
      return new WitLoad(
          d.map(WitDecoder.Decoded::resolve),
          d.map(x -> List.of(x.pkg())).orElse(List.of()),
          diags.all(),
          sources);
    }
    WitFiles.Loaded loaded = new WitFiles(sources, diags).load(path);
    if (loaded.packages().isEmpty()) {
      return new WitLoad(Optional.empty(), List.of(), diags.all(), sources);
    }
    Resolve resolve = WitResolver.resolve(loaded.packages(), features, sources, diags);
    List<PackageId> roots = new ArrayList<>();
    for (int i = 0; i < loaded.rootCount(); i++) {
      PackageId id = indexOf(resolve, loaded.packages().get(i).name());
      if (id != null) {
        roots.add(id);
      }
    }
    Optional<Resolve> result = diags.hasErrors() ? Optional.empty() : Optional.of(resolve);
    return new WitLoad(result, roots, diags.all(), sources);
  }

  private static PackageId indexOf(Resolve resolve, PackageName name) {
    for (int i = 0; i < resolve.packages().size(); i++) {
      if (resolve.packages().get(i).name().equals(name)) {
        return new PackageId(i);
      }
    }
    return null;
  }

  /**
   * The packages {@code roots} of {@code resolve} as canonical WIT text (see {@link WitPrinter}).
   */
  public static String print(Resolve resolve, List<PackageId> roots) {
    return WitPrinter.print(resolve, roots);
  }

  /**
   * The packages {@code roots} and then every other package of {@code resolve} as nested {@code
   * package .. { }} blocks: one text that parses on its own, as the WIT of a component binary must
   * be (the binary carries the parts of other packages it uses).
   */
  public static String printWithDependencies(Resolve resolve, List<PackageId> roots) {
    List<PackageId> all = new ArrayList<>(roots);
    for (int i = 0; i < resolve.packages().size(); i++) {
      if (!all.contains(new PackageId(i))) {
        all.add(new PackageId(i));
      }
    }
    return WitPrinter.print(resolve, all);
  }

  /**
   * Parses a type expression embedded in a larger text, such as a flow input's type in a YAML file,
   * reporting problems instead of throwing.
   *
   * @param text the type expression, such as {@code option<tuple<string, s64>>}
   * @param base the global offset, in the caller's {@link SourceMap}, where {@code text} starts
   *     (the source's base plus the offset of the scalar in it), so spans point into the caller's
   *     file
   * @param scope the named types {@code text} may refer to; {@link TypeScope#EMPTY} for none
   * @param diags receives every problem, with spans in the caller's source map
   * @return the type, or empty when problems were reported
   */
  public static Optional<WitType> parseType(
      String text, int base, TypeScope scope, Diagnostics diags) {
    Diagnostics local = new Diagnostics();
    WitLexer.Tokens tokens = WitLexer.lex(text, base, local);
    Optional<WitType> type =
        WitParser.parseType(tokens, local)
            .filter(t -> !local.hasErrors())
            .flatMap(expr -> new TypeExprResolver(scope, local).resolve(expr));
    local.all().forEach(diags::add);
    return local.hasErrors() ? Optional.empty() : type;
  }

  /**
   * Parses a type expression that sits at {@code base} in {@code sources}.
   *
   * @throws WitException with every problem, rendered against {@code sources}
   */
  public static WitType parseType(String text, SourceMap sources, int base, TypeScope scope) {
    Diagnostics diags = new Diagnostics();
    Optional<WitType> type = parseType(text, base, scope, diags);
    if (type.isEmpty()) {
      throw new WitException(diags.all(), sources);
    }
    return type.get();
  }

  /**
   * Parses a stand-alone type expression of built-in types, such as {@code list<u32>}.
   *
   * @throws WitException with every problem, pointing into a source named {@code <type>}
   */
  public static WitType parseType(String text) {
    SourceMap sources = new SourceMap();
    int base = sources.add("<type>", text);
    return parseType(text, sources, base, TypeScope.EMPTY);
  }
}
