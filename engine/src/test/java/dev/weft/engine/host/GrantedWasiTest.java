package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.flows.host.Grants;
import dev.weft.flows.host.WasiGrant;
import dev.weft.flows.host.WasiGrant.Output;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bool;
import dev.weft.wit.value.WitValue.EnumValue;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.TupleValue;
import dev.weft.wit.value.WitValue.U32;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASI preview 1 as flows grant it, seen from a real WASI program (examples/components/wasi-demo,
 * C on wasi-libc): its arguments, environment and folders are exactly the grant's, its folders
 * are read-only and closed in, and its stdout and stderr go to the log line by line.
 */
class GrantedWasiTest {
  static final Path WASM =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components/wasi-demo/wasi-demo.wasm");

  /** The same program as a core module with its WIT world embedded, importing WASI itself. */
  static final Path EMBED = WASM.resolveSibling("wasi-demo.embed.wasm");

  record Logged(String component, GuestLog.Level level, String message, List<Map.Entry<String, String>> fields) {}

  static Vertx vertx;
  static HostEnvironment env;
  static final List<Logged> LOG = new CopyOnWriteArrayList<>();

  @TempDir static Path root;

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    env = HostEnvironment.builder(vertx, HostOptions.defaults())
        .withLog((component, level, message, fields) -> LOG.add(new Logged(component, level, message, fields)))
        .withEnvironment(Map.of("HOME_DIR", "/home/ada", "SHELL", "/bin/sh")::get)
        .build();
    Path data = Files.createDirectories(root.resolve("data"));
    Files.writeString(data.resolve("motto.txt"), "Keep it simple.\nSecond line.\n");
    Files.createDirectories(data.resolve("sub"));
    Files.writeString(data.resolve("sub/note.txt"), "a note");
    Files.writeString(root.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(data.resolve("out"), root);                        // a folder outside
    Files.createSymbolicLink(data.resolve("secret-link"), root.resolve("secret.txt")); // a file outside
    Files.createSymbolicLink(data.resolve("motto-link"), data.resolve("motto.txt"));   // inside: fine
  }

