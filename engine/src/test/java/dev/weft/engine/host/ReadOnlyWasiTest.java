package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.Instance;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;
import run.endive.wasm.Parser;

/**
 * The raw WASI errno values of {@link ReadOnlyWasi}, calling its functions as a guest would (no
 * libc in between to translate them), and its descriptor table across {@code fd_renumber} and
 * {@code fd_close}.
 */
class ReadOnlyWasiTest {
  /** A core module with one memory page and nothing else. */
  private static final byte[] MEMORY_ONLY = {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, 0, 1};

  private static final int PATH = 1024;
  private static final int OUT = 2048;
  private static final long FD_READ = 1L << 1;

  @TempDir Path dir;
  private Instance guest;
  private Map<String, ImportFunction> wasi;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");
    guest = Instance.builder(Parser.parse(MEMORY_ONLY)).build();
    WasiPreview1 endive = WasiPreview1.builder()
        .withOptions(WasiOptions.builder().withDirectory("/data", dir.toRealPath()).build()).build();
    Map<String, ImportFunction> functions = new LinkedHashMap<>();
    for (HostFunction f : endive.toHostFunctions()) {
      functions.put(f.name(), f);
    }
    wasi = ReadOnlyWasi.wrap(functions, List.of(dir.toRealPath()));
  }

  private long call(String name, long... args) {
    return wasi.get(name).handle().apply(guest, args)[0];
  }

  /** Writes {@code path} into guest memory; returns its length. */
  private long path(String path) {
    byte[] b = path.getBytes(StandardCharsets.UTF_8);
    guest.memory().write(PATH, b);
    return b.length;
  }

  private long open(String path, long oflags, long rights, long fdflags) {
    long n = path(path);
    return call("path_open", 3, 1, PATH, n, oflags, rights, rights, fdflags, OUT);
  }

  @Test
  void openingToWriteIsEROFS() {
    assertEquals(ReadOnlyWasi.EROFS, open("a.txt", 0, 1L << 6, 0), "fd_write right");
    assertEquals(ReadOnlyWasi.EROFS, open("b.txt", 1, FD_READ, 0), "O_CREAT");
    assertEquals(ReadOnlyWasi.EROFS, open("a.txt", 8, FD_READ, 0), "O_TRUNC");
    assertEquals(ReadOnlyWasi.EROFS, open("a.txt", 0, FD_READ, 1), "O_APPEND");
    assertEquals(0, open("a.txt", 0, FD_READ, 0), "reading is fine");
  }

  @Test
  void changingAFolderIsEROFSAndABadDescriptorEBADF() {
    long n = path("a.txt");
    assertEquals(ReadOnlyWasi.EROFS, call("path_unlink_file", 3, PATH, n));
    assertEquals(ReadOnlyWasi.EROFS, call("path_create_directory", 3, PATH, n));
    assertEquals(ReadOnlyWasi.EROFS, call("path_symlink", PATH, n, 3, PATH, n));
    assertEquals(ReadOnlyWasi.EBADF, call("path_unlink_file", 42, PATH, n));
    assertEquals("a", read("a.txt"));
  }

  @Test
  void aDescriptorOpenForReadingTakesNoWritesAndTheTableFollowsRenumberAndClose() {
    assertEquals(0, open("a.txt", 0, FD_READ, 0));
    int fd = guest.memory().readInt(OUT);
    // iovec {buf, len} at OUT + 8 pointing at the path bytes
    guest.memory().writeI32(OUT + 8, PATH);
    guest.memory().writeI32(OUT + 12, 1);
    assertEquals(ReadOnlyWasi.ENOTCAPABLE, call("fd_write", fd, OUT + 8, 1, OUT + 16));
    assertEquals(ReadOnlyWasi.ENOTCAPABLE, call("fd_filestat_set_size", fd, 0));
    // Move the file onto stdout's number: writes to 1 are refused now; then back.
    assertEquals(0, call("fd_renumber", fd, 1));
    assertEquals(ReadOnlyWasi.ENOTCAPABLE, call("fd_write", 1, OUT + 8, 1, OUT + 16));
    assertEquals(ReadOnlyWasi.EBADF, call("fd_write", fd, OUT + 8, 1, OUT + 16), "the old number is gone");
    assertEquals(0, call("fd_close", 1));
    assertEquals(ReadOnlyWasi.EBADF, call("fd_write", 1, OUT + 8, 1, OUT + 16), "closed");
    assertEquals("a", read("a.txt"));
  }

  @Test
  void leavingTheFolderIsEPERM() throws Exception {
    Files.writeString(dir.getParent().resolve(dir.getFileName() + "-secret"), "s");
    Files.createSymbolicLink(dir.resolve("up"), dir.getParent());
    assertEquals(ReadOnlyWasi.EPERM, open("../" + dir.getFileName() + "-secret", 0, FD_READ, 0));
    assertEquals(ReadOnlyWasi.EPERM, open("/etc/passwd", 0, FD_READ, 0));
    assertEquals(ReadOnlyWasi.EPERM, open("up/" + dir.getFileName() + "-secret", 0, FD_READ, 0));
    assertEquals(ReadOnlyWasi.EPERM, open("up", 2, FD_READ, 0), "followed to its end");
    long n = path("up/x");
    assertEquals(ReadOnlyWasi.EPERM, call("path_filestat_get", 3, 1, PATH, n, OUT));
  }

  private String read(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
