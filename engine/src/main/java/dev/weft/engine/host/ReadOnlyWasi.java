package dev.weft.engine.host;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmFunctionHandle;

/**
 * Endive's WASI preview 1 with its preopened folders read-only and closed in. Endive's own
 * preview 1 lets a guest write, create and delete in its folders (it ignores WASI rights), so
 * every function that could change the file system is answered here instead:
 *
 * <ul>
 *   <li>{@code path_open} for writing (rights {@code fd_write}, {@code fd_allocate}, {@code
 *       fd_filestat_set_size}; {@code O_CREAT}, {@code O_TRUNC}; {@code O_APPEND}) and every
 *       {@code path_*} function that changes a folder fail with {@code EROFS}, as on a read-only
 *       mount;
 *   <li>writing to, resizing or touching an open file or folder fails with {@code ENOTCAPABLE};
 *       only stdout and stderr take writes;
 *   <li>a path that leaves its preopened folder, by {@code ..} or through a symbolic link (in
 *       the path or, when followed, at its end), fails with {@code EPERM} before Endive sees it.
 * </ul>
 *
 * <p>To know which descriptor is what, it keeps its own table beside Endive's, updated by every
 * function that makes, moves or closes a descriptor ({@code path_open}, {@code fd_renumber},
 * {@code fd_close}); a descriptor it does not know is {@code EBADF} for the functions above. One
 * per instance; not thread-safe.
 */
final class ReadOnlyWasi {
  // Values from WASI preview 1 (wasi_snapshot_preview1.witx: errno, rights, oflags, fdflags).
  static final int EBADF = 8;
  static final int ENOTDIR = 54;
  static final int EPERM = 63;
  static final int EROFS = 69;
  static final int ENOTCAPABLE = 76;

  private static final long FD_WRITE = 1L << 6;
  private static final long FD_ALLOCATE = 1L << 8;
  private static final long FD_FILESTAT_SET_SIZE = 1L << 22;

  /** The rights that let a descriptor change a file: refused when opening. */
  static final long WRITE_RIGHTS = FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE;

  /** Every right that changes something, taken out of the rights {@code fd_fdstat_get} reports. */
  private static final long CHANGE_RIGHTS =
      WRITE_RIGHTS
          | 1L << 9 // path_create_directory
          | 1L << 10 // path_create_file
          | 1L << 11 // path_link_source
          | 1L << 12 // path_link_target
          | 1L << 16 // path_rename_source
          | 1L << 17 // path_rename_target
          | 1L << 19 // path_filestat_set_size
          | 1L << 20 // path_filestat_set_times
          | 1L << 23 // fd_filestat_set_times
          | 1L << 24 // path_symlink
          | 1L << 25 // path_remove_directory
          | 1L << 26; // path_unlink_file

  private static final int O_CREAT = 1;
  private static final int O_TRUNC = 8;
  private static final int FDFLAG_APPEND = 1;
  private static final int LOOKUP_SYMLINK_FOLLOW = 1;

  /** What a descriptor is. */
  private sealed interface Fd {}

  /** stdin, stdout or stderr. */
  private record Stream() implements Fd {}

  /**
   * A preopened folder, or a file or folder opened in one: {@code path} inside the preopened
   * folder {@code root} (a real path). Whether it is a file does not matter here: Endive answers
   * ENOTDIR for a path looked up in a file, and neither takes writes.
   */
  private record Opened(Path root, Path path) implements Fd {}

  /** The path functions that change a folder, with the index of their folder argument. */
  private static final Map<String, Integer> CHANGES =
      Map.of(
          "path_create_directory", 0,
          "path_filestat_set_times", 0,
          "path_link", 4,
          "path_remove_directory", 0,
          "path_rename", 3,
          "path_symlink", 2,
          "path_unlink_file", 0);

  /** The functions that change an open descriptor, all with the descriptor first. */
  private static final List<String> FD_CHANGES =
      List.of("fd_write", "fd_pwrite", "fd_allocate", "fd_filestat_set_size", "fd_filestat_set_times");

  private final Map<Integer, Fd> fds = new HashMap<>();

  /**
   * @param roots the real paths of the preopened folders, in the order Endive numbers them (from
   *     descriptor 3)
   */
  private ReadOnlyWasi(List<Path> roots) {
    for (int fd = 0; fd < 3; fd++) {
      fds.put(fd, new Stream());
    }
    for (int i = 0; i < roots.size(); i++) {
      fds.put(3 + i, new Opened(roots.get(i), roots.get(i)));
    }
  }