  @AfterAll
  static void stop() throws Exception {
    env.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @BeforeEach
  void clearLog() {
    LOG.clear();
  }

  private static final WasiGrant DEMO = new WasiGrant(
      List.of("demo", "--excited"),
      linked("GREETING", Optional.of("Hi"), "HOME_DIR", Optional.empty(), "UNSET", Optional.empty()),
      Map.of(),
      Output.LOG, Output.LOG);

  private static Map<String, Optional<String>> linked(Object... kv) {
    Map<String, Optional<String>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      Optional<String> v = (Optional<String>) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return m;
  }

  /** An instance of wasi-demo named `demo` granted {@code wasi}; interpreted, to load fast. */
  static ComponentInstance demo(WasiGrant wasi) {
    Grants grants = Grants.NONE.withWasi(Optional.of(wasi));
    LoadedComponent c = ComponentLoader.load(WASM, new LoadOptions(256, false), env.importsFor("demo", grants));
    return c.instantiate();
  }

  /** The demo grant, with the folder that @TempDir made. */
  static WasiGrant demoGrant() {
    return DEMO.withDirs(Map.of("/data", root.resolve("data")));
  }

  static WitValue call(ComponentInstance i, String fn, WitValue... args) {
    return i.call(fn, List.of(args)).orElse(null);
  }

  static String ok(WitValue v) {
    ResultValue r = (ResultValue) v;
    assertTrue(r.isOk(), () -> "expected ok, got " + r);
    return r.value().map(x -> ((Str) x).value()).orElse("");
  }

  static String err(WitValue v) {
    ResultValue r = (ResultValue) v;
    assertTrue(!r.isOk(), () -> "expected an error, got " + r);
    return ((Str) r.value().orElseThrow()).value();
  }

  static List<String> strings(WitValue list) {
    return ((ListLike) list).elements().stream().map(e -> ((Str) e).value()).toList();
  }

  @Test
  void theGuestSeesTheGrantsArgumentsVariablesAndFolders() {
    try (ComponentInstance demo = demo(demoGrant())) {
      RecordValue s = (RecordValue) call(demo, "startup");
      assertEquals(List.of("demo", "--excited"), strings(s.get("args").orElseThrow()));
      List<List<String>> vars = ((ListLike) s.get("env").orElseThrow()).elements().stream()
          .map(t -> strings(new WitValue.ListValue(((TupleValue) t).elements()))).toList();
      // Given values and passed-through ones, in the flow's order; a variable Weft lacks is left out.
      assertEquals(List.of(List.of("GREETING", "Hi"), List.of("HOME_DIR", "/home/ada")), vars);
      assertEquals(List.of("/data"), strings(s.get("dirs").orElseThrow()));
      assertEquals(new OptionValue(Optional.of(new Str("Hi"))), call(demo, "getenv", new Str("GREETING")));
      assertEquals(OptionValue.NONE, call(demo, "getenv", new Str("SHELL")), "only variables the grant lists");
      assertEquals("Hi, Ada! Keep it simple.", ok(call(demo, "greet", new Str("Ada"))));
    }
  }

  @Test
  void aCoreModuleImportingWasiItselfRunsTheSameWithoutTheAdapter() {
    Grants grants = Grants.NONE.withWasi(Optional.of(demoGrant()));
    LoadedComponent c = ComponentLoader.load(EMBED, new LoadOptions(256, false), env.importsFor("demo", grants));
    try (ComponentInstance demo = c.instantiate()) {
      assertEquals("Hi, Ada! Keep it simple.", ok(call(demo, "greet", new Str("Ada"))));
      assertEquals("Read-only file system",
          err(call(demo, "change", new EnumValue("create"), new Str("/data/new.txt"))));
    }
    assertEquals(List.of(info("greeting Ada")), LOG);
  }

  @Test
  void wasiTrueGivesNoArgumentsVariablesOrFolders() {
    try (ComponentInstance demo = demo(WasiGrant.DEFAULT)) {
      RecordValue s = (RecordValue) call(demo, "startup");
      assertEquals(List.of(), strings(s.get("args").orElseThrow()));
      assertEquals(0, ((ListLike) s.get("env").orElseThrow()).elements().size());
      assertEquals(List.of(), strings(s.get("dirs").orElseThrow()));
      assertEquals("Hello, Ada.", ok(call(demo, "greet", new Str("Ada"))));
      assertTrue(err(call(demo, "read-file", new Str("/etc/passwd"))).length() > 0);
    }
    assertTrue(LOG.stream().anyMatch(l -> l.level() == GuestLog.Level.WARN
        && l.message().startsWith("no motto: /data/motto.txt: ")), LOG.toString());
  }

  @Test
  void filesInAGrantedFolderAreReadable() {
    try (ComponentInstance demo = demo(demoGrant())) {
      assertEquals("Keep it simple.\nSecond line.\n", ok(call(demo, "read-file", new Str("/data/motto.txt"))));
      assertEquals("a note", ok(call(demo, "read-file", new Str("/data/sub/note.txt"))));
      assertEquals("Keep it simple.\nSecond line.\n", ok(call(demo, "read-file", new Str("/data/sub/../motto.txt"))));
      assertEquals("Keep it simple.\nSecond line.\n", ok(call(demo, "read-file", new Str("/data/motto-link"))),
          "a link that stays inside is followed");
      ListLike names = (ListLike) ((ResultValue) call(demo, "list-dir", new Str("/data"))).value().orElseThrow();
      assertEquals(List.of("motto-link", "motto.txt", "out", "secret-link", "sub"), strings(names));
      assertEquals("No such file or directory", err(call(demo, "read-file", new Str("/data/none.txt"))));
    }
  }

  @Test
  void noChangeReachesTheHostFolder() throws IOException {
    Map<String, String> before = tree(root);
    Map<String, Set<String>> errors = new TreeMap<>();
    try (ComponentInstance demo = demo(demoGrant())) {
      for (String change : List.of("create", "overwrite", "append", "read-write", "write-read-only", "truncate",
          "remove", "make-dir", "remove-dir", "rename", "symlink", "touch")) {
        for (String path : List.of("/data/motto.txt", "/data/new.txt", "/data/sub", "/data/sub/new")) {
          String e = err(call(demo, "change", new EnumValue(change), new Str(path)));
          errors.computeIfAbsent(change, c -> new TreeSet<>()).add(e);
        }
      }
    }
    assertEquals(before, tree(root), "the folder is as it was");
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String c : List.of("create", "overwrite", "append", "read-write", "truncate", "remove", "make-dir",
        "remove-dir", "rename", "symlink", "touch")) {
      expected.put(c, Set.of("Read-only file system")); // EROFS
    }
    // Opening for reading works, writing to that descriptor does not: ENOTCAPABLE, which wasi-libc's
    // write() reports as EBADF, as POSIX has it for a descriptor not open for writing.
    expected.put("write-read-only", Set.of("Bad file descriptor", "No such file or directory"));
    assertEquals(expected, errors);
  }

