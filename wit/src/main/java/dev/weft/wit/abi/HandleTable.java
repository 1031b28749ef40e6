package dev.weft.wit.abi;

import dev.weft.wit.model.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A component instance's table of resource handles (the spec's {@code inst.handles}): what the
 * guest's i32 handles stand for. Index 0 is never used, so that a zeroed handle is invalid. Owned
 * by one instance; not thread-safe.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#table-state">Table
 *     state</a>
 */
public final class HandleTable {
  /** One handle: which resource type, the host's representation, own or borrow, lends. */
  private static final class Entry {
    final TypeId resource;
    final int rep;
    final boolean own;
    int lends;

    Entry(TypeId resource, int rep, boolean own) {
      this.resource = resource;
      this.rep = rep;
      this.own = own;
    }
  }

  /** The spec's limit on table size. */
  public static final int MAX_LENGTH = 1 << 28;

  private final List<Entry> entries = new ArrayList<>();
  private final List<Integer> free = new ArrayList<>();
  private int borrows;

  public HandleTable() {
    entries.add(null);
  }

  /** Adds a handle and returns its index for the guest. */
  public int add(TypeId resource, int rep, boolean own) {
    Entry e = new Entry(resource, rep, own);
    if (!own) {
      borrows++;
    }
    if (!free.isEmpty()) {
      int i = free.remove(free.size() - 1);
      entries.set(i, e);
      return i;
    }
    if (entries.size() >= MAX_LENGTH) {
      throw new AbiException("the handle table is full");
    }
    entries.add(e);
    return entries.size() - 1;
  }

  private Entry entry(long index, TypeId resource, String what) {
    if (index <= 0 || index >= entries.size() || entries.get((int) index) == null) {
      throw new AbiException(what + " handle " + index + " is not in the handle table");
    }
    Entry e = entries.get((int) index);
    if (!e.resource.equals(resource)) {
      throw new AbiException(what + " handle " + index + " is of another resource type");
    }
    return e;
  }

  /** The representation behind a borrowed handle (the spec's {@code lift_borrow}). */
  public int borrow(long index, TypeId resource) {
    return entry(index, resource, "borrowed").rep;
  }

  /** Removes an owned handle and returns its representation (the spec's {@code lift_own}). */
  public int take(long index, TypeId resource) {
    Entry e = entry(index, resource, "owned");
    if (!e.own) {
      throw new AbiException("handle " + index + " is a borrow, but an own was expected");
    }
    if (e.lends != 0) {
      throw new AbiException("owned handle " + index + " is still lent out");
    }
    return remove((int) index).rep;
  }

  /** A handle the guest dropped: the representation, and whether the handle owned it. */
  public record Dropped(int rep, boolean own) {}

  /**
   * Removes a handle (the guest's {@code resource.drop}). Dropping an own handle that is lent out
   * traps.
   */
  public Dropped drop(long index, TypeId resource) {
    Entry e = entry(index, resource, "dropped");
    if (e.own && e.lends != 0) {
      throw new AbiException("owned handle " + index + " is dropped while lent out");
    }
    remove((int) index);
    if (!e.own) {
      borrows--;
    }
    return new Dropped(e.rep, e.own);
  }

  private Entry remove(int index) {
    Entry e = entries.set(index, null);
    free.add(index);
    return e;
  }

  /**
   * The number of live borrowed handles. A call that lends handles to the guest checks that this is
   * back where it was when the guest returns (the spec's {@code num_borrows} check).
   */
  public int borrows() {
    return borrows;
  }

  /** The number of live handles. */
  public int size() {
    return entries.size() - 1 - free.size();
  }
}
