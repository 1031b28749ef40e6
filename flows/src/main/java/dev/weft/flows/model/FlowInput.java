package dev.weft.flows.model;

/** A typed input of a flow. */
public record FlowInput(String name, Typed type) {}