  /**
   * Endive's {@code functions} (by WASI name) with those that could change the file system or
   * leave a folder replaced.
   *
   * @param roots the real paths of the folders Endive preopened, in order
   */
  static Map<String, ImportFunction> wrap(Map<String, ImportFunction> functions, List<Path> roots) {
    ReadOnlyWasi ro = new ReadOnlyWasi(roots);
    Map<String, ImportFunction> out = new LinkedHashMap<>(functions);
    functions.forEach((name, f) -> {
      WasmFunctionHandle h = f.handle();
      WasmFunctionHandle wrapped = switch (name) {
        case "path_open" -> (caller, args) -> ro.pathOpen(h, caller, args);
        case "path_filestat_get" -> (caller, args) -> ro.lookUp(h, caller, args, 0, 2, (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0);
        case "path_readlink" -> (caller, args) -> ro.lookUp(h, caller, args, 0, 1, false);
        case "fd_fdstat_get" -> (caller, args) -> ro.fdstatGet(h, caller, args);
        case "fd_close" -> (caller, args) -> ro.close(h, caller, args);
        case "fd_renumber" -> (caller, args) -> ro.renumber(h, caller, args);
        default -> CHANGES.containsKey(name)
            ? (caller, args) -> result(ro.fds.get((int) args[CHANGES.get(name)]) instanceof Opened ? EROFS : EBADF)
            : FD_CHANGES.contains(name) ? (caller, args) -> ro.fdChange(h, caller, args) : h;
      };
      out.put(name, new HostFunction(f.module(), name, f.functionType(), wrapped));
    });
    return out;
  }

  private static long[] result(int errno) {
    return new long[] {errno};
  }

  // path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out)
  private long[] pathOpen(WasmFunctionHandle endive, Instance caller, long[] args) {
    if (!(fds.get((int) args[0]) instanceof Opened dir)) {
      return result(fds.containsKey((int) args[0]) ? ENOTDIR : EBADF);
    }
    if ((args[4] & (O_CREAT | O_TRUNC)) != 0 || (args[5] & WRITE_RIGHTS) != 0 || (args[7] & FDFLAG_APPEND) != 0) {
      return result(EROFS);
    }
    Path target = inside(dir, caller.memory().readString((int) args[2], (int) args[3]), (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0);
    if (target == null) {
      return result(EPERM);
    }
    long[] r = endive.apply(caller, args);
    if (r[0] == 0) {
      fds.put(caller.memory().readInt((int) args[8]), new Opened(dir.root(), target));
    }
    return r;
  }

  /** A function that reads through folder argument {@code fdArg} and path argument {@code pathArg}. */
  private long[] lookUp(WasmFunctionHandle endive, Instance caller, long[] args, int fdArg, int pathArg, boolean follow) {
    if (fds.get((int) args[fdArg]) instanceof Opened dir) {
      String path = caller.memory().readString((int) args[pathArg], (int) args[pathArg + 1]);
      if (inside(dir, path, follow) == null) {
        return result(EPERM);
      }
    }
    return endive.apply(caller, args);
  }

  // fd_fdstat_get(fd, stat_out): struct fdstat { u8 filetype; u16 flags; u64 rights_base; u64 rights_inheriting }
  private long[] fdstatGet(WasmFunctionHandle endive, Instance caller, long[] args) {
    long[] r = endive.apply(caller, args);
    Fd fd = fds.get((int) args[0]);
    if (r[0] == 0 && fd instanceof Opened) {
      Memory m = caller.memory();
      int at = (int) args[1];
      // rights_base only: wasi-libc asks path_open for the inheriting rights its flags need, so
      // that `open(O_RDWR)` asks for fd_write, and fails with EROFS, instead of quietly getting
      // a descriptor it cannot write to.
      m.writeLong(at + 8, m.readLong(at + 8) & ~CHANGE_RIGHTS);
    }
    return r;
  }

  private long[] fdChange(WasmFunctionHandle endive, Instance caller, long[] args) {
    Fd fd = fds.get((int) args[0]);
    if (fd instanceof Stream) {
      return endive.apply(caller, args);
    }
    return result(fd == null ? EBADF : ENOTCAPABLE);
  }

  private long[] close(WasmFunctionHandle endive, Instance caller, long[] args) {
    long[] r = endive.apply(caller, args);
    if (r[0] == 0) {
      fds.remove((int) args[0]);
    }
    return r;
  }

  // fd_renumber(fd, to): `to` is closed and becomes `fd`.
  private long[] renumber(WasmFunctionHandle endive, Instance caller, long[] args) {
    long[] r = endive.apply(caller, args);
    if (r[0] == 0 && args[0] != args[1]) {
      Fd moved = fds.remove((int) args[0]);
      if (moved == null) {
        fds.remove((int) args[1]);
      } else {
        fds.put((int) args[1], moved);
      }
    }
    return r;
  }

  /**
   * The host path of {@code path} looked up in {@code dir}, or null when it leaves {@code
   * dir.root()}: written with {@code ..} or as an absolute path, or through a symbolic link that
   * points out (any in the path before its last name; the last name too when {@code follow}).
   */
  static Path inside(Opened dir, String path, boolean follow) {
    Path rel;
    try {
      rel = dir.path().getFileSystem().getPath(path);
    } catch (InvalidPathException e) {
      return null;
    }
    if (rel.isAbsolute()) {
      return null;
    }
    Path target = dir.path().resolve(rel).normalize();
    if (!target.startsWith(dir.root())) {
      return null;
    }
    // The real path of the nearest existing file or folder on the way must stay inside too.
    for (Path p = follow ? target : target.getParent(); p != null && p.startsWith(dir.root()); p = p.getParent()) {
      try {
        return p.toRealPath().startsWith(dir.root()) ? target : null;
      } catch (NoSuchFileException e) {
        continue; // look at its parent: a path that does not exist opens nothing
      } catch (IOException e) {
        return null;
      }
    }
    return target;
  }
}
