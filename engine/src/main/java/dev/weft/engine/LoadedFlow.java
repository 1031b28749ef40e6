package dev.weft.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.sched.FlowPlan;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.InputConstraints;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A flow loaded by an {@link Engine}: checked, its components compiled and pooled. Run it as often
 * as you like, from any thread, and {@link #close()} it when it is no longer used (a reload), to
 * release its instances; the engine's close releases every flow's. Immutable apart from its pools.
 */
public final class LoadedFlow implements AutoCloseable {
  private final FlowGraph graph;
  private final FlowPlan plan;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  LoadedFlow(FlowGraph graph, FlowPlan plan, Runnable release) {
    this.graph = graph;
    this.plan = plan;
    this.release = release;
  }

  /**
   * Releases the flow's instance pools (its sub-flows' too): idle instances and snapshots now,
   * busy instances as their calls end. Runs in flight finish; a run started afterwards still works
   * but keeps no instance. Idempotent; any thread.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }

  /** The checked flow. */
  public FlowGraph graph() {
    return graph;
  }

  /** The flow's name. */
  public String name() {
    return graph.name();
  }

  FlowPlan plan() {
    return plan;
  }

  /**
   * Reads a JSON object of inputs in Weft's value mapping.
   *
   * @throws RunException of kind {@link ErrorKind#TYPE} naming the input, the path into its value
   *     and the expected WIT type, or a missing or unknown input
   */
  public Map<String, WitValue> inputsFromJson(JsonNode object) {
    if (object == null || !object.isObject()) {
      throw RunException.ofInput(graph.name(),
          "the input must be a JSON object with the fields " + signature());
    }
    // Unknown names first: a misspelt input is also a missing one, and its name says more.
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (graph.input(name).isEmpty()) {
        throw RunException.ofInput(graph.name(), unknownInput(name));
      }
    }
    Map<String, WitValue> values = new LinkedHashMap<>();
    for (FlowInput in : graph.inputs()) {
      JsonNode v = object.get(in.name());
      if (v == null) {
        throw RunException.ofInput(graph.name(),
            "missing input `" + in.name() + "` (" + TypeNames.display(in.type().type(), in.type().table()) + ")");
      }
      try {
        values.put(in.name(), ValueJson.fromJson(v, in.type().type(), in.type().table()));
      } catch (ValueException e) {
        throw RunException.ofInput(graph.name(),
            "input `" + in.name() + "`: " + e.getMessage().replaceFirst("^\\$", "\\$input." + in.name()));
      }
    }
    return values;
  }

  /**
   * Checks typed inputs against the constraints the flow declares for them ({@code max-bytes}...).
   *
   * @throws RunException of kind {@link ErrorKind#LIMIT}, an input error, naming the first input
   *     that breaks a constraint and the constraint
   */
  public void checkConstraints(Map<String, WitValue> values) {
    for (FlowInput in : graph.inputs()) {
      WitValue v = values.get(in.name());
      if (v != null && !in.constraints().isEmpty()) {
        Optional<InputConstraints.Violation> broken = in.constraints().check(v);
        if (broken.isPresent()) {
          throw RunException.ofConstraint(graph.name(), in.name(), broken.get());
        }
      }
    }
  }

  /** The size of each component's instance pool right now, by flow-local component name. */
  public Map<String, PoolStats> poolStats() {
    Map<String, PoolStats> stats = new java.util.TreeMap<>();
    plan.pools().forEach((name, pool) -> stats.put(name, pool.stats()));
    return stats;
  }

  /** What to say of an input {@code name} the flow does not take: the closest one, and the inputs. */
  public String unknownInput(String name) {
    List<String> names = graph.inputs().stream().map(FlowInput::name).toList();
    return "unknown input `" + name + "`; "
        + Suggestions.didYouMean(name, names).map(d -> d + " ").orElse("")
        + "the flow takes " + signature();
  }

  /** The inputs as {@code name: type, ...}, for messages. */
  public String signature() {
    if (graph.inputs().isEmpty()) {
      return "no inputs";
    }
    return graph.inputs().stream()
        .map(i -> "`" + i.name() + ": " + TypeNames.display(i.type().type(), i.type().table()) + "`")
        .collect(Collectors.joining(", "));
  }
}
