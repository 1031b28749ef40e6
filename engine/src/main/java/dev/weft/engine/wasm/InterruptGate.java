package dev.weft.engine.wasm;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import run.endive.runtime.WasmInterruptedException;

/**
 * Whether one component's compiled code looks at its thread's interrupt flag: not while nothing is
 * being interrupted, and from {@link #interrupt} until the last {@link Interruption} is closed.
 *
 * <p>Endive's compiled code calls {@code checkInterruption()} at every function entry and backward
 * branch, and Endive's own check reads the thread's interrupt flag there. That read is volatile,
 * and C2 must then reload every field it had in registers (the memory's array and size) and keep
 * loop state on the stack: the QR code guest took 120-128 us a request with it and 110-117 with the
 * gate (in-process encode and render, JDK 25, 8 alternating runs each, 2 cores, 2026-11-24);
 * bcrypt's round loop lost its spills and reloads but no time (238 ms a hash both ways), being
 * bound by the latency of its table lookups. Where {@link LoadOptions#gatedInterrupts} asks for
 * it, Weft rewrites that method of each compiled module ({@link InterruptChecks}) to call through
 * a {@link MutableCallSite} of its component's gate. Its target is an empty method, which C2
 * inlines to no code at all, recording that the compiled code depends on it. {@link #interrupt}
 * first sets the target to the real check: the JVM then throws away (deoptimizes) the compiled
 * code that inlined the old target, including frames running in it, which continue in the
 * interpreter and meet the real check at their next call or backward branch (arming took 1-2
 * ms, and a spinning call ended 0.5-2 ms later, JDK 17 and 25). When the last interruption is
 * closed, the target is empty again and the code is compiled anew. An interruption thus costs a
 * deoptimization of the component's code, twice; a call that runs over its deadline is rare, and
 * the guest code of other components is untouched.
 *
 * <p>Only {@link #interrupt} arms the gate: with gated checks, a plain {@link Thread#interrupt()}
 * does not stop a call whose code runs compiled. {@link LoadedComponent#interrupt} works with and
 * without the gate.
 *
 * <p>Thread-safe.
 */
public final class InterruptGate {
  private static final MethodHandle PASS = MethodHandles.empty(MethodType.methodType(void.class));
  private static final MethodHandle CHECK;

  static {
    try {
      CHECK =
          MethodHandles.lookup()
              .findStatic(InterruptGate.class, "checkThread", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final AtomicInteger IDS = new AtomicInteger();

  /**
   * Gates that rewritten classes have not yet linked to, by the id written into those classes.
   * Weak, so that a component whose classes never run does not stay reachable from here.
   */
  private static final Map<Integer, WeakReference<InterruptGate>> UNCLAIMED =
      new ConcurrentHashMap<>();

  private final MutableCallSite site = new MutableCallSite(PASS);

  /** Interruptions not yet closed; guarded by {@code this}. */
  private int open;

  /** A gate that lets calls run unchecked until something is interrupted. */
  public InterruptGate() {}

  /**
   * Interrupts {@code thread} and makes this component's compiled code check the interrupt flag
   * (throwing Endive's {@link WasmInterruptedException} when it is set) until the returned
   * interruption is closed. Close it once the call on that thread has ended.
   */
  public Interruption interrupt(Thread thread) {
    synchronized (this) {
      if (open++ == 0) {
        retarget(CHECK);
      }
    }
    thread.interrupt();
    return new Interruption(this);
  }

  /** Whether the compiled code checks the interrupt flag now. */
  public synchronized boolean armed() {
    return open > 0;
  }

  private synchronized void close() {
    if (--open == 0) {
      retarget(PASS);
    }
  }

  private void retarget(MethodHandle target) {
    site.setTarget(target);
    // Publishes the target to threads that run the call site's old target without compiled
    // code that depends on it (the interpreter, other JVMs).
    MutableCallSite.syncAll(new MutableCallSite[] {site});
  }

  /** A fresh id under which classes rewritten for this gate find it with {@link #bootstrap}. */
  int register() {
    UNCLAIMED.values().removeIf(r -> r.get() == null);
    int id = IDS.incrementAndGet();
    UNCLAIMED.put(id, new WeakReference<>(this));
    return id;
  }

  /**
   * The bootstrap method of the {@code invokedynamic} in each rewritten class's {@code
   * checkInterruption()}, linked once per class: the call site of gate {@code id}. An id with no
   * gate (never the case for classes Weft rewrote) gets a call site that always checks, so that
   * interruption still works.
   */
  public static CallSite bootstrap(
      MethodHandles.Lookup caller, String name, MethodType type, int id) {
    WeakReference<InterruptGate> ref = UNCLAIMED.remove(id);
    InterruptGate gate = ref == null ? null : ref.get();
    return gate == null ? new ConstantCallSite(CHECK) : gate.site;
  }

  private static void checkThread() {
    if (Thread.currentThread().isInterrupted()) {
      throw new WasmInterruptedException("Thread interrupted");
    }
  }

  /** One {@link #interrupt}: closing it (once; later calls do nothing) may disarm the gate. */
  public static final class Interruption implements AutoCloseable {
    private final InterruptGate gate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Interruption(InterruptGate gate) {
      this.gate = gate;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        gate.close();
      }
    }
  }
}
