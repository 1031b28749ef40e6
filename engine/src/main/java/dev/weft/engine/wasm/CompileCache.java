package dev.weft.engine.wasm;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import run.endive.compiler.Cache;

/**
 * Endive's compiled classes kept on disk, keyed by the digest of the core module, so the second
 * load of a component skips compilation. One file per module under a folder named after the
 * Endive version (classes from another compiler version are never read). Writes go to a temporary
 * file moved into place, so concurrent processes never see half a file; a damaged or unreadable
 * cache only costs a recompile. Thread-safe.
 */
public final class CompileCache implements Cache {
  /** The Endive compiler version the cached classes come from. */
  public static final String ENDIVE_VERSION = "1.0.0";

  private static final Logger LOG = Logger.getLogger(CompileCache.class.getName());

  private final Path dir;

  public CompileCache(Path dir) {
    this.dir = dir.resolve("endive-" + ENDIVE_VERSION);
  }

  /**
   * The default folder: {@code $WEFT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/weft}, else {@code
   * ~/.cache/weft}; empty when {@code WEFT_CACHE_DIR} is {@code off}.
   */
  public static Optional<Path> defaultDir() {
    String explicit = System.getenv("WEFT_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return explicit.equals("off") ? Optional.empty() : Optional.of(Path.of(explicit));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "weft"));
    }
    return Optional.of(Path.of(System.getProperty("user.home"), ".cache", "weft"));
  }

  @Override
  public byte[] get(String digest) {
    Path file = file(digest);
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot read compile cache " + file, e);
      return null;
    }
  }

  @Override
  public void putIfAbsent(String digest, byte[] classes) {
    Path file = file(digest);
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "tmp-", ".part");
      Files.write(tmp, classes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot write compile cache " + file, e);
    }
  }

  /** Forgets the classes of {@code digest}, after they failed to load. */
  public void evict(String digest) {
    try {
      Files.deleteIfExists(file(digest));
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot delete compile cache entry " + digest, e);
    }
  }

  private Path file(String digest) {
    // Digests are hex; anything else is kept out of the path.
    return dir.resolve(digest.replaceAll("[^A-Za-z0-9_-]", "_") + ".classes");
  }
}
