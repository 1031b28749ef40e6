/**
 * Weft's engine API: load flows and components, run them, and the failures they report.
 *
 * <p>The engine sits after the flow checker in the pass pipeline (lex, parse, resolve, check,
 * plan, run): it sees only resolved models, never syntax.
 */
package dev.weft.engine;
