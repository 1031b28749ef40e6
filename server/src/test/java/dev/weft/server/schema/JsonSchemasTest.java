package dev.weft.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.flows.model.TypeTables;
import dev.weft.wit.Wit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schema of each WIT type kind follows docs/values.md. */
class JsonSchemasTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bool                  | {"type":"boolean"}
      u8                    | {"type":"integer","minimum":0,"maximum":255}
      s32                   | {"type":"integer","minimum":-2147483648,"maximum":2147483647}
      u64                   | {"type":"integer","minimum":0,"maximum":18446744073709551615}
      f64                   | {"oneOf":[{"type":"number","format":"double"},{"type":"string","enum":["NaN","Infinity","-Infinity"]}]}
      string                | {"type":"string"}
      list<u8>              | {"oneOf":[{"type":"string","contentEncoding":"base64"},{"type":"array","items":{"type":"integer","minimum":0,"maximum":255}}],"description":"bytes: written as base64, read from base64 or an array of numbers"}
      list<string>          | {"type":"array","items":{"type":"string"}}
      option<string>        | {"anyOf":[{"type":"null"},{"type":"string"}]}
      option<option<bool>>  | {"oneOf":[{"type":"object","properties":{"tag":{"const":"some"},"val":{"anyOf":[{"type":"null"},{"type":"boolean"}]}},"required":["tag","val"],"additionalProperties":false},{"type":"object","properties":{"tag":{"const":"none"}},"required":["tag"],"additionalProperties":false}]}
      tuple<string, u8>     | {"type":"array","prefixItems":[{"type":"string"},{"type":"integer","minimum":0,"maximum":255}],"minItems":2,"maxItems":2}
      result<_, string>     | {"oneOf":[{"type":"object","properties":{"tag":{"const":"ok"}},"required":["tag"],"additionalProperties":false},{"type":"object","properties":{"tag":{"const":"err"},"val":{"type":"string"}},"required":["tag","val"],"additionalProperties":false}]}
      """)
  void schemaFollowsTheValueMapping(String wit, String schema) {
    assertEquals(schema, JsonSchemas.of(Wit.parseType(wit), TypeTables.EMPTY).toString());
  }
}
