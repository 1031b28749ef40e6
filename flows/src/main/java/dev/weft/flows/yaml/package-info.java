/**
 * Reading flow YAML into a small positioned tree ({@link dev.weft.flows.yaml.YNode}): every
 * scalar, sequence and mapping keeps its {@link dev.weft.wit.diag.Span}, so every later pass can
 * point at the exact place of a problem. First pass of the flow pipeline (read, shape, resolve,
 * type-check, plan).
 */
package dev.weft.flows.yaml;
