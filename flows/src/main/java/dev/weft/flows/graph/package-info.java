/** Drawing checked flows as Mermaid or Graphviz DOT ({@code weft graph}). */
package dev.weft.flows.graph;
