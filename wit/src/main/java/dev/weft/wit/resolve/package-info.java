/**
 * The third pass: names in the syntax tree become typed ids in the arenas of a {@link
 * dev.weft.wit.model.Resolve}, packages and types in topological order, with every semantic check
 * the spec names (duplicates, unknown names, wrong kinds, cycles). Spec: WIT.md "Name resolution"
 * and "Package Format".
 */
package dev.weft.wit.resolve;
