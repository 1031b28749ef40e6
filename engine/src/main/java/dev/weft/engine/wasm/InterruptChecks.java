package dev.weft.engine.wasm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the classes Endive compiled for one core module so that their interruption checks go
 * through an {@link InterruptGate}. Endive copies its helper class into each module's classes
 * (under the name of the module's main class with {@code Shaded} appended), and the compiled code
 * calls that copy's {@code static void checkInterruption()}. Its body becomes one {@code
 * invokedynamic} whose call site is the gate's ({@link InterruptGate#bootstrap}); nothing else
 * changes. Not a {@code MethodHandle} in a static field: C2 counts the method-handle plumbing
 * that {@code invokeExact} inlines at each of the hundreds of checks against its inlining budget,
 * and the QR code guest's large functions then inlined less. ASM is the library Endive itself
 * generates these classes with.
 *
 * <p>Classes of another shape (a later Endive) pass through unchanged, and keep Endive's own check.
 */
final class InterruptChecks {
  static final String METHOD = "checkInterruption";
  private static final Handle BOOTSTRAP =
      new Handle(
          Opcodes.H_INVOKESTATIC,
          Type.getInternalName(InterruptGate.class),
          "bootstrap",
          "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
              + "Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;",
          false);

  private InterruptChecks() {}

  /** The result of {@link #rewrite}: the classes, and whether a check now goes through the gate. */
  record Rewritten(byte[] classes, boolean gated) {}

  /**
   * {@code classes} (what Endive stores in a compile cache: a jar of class files and a properties
   * file) with the interruption check of its helper class sent through the gate registered as
   * {@code gateId}.
   */
  static Rewritten rewrite(byte[] classes, int gateId) {
    boolean gated = false;
    ByteArrayOutputStream out = new ByteArrayOutputStream(classes.length + 256);
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(classes))) {
      Manifest manifest = in.getManifest();
      try (JarOutputStream jar =
          manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
        for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
          byte[] bytes = in.readAllBytes();
          if (e.getName().endsWith("Shaded.class")) {
            byte[] changed = gate(bytes, gateId);
            if (changed != null) {
              bytes = changed;
              gated = true;
            }
          }
          jar.putNextEntry(new JarEntry(e.getName()));
          jar.write(bytes);
          jar.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("compiled classes are not a readable jar", e);
    }
    return new Rewritten(gated ? out.toByteArray() : classes, gated);
  }

  /** The class with its check gated, or null when it has no {@code static checkInterruption()V}. */
  private static byte[] gate(byte[] bytes, int gateId) {
    ClassReader reader = new ClassReader(bytes);
    if (!hasCheck(reader)) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (!name.equals(METHOD) || !descriptor.equals("()V")) {
              return mv;
            }
            // The new body replaces the old one, which is not passed on.
            mv.visitCode();
            mv.visitInvokeDynamicInsn(METHOD, "()V", BOOTSTRAP, gateId);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            return null;
          }
        },
        0);
    return writer.toByteArray();
  }

  private static boolean hasCheck(ClassReader reader) {
    boolean[] found = new boolean[1];
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals(METHOD)
                && descriptor.equals("()V")
                && (access & Opcodes.ACC_STATIC) != 0) {
              found[0] = true;
            }
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }
}
