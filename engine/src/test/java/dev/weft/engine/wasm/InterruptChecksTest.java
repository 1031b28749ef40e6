package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The rewrite of Endive's compiled classes that sends their interruption check through a gate. */
class InterruptChecksTest {
  private static final Path GREET =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components/greet/greet.wasm");

  /** What Endive stores in a compile cache for greet's one core module. */
  private static byte[] compiled(Path dir) throws Exception {
    ComponentLoader.load(
        GREET, LoadOptions.defaults().withCompileCache(Optional.of(new CompileCache(dir))));
    try (Stream<Path> s = Files.walk(dir)) {
      return Files.readAllBytes(s.filter(p -> p.toString().endsWith(".classes")).findFirst().orElseThrow());
    }
  }

  private static Map<String, byte[]> entries(byte[] jar) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  /** The field accesses and calls of {@code method}, in order. */
  private static List<String> shape(byte[] cls, String method) {
    List<String> out = new ArrayList<>();
    new ClassReader(cls)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] ex) {
                if (!name.equals(method)) {
                  return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitInvokeDynamicInsn(
                      String n, String d, Handle bootstrap, Object... args) {
                    out.add("indy " + n + d + " " + bootstrap.getOwner() + "." + bootstrap.getName()
                        + " " + java.util.Arrays.toString(args));
                  }

                  @Override
                  public void visitFieldInsn(int op, String owner, String n, String d) {
                    out.add("field-insn " + n);
                  }

                  @Override
                  public void visitMethodInsn(int op, String owner, String n, String d, boolean i) {
                    out.add("call " + owner + "." + n + d);
                  }
                };
              }
            },
            0);
    return out;
  }

  @Test
  void theHelperClassChecksThroughTheGateAndNothingElseChanges(@TempDir Path dir) throws Exception {
    byte[] original = compiled(dir);
    InterruptChecks.Rewritten r = InterruptChecks.rewrite(original, 42);
    assertTrue(r.gated());
    Map<String, byte[]> before = entries(original);
    Map<String, byte[]> after = entries(r.classes());
    assertEquals(List.copyOf(before.keySet()), List.copyOf(after.keySet()), "the same entries, in order");
    int changed = 0;
    for (String name : before.keySet()) {
      if (name.endsWith("Shaded.class")) {
        changed++;
        assertTrue(
            shape(before.get(name), "checkInterruption")
                .contains("call java/lang/Thread.isInterrupted()Z"),
            "Endive's own check reads the interrupt flag");
        assertEquals(
            List.of("indy checkInterruption()V dev/weft/engine/wasm/InterruptGate.bootstrap [42]"),
            shape(after.get(name), "checkInterruption"));
      } else {
        assertArrayEquals(before.get(name), after.get(name), name + " is unchanged");
      }
    }
    assertEquals(1, changed, "one helper class");
  }

  @Test
  void classesOfAnotherShapePassThroughUnchanged() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("a/OtherShaded.class"));
      // any class without a static checkInterruption()V: this test's own
      try (var in = InterruptChecksTest.class.getResourceAsStream("InterruptChecksTest.class")) {
        jar.write(in.readAllBytes());
      }
      jar.closeEntry();
    }
    byte[] classes = out.toByteArray();
    InterruptChecks.Rewritten r = InterruptChecks.rewrite(classes, 1);
    assertFalse(r.gated());
    assertSame(classes, r.classes());
  }

  @Test
  void aGateIsLinkedOnceAndAnUnknownIdGetsACallSiteThatAlwaysChecks() throws Throwable {
    var lookup = java.lang.invoke.MethodHandles.lookup();
    var type = java.lang.invoke.MethodType.methodType(void.class);
    InterruptGate gate = new InterruptGate();
    int id = gate.register();
    var site = InterruptGate.bootstrap(lookup, "checkInterruption", type, id);
    assertTrue(site instanceof java.lang.invoke.MutableCallSite, "the gate's own call site");
    var again = InterruptGate.bootstrap(lookup, "checkInterruption", type, id);
    assertTrue(again instanceof java.lang.invoke.ConstantCallSite, "an id links once");
    Thread.currentThread().interrupt();
    try {
      site.getTarget().invokeExact(); // unarmed: the interrupt flag is not looked at
      assertThrows(
          run.endive.runtime.WasmInterruptedException.class,
          () -> {
            again.getTarget().invokeExact();
          });
    } finally {
      Thread.interrupted();
    }
  }
}
