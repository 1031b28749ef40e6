/**
 * The resolved WIT model: packages, interfaces, worlds, functions and types, held in arenas and
 * addressed by typed ids.
 *
 * <p>This is what every later pass sees (the flow type checker, the canonical ABI, the engine);
 * nothing here refers to syntax. Produced by the WIT resolver (from text) and by the component
 * decoder (from binaries). Spec: WebAssembly/component-model {@code design/mvp/WIT.md}.
 */
package dev.weft.wit.model;
