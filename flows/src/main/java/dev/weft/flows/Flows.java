package dev.weft.flows;

import dev.weft.flows.ast.FlowDoc;
import dev.weft.flows.ast.FlowParser;
import dev.weft.flows.ast.Ident;
import dev.weft.flows.check.ComponentCatalog;
import dev.weft.flows.check.FlowChecker;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.TypeTables;
import dev.weft.flows.model.Typed;
import dev.weft.flows.yaml.YamlReader;
import dev.weft.wit.Wit;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.TypeScope;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads flows: read the YAML, parse, resolve, type-check. The entry point of the flow language;
 * the engine calls it with a {@link ComponentCatalog} that loads components.
 */
public final class Flows {
  /** Flow files larger than this are refused before reading (a flow is a small text). */
  public static final long MAX_FLOW_BYTES = 4L << 20;

  private Flows() {}

  /**
   * Loads and checks the flow in {@code file}.
   *
   * @return the checked graph
   * @throws FlowException with every problem found (unreadable file, YAML, shape, names, types)
   */
  public static FlowGraph load(Path file, ComponentCatalog catalog) {
    SourceMap sources = new SourceMap();
    Diagnostics diags = new Diagnostics();
    Optional<FlowGraph> graph = check(file, catalog, sources, diags);
    if (graph.isEmpty() || diags.hasErrors()) {
      throw new FlowException(diags.all(), sources);
    }
    return graph.get();
  }

  /**
   * Checks the flow in {@code file}, adding its text to {@code sources} and its problems to
   * {@code diags}.
   *
   * @return the graph when there were no problems
   */
  public static Optional<FlowGraph> check(
      Path file, ComponentCatalog catalog, SourceMap sources, Diagnostics diags) {
    String name = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_FLOW_BYTES) {
        diags.error("FLOW0000", "flow file `" + name + "` is larger than 4 MiB", Span.NONE);
        return Optional.empty();
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (NoSuchFileException e) {
      diags.error("FLOW0000", "flow file `" + name + "` does not exist", Span.NONE,
          "check the path; flows are YAML files such as examples/flows/hello.yaml");
      return Optional.empty();
    } catch (CharacterCodingException e) {
      diags.error("FLOW0000", "flow file `" + name + "` is not UTF-8 text", Span.NONE);
      return Optional.empty();
    } catch (IOException e) {
      diags.error("FLOW0000", "cannot read flow file `" + name + "`: " + e.getMessage(), Span.NONE);
      return Optional.empty();
    }
    int base = sources.add(name, text);
    Optional<FlowDoc> doc =
        YamlReader.read(text, base, diags).flatMap(root -> FlowParser.parse(file, root, diags));
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    return FlowChecker.check(doc.get(), catalog, Flows::inputType, diags);
  }

  private static Optional<Typed> inputType(Ident type, Diagnostics diags) {
    int width = type.span().end() - type.span().start();
    int start = type.span().start() + (width > type.name().length() ? 1 : 0);
    return Wit.parseType(type.name(), start, TypeScope.EMPTY, diags)
        .map(t -> new Typed(t, TypeTables.EMPTY));
  }
}
