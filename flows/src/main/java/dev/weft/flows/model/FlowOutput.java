package dev.weft.flows.model;

/** A field of a flow's output record and where its value comes from. */
public record FlowOutput(String name, Binding value) {}
