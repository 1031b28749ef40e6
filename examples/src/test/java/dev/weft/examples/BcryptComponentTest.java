package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.value.WitValue;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bcrypt component, run by Weft (compiled, on the engine's flat memory), gives every hash of
 * its vectors.json: published vectors (OpenWall, John the Ripper, a non-ASCII password at cost 10)
 * and edge cases recorded from bcryptjs (72-byte cut inside a UTF-8 character, U+0000), and
 * verifies each, and rejects another password. verify.mjs checks the same file, and 60 random
 * passwords against bcryptjs, under Node.
 */
class BcryptComponentTest {
  private static final String IFACE = "weft:examples/hasher@0.1.0#";

  @Test
  void hashesAndVerifiesEveryVector() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(
        Cli.ROOT.resolve("examples/components/bcrypt/vectors.json").toFile());
    LoadedComponent bcrypt = ComponentLoader.load(
        Cli.ROOT.resolve("examples/components/bcrypt/bcrypt.wasm"), LoadOptions.defaults());
    try (ComponentInstance instance = bcrypt.instantiate()) {
      for (JsonNode v : vectors) {
        String password = v.get("password").asText();
        String expected = v.get("hash").asText();
        WitValue hash = instance.call(IFACE + "hash", List.of(new WitValue.Str(password),
            new WitValue.U32(v.get("cost").asInt()),
            WitValue.Bytes.of(Base64.getDecoder().decode(v.get("salt").asText())))).orElseThrow();
        assertEquals(ok(new WitValue.Str(expected)), hash, v.get("source").asText());
        assertEquals(ok(WitValue.Bool.of(true)), verify(instance, password, expected), expected);
        assertEquals(ok(WitValue.Bool.of(false)), verify(instance, "~" + password, expected), expected);
      }
    }
  }

  private static WitValue verify(ComponentInstance instance, String password, String hash) {
    return instance.call(IFACE + "verify", List.of(new WitValue.Str(password), new WitValue.Str(hash)))
        .orElseThrow();
  }

  private static WitValue ok(WitValue v) {
    return WitValue.ResultValue.ok(v);
  }
}
