package dev.weft.wit.binary;

import dev.weft.wit.model.Function;

/**
 * A function the component exports: its key ({@code greet} for a world-level function, {@code
 * ns:pkg/iface@ver#fn} in an exported interface), WIT type, and the core function it lifts.
 */
public record LiftedExport(
    String key, Function function, CoreRef coreFunction, PlanOptions options) {}
