/**
 * JMH benchmarks of the engine, run by {@code examples/bench/jmh.sh}. Figures and the commands that
 * produced them are in the README's Performance section.
 */
package dev.weft.bench;
