package dev.weft.wit.files;

import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.decode.WitDecoder;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.diag.Span;
import dev.weft.wit.wat.WatComponent;
import dev.weft.wit.wat.WatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the WIT of a component binary ({@code .wasm}: a component, a WIT package encoded as one, or
 * a core module with a {@code component-type} section) or of component text ({@code .wat}). Every
 * problem becomes a diagnostic: a malformed binary names the byte offset, component text points at
 * line and column. Nothing is thrown for bad input.
 */
public final class BinaryWit {
  private BinaryWit() {}

  /** Whether {@code file} is read by this class rather than as WIT text. */
  public static boolean handles(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString();
    return n.endsWith(".wasm") || n.endsWith(".wat");
  }

  /**
   * The WIT {@code file} describes, or empty after reporting why there is none to {@code diags}.
   * Component text is added to {@code sources}, so its problems render with a snippet.
   */
  public static Optional<WitDecoder.Decoded> decode(
      Path file, SourceMap sources, Diagnostics diags) {
    String name = file.toString();
    try {
      if (name.endsWith(".wat")) {
        return text(file, name, sources, diags);
      }
      return Optional.of(WitDecoder.decode(Files.readAllBytes(file)));
    } catch (IOException e) {
      diags.error(
          "WIT0200",
          "cannot read `" + name + "`: " + e.getClass().getSimpleName(),
          Span.NONE,
          "check that the file exists and is readable");
    } catch (BinaryFormatException e) {
      diags.error(
          "WIT0204",
          "`" + name + "` is not a valid component: " + reason(e) + " at byte offset " + e.offset(),
          Span.NONE,
          "give a component (`.wasm`), component text (`.wat`) or WIT text; `wasm-tools"
              + " validate` says more about a broken binary");
    } catch (UnsupportedComponentException e) {
      diags.error(
          "WIT0205",
          "`" + name + "`: WIT cannot describe this binary: " + e.getMessage(),
          Span.NONE,
          "`weft wit` reads components, WIT packages encoded as components, and core modules"
              + " built with `wasm-tools component embed`");
    }
    return Optional.empty();
  }

  private static Optional<WitDecoder.Decoded> text(
      Path file, String name, SourceMap sources, Diagnostics diags) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int base = sources.add(name, text);
    try {
      return Optional.of(WitDecoder.decode(WatComponent.sections(text)));
    } catch (WatException e) {
      diags.error(
          "WIT0206",
          "invalid component text: " + e.getMessage(),
          new Span(base + e.start(), base + Math.min(e.end(), text.length())),
          "write the component's types as `(component (type ...) (export ...))`");
    } catch (BinaryFormatException e) {
      // Offsets of sections made from text are character offsets of their fields.
      int at = (int) Math.min(e.offset(), Math.max(0, text.length() - 1));
      diags.error(
          "WIT0206",
          "invalid component text: " + reason(e),
          new Span(base + at, base + at + 1),
          "check the indices and names this field refers to");
    } catch (UnsupportedComponentException e) {
      diags.error(
          "WIT0205",
          "`" + name + "`: WIT cannot describe this component: " + e.getMessage(),
          Span.NONE,
          null);
    }
    return Optional.empty();
  }

  /** The exception's message without its "at byte N: " prefix. */
  private static String reason(BinaryFormatException e) {
    String m = e.getMessage();
    int i = m.indexOf(": ");
    return m.startsWith("at byte ") && i > 0 ? m.substring(i + 2) : m;
  }
}
