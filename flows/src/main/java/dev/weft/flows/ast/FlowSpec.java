package dev.weft.flows.ast;

import java.util.List;

/** The keys each section of a flow file accepts. */
public final class FlowSpec {
  private FlowSpec() {}

  /** The top level of a flow file. */
  public static final List<FieldSpec> TOP =
      List.of(
          FieldSpec.required("flow", "the flow's name: CLI, HTTP path and event-bus address use it"),
          FieldSpec.optional("description", "one paragraph saying what the flow does"),
          FieldSpec.optional("components", "the components the nodes call, by local name"),
          FieldSpec.optional("input", "the flow's typed inputs, `name: wit-type` or `name: {type: wit-type, max-bytes: N}`"),
          FieldSpec.required("nodes", "the steps, by name"),
          FieldSpec.required("output", "the flow's output record, `name: expression`"),
          FieldSpec.optional("http", "a declared HTTP route: `{route: GET /path, input: ..., output: ...}`"));

  /** A component entry under {@code components:}. */
  public static final List<FieldSpec> COMPONENT =
      List.of(
          FieldSpec.required("wasm", "path of the component (or core module), relative to the flow"),
          FieldSpec.optional("wit", "for a core module: the WIT file or folder of its world"),
          FieldSpec.optional("world", "for a core module: the world it implements"),
          FieldSpec.optional("pool", "instance pool: `{max: N}` (default: number of cores)"),
          FieldSpec.optional("limits", "`{memory: 16MiB, timeout: 2s}` for every call"),
          FieldSpec.optional("grants", "the `weft:host` interfaces it may import: `{log: true, kv: {buckets: [users]}}`"));

  /** {@code pool:} of a component. */
  public static final List<FieldSpec> POOL =
      List.of(
          FieldSpec.optional("max", "the most instances running calls at once"),
          FieldSpec.optional("reset", "`true`: put each instance back to its fresh state after every call"));

  /** {@code limits:} of a component. */
  public static final List<FieldSpec> LIMITS =
      List.of(
          FieldSpec.optional("memory", "the most linear memory an instance may grow to, e.g. 16MiB"),
          FieldSpec.optional("timeout", "the deadline of one call, e.g. 2s or 500ms"));

  /** The long form of an input under {@code input:}: its type and constraints. */
  public static final List<FieldSpec> INPUT =
      List.of(
          FieldSpec.required("type", "the input's WIT type, e.g. `string`"),
          FieldSpec.optional("min-bytes", "a `string` (UTF-8) or `list<u8>` of at least this many bytes"),
          FieldSpec.optional("max-bytes", "a `string` (UTF-8) or `list<u8>` of at most this many bytes"),
          FieldSpec.optional("min-items", "a list of at least this many elements"),
          FieldSpec.optional("max-items", "a list of at most this many elements"),
          FieldSpec.optional("min", "a number (integer or float type) no less than this"),
          FieldSpec.optional("max", "a number (integer or float type) no greater than this"));

  /** A node under {@code nodes:}. */
  public static final List<FieldSpec> NODE =
      List.of(
          FieldSpec.optional("call", "`component.function`, `component.interface#function`, or a built-in such as `kv.get` or `log`"),
          FieldSpec.optional("flow", "instead of `call`: another flow file to run, with `with` as its inputs"),
          FieldSpec.optional("with", "the arguments, `param: expression`"),
          FieldSpec.optional("when", "run only when this bool expression is true"),
          FieldSpec.optional("timeout", "deadline of this node's call, e.g. 2s"),
          FieldSpec.optional("for-each", "call once per element of this list; `$item` is the element"),
          FieldSpec.optional("concurrency", "with `for-each`: the most calls in flight at once"),
          FieldSpec.optional("retry", "`{attempts: 3, backoff: 100ms}`: try again after a failure"),
          FieldSpec.optional("fallback", "the node's value when it fails, after its retries"),
          FieldSpec.optional("after", "nodes to wait for without using their values, e.g. `after: [save]`"));

  /** {@code retry:} of a node. */
  public static final List<FieldSpec> RETRY =
      List.of(
          FieldSpec.required("attempts", "how many attempts in all, 2 or more"),
          FieldSpec.optional("backoff", "the wait before the second attempt, doubled each time (default 100ms)"));
}