  @Test
  void pathsCannotLeaveTheGrantedFolder() {
    try (ComponentInstance demo = demo(demoGrant())) {
      for (String path : List.of("/data/../secret.txt", "/data/sub/../../secret.txt", "/data/out/secret.txt",
          "/data/secret-link")) {
        assertEquals("Operation not permitted", err(call(demo, "read-file", new Str(path))), path); // EPERM
      }
      assertEquals("Operation not permitted", err(call(demo, "list-dir", new Str("/data/out"))));
      assertEquals("Operation not permitted", err(call(demo, "list-dir", new Str("/data/.."))));
    }
  }

  @Test
  void stdoutAndStderrGoToTheLogOneLineAtATime() {
    try (ComponentInstance demo = demo(demoGrant())) {
      assertEquals(new U32(12), call(demo, "print", new Str("one\ntwo\r\nthr"), new Bool(false)));
      assertEquals(List.of(info("one"), info("two"), info("thr")), LOG, "the last line when the call ends");
      LOG.clear();
      call(demo, "print", new Str("care"), new Bool(true));
      call(demo, "print", new Str("ful\n"), new Bool(true));
      call(demo, "greet", new Str("Ada"));
      assertEquals(List.of(warn("care"), warn("ful"), info("greeting Ada")), LOG);
      LOG.clear();
      call(demo, "print", new Str("x".repeat(LineLog.MAX_LINE + 10)), new Bool(false));
      assertEquals(List.of(LineLog.MAX_LINE, 10), LOG.stream().map(l -> l.message().length()).toList(),
          "a line longer than the limit is logged in pieces");
    }
  }

  @Test
  void discardedOutputGoesNowhere() {
    WasiGrant quiet = new WasiGrant(List.of(), Map.of(), Map.of(), Output.DISCARD, Output.DISCARD);
    try (ComponentInstance demo = demo(quiet)) {
      assertEquals(new U32(6), call(demo, "print", new Str("hello\n"), new Bool(false)));
      call(demo, "print", new Str("oops\n"), new Bool(true));
    }
    assertEquals(List.of(), LOG);
  }

  private static Logged info(String line) {
    return new Logged("demo", GuestLog.Level.INFO, line, List.of(Map.entry("stream", "stdout")));
  }

  private static Logged warn(String line) {
    return new Logged("demo", GuestLog.Level.WARN, line, List.of(Map.entry("stream", "stderr")));
  }

  /** Every path under {@code dir} with its kind, content and modification time. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(paths::add);
    }
    for (Path p : paths) {
      String what;
      if (Files.isSymbolicLink(p)) {
        what = "link " + Files.readSymbolicLink(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        what = "dir " + Files.getLastModifiedTime(p);
      } else {
        what = "file " + Files.readString(p) + " " + Files.getLastModifiedTime(p);
      }
      out.put(dir.relativize(p).toString(), what);
    }
    return out;
  }
}
