package dev.weft.wit.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;

/**
 * The JSON mapping of WIT values: one mapping used everywhere (CLI, HTTP bodies, event-bus
 * messages), and a public contract.
 *
 * <table>
 *   <caption>WIT to JSON</caption>
 *   <tr><td>bool, integers, floats</td><td>booleans and numbers; u64/s64 exact; floats always
 *       with a fraction or exponent ({@code 2.0}); NaN and infinities as {@code "NaN"}, {@code
 *       "Infinity"}, {@code "-Infinity"}</td></tr>
 *   <tr><td>char, string</td><td>a string (char: exactly one Unicode scalar value)</td></tr>
 *   <tr><td>record</td><td>an object keyed by kebab-case field names (an absent {@code option}
 *       field reads as none)</td></tr>
 *   <tr><td>tuple, list</td><td>an array; {@code list<u8>} is written as base64 and read from
 *       base64 or an array of numbers</td></tr>
 *   <tr><td>variant</td><td>{@code {"tag": "case", "val": payload}}, {@code {"tag": "case"}}
 *       without payload</td></tr>
 *   <tr><td>enum</td><td>the case name</td></tr>
 *   <tr><td>flags</td><td>an array of the set names, in declaration order</td></tr>
 *   <tr><td>option&lt;T&gt;</td><td>{@code null} or the value; when T is itself an option,
 *       {@code {"tag": "some", "val": ..}} / {@code {"tag": "none"}}</td></tr>
 *   <tr><td>result</td><td>{@code {"tag": "ok", "val": ..}} / {@code {"tag": "err", "val": ..}},
 *       {@code val} absent when that side has no type</td></tr>
 *   <tr><td>own, borrow</td><td>the handle index, a number</td></tr>
 * </table>
 *
 * <p>Both directions check the value against the type and throw {@link ValueException} naming the
 * path into the value and the expected type. Stateless and thread-safe.
 */
public final class ValueJson {
  private ValueJson() {}

  /**
   * The JSON form of {@code value}, which must be of type {@code type}.
   *
   * @throws ValueException when the value does not fit the type
   */
  public static JsonNode toJson(WitValue value, WitType type, TypeTable types) {
    return new ValueJsonWriter(types).write(value, type, JsonPath.ROOT);
  }

  /**
   * The value of type {@code type} that {@code json} denotes.
   *
   * @throws ValueException naming the path and expected type when the JSON does not fit
   */
  public static WitValue fromJson(JsonNode json, WitType type, TypeTable types) {
    return new ValueJsonReader(types).read(json, type, JsonPath.ROOT);
  }
}
