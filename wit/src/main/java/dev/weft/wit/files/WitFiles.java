package dev.weft.wit.files;

import dev.weft.wit.ast.SourceFile;
import dev.weft.wit.ast.WitParser;
import dev.weft.wit.decode.WitDecoder;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.diag.Span;
import dev.weft.wit.lex.WitLexer;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.print.WitPrinter;
import dev.weft.wit.resolve.Packages;
import dev.weft.wit.resolve.UnresolvedPackage;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a WIT root and its dependencies into parsed packages. Problems (unreadable files, bad
 * UTF-8, component binaries, syntax errors) are reported to the {@link Diagnostics}; nothing is
 * thrown for bad input.
 */
public final class WitFiles {
  /** The packages found, the root's first, and how many of them the root itself declares. */
  public record Loaded(List<UnresolvedPackage> packages, int rootCount) {
    public Loaded {
      packages = List.copyOf(packages);
    }
  }

  private final SourceMap sources;
  private final Diagnostics diags;
  private final List<Path> pendingBinaries = new ArrayList<>();

  public WitFiles(SourceMap sources, Diagnostics diags) {
    this.sources = sources;
    this.diags = diags;
  }

  /** Loads {@code path}: a {@code .wit} or {@code .wit.md} file, or a package folder. */
  public Loaded load(Path path) {
    List<UnresolvedPackage> root = new ArrayList<>();
    List<UnresolvedPackage> deps = new ArrayList<>();
    if (Files.isDirectory(path)) {
      root.addAll(folder(path));
      dependencies(path.resolve("deps"), deps);
    } else if (Files.isRegularFile(path)) {
      root.addAll(single(path));
    } else {
      diags.error(
          "WIT0200",
          "cannot read `" + path + "`: no such file or folder",
          Span.NONE,
          "give a `.wit` file, a `.wit.md` file or a folder of `.wit` files");
    }
    List<UnresolvedPackage> all = new ArrayList<>(root);
    all.addAll(deps);
    all.addAll(binaryDependencies(all));
    return new Loaded(all, root.size());
  }

  /**
   * Component binaries and component text among the dependencies, read last: each becomes the WIT
   * text of its package, plus the packages it carries that no other dependency provides (a binary
   * holds the parts of foreign packages it uses), parsed as if it were written in {@code deps/}.
   * Problems in that text point into it, under the name {@code FILE (decoded)}.
   */
  private List<UnresolvedPackage> binaryDependencies(List<UnresolvedPackage> loaded) {
    List<UnresolvedPackage> out = new ArrayList<>();
    Set<PackageName> have = new HashSet<>();
    loaded.forEach(p -> have.add(p.name()));
    for (Path file : pendingBinaries) {
      Optional<WitDecoder.Decoded> decoded = BinaryWit.decode(file, sources, diags);
      if (decoded.isEmpty()) {
        continue;
      }
      Resolve r = decoded.get().resolve();
      List<PackageId> print = new ArrayList<>();
      print.add(decoded.get().pkg());
      for (int i = 0; i < r.packages().size(); i++) {
        PackageId id = new PackageId(i);
        if (!id.equals(decoded.get().pkg()) && !have.contains(r.pkg(id).name())) {
          print.add(id);
        }
      }
      print.forEach(id -> have.add(r.pkg(id).name()));
      String name = file + " (decoded)";
      String text = WitPrinter.print(r, print);
      int base = sources.add(name, text);
      SourceFile f = WitParser.parse(name, WitLexer.lex(text, base, diags), diags);
      out.addAll(Packages.group(List.of(f), diags));
    }
    return out;
  }

  /**
   * Each entry of {@code deps/} is one dependency: a file, or a folder that is a package (and may
   * have a {@code deps/} of its own). Other files, such as a README, are ignored.
   */
  private void dependencies(Path deps, List<UnresolvedPackage> out) {
    if (!Files.isDirectory(deps)) {
      return;
    }
    for (Path entry : list(deps)) {
      if (Files.isDirectory(entry)) {
        out.addAll(folder(entry));
        dependencies(entry.resolve("deps"), out);
      } else if (BinaryWit.handles(entry)) {
        pendingBinaries.add(entry);
      } else if (isWit(entry)) {
        out.addAll(single(entry));
      }
    }
  }

  private List<UnresolvedPackage> folder(Path dir) {
    List<SourceFile> files = new ArrayList<>();
    for (Path p : list(dir)) {
      if (Files.isRegularFile(p) && isWit(p)) {
        SourceFile f = parse(p);
        if (f != null) {
          files.add(f);
        }
      }
    }
    if (files.isEmpty()) {
      diags.error(
          "WIT0202",
          "folder `" + dir + "` has no `.wit` files",
          Span.NONE,
          "a package folder holds the package's `.wit` files, and its dependencies in `deps/`");
      return List.of();
    }
    return Packages.group(files, diags);
  }

  private List<UnresolvedPackage> single(Path file) {
    if (BinaryWit.handles(file)) {
      pendingBinaries.add(file);
      return List.of();
    }
    SourceFile f = parse(file);
    return f == null ? List.of() : Packages.group(List.of(f), diags);
  }

  private SourceFile parse(Path file) {
    String text = read(file);
    if (text == null) {
      return null;
    }
    String name = file.toString();
    int base = sources.add(name, text);
    String wit = file.getFileName().toString().endsWith(".md") ? Markdown.witOf(text) : text;
    return WitParser.parse(name, WitLexer.lex(wit, base, diags), diags);
  }

  private String read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      diags.error(
          "WIT0203", "`" + file + "` is not valid UTF-8", Span.NONE, "save the file as UTF-8");
    } catch (IOException e) {
      diags.error(
          "WIT0200",
          "cannot read `" + file + "`: " + e.getClass().getSimpleName(),
          Span.NONE,
          "check that the file exists and is readable");
    }
    return null;
  }

  /** The entries of a folder sorted by name, so loading does not depend on the file system. */
  private List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      diags.error("WIT0200", "cannot read folder `" + dir + "`", Span.NONE, null);
      return List.of();
    }
  }

  private static boolean isWit(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".wit") || n.endsWith(".wit.md");
  }
}
