package dev.weft.flows.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Built-in nodes take their signatures from the {@code weft:host} WIT, and the reference in
 * docs/flows.md lists exactly those signatures.
 */
class BuiltinSignatureTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void signaturesComeFromTheWit() {
    assertEquals("func(bucket: string, key: string) -> option<list<u8>>", BuiltinSignature.of(Builtin.KV_GET).display());
    assertEquals("func(bucket: string, key: string, value: list<u8>, ttl-ms: option<u64>)",
        BuiltinSignature.of(Builtin.KV_SET).display());
    assertEquals("func(method: enum method, url: string, headers: list<tuple<string, string>>, "
        + "body: option<list<u8>>, timeout-ms: option<u32>) -> record response",
        BuiltinSignature.of(Builtin.HTTP_REQUEST).display());
    assertTrue(BuiltinSignature.of(Builtin.KV_GET).failsOnErr());
    assertTrue(BuiltinSignature.of(Builtin.HTTP_REQUEST).failsOnErr());
    assertFalse(BuiltinSignature.of(Builtin.RANDOM_BYTES).failsOnErr());
    assertFalse(BuiltinSignature.of(Builtin.LOG).failsOnErr());
    assertEquals("send", BuiltinSignature.of(Builtin.HTTP_REQUEST).witFunction().name());
  }

  @Test
  void everyNamespaceIsAHostInterfaceAndEveryBuiltinItsFunction() {
    Set<String> namespaces = new TreeSet<>();
    for (Builtin b : Builtin.values()) {
      namespaces.add(b.namespace());
      assertTrue(HostPackage.get().function(b.namespace(), b.witFunction()).isPresent(), b.callName());
      assertEquals(b, Builtin.find(b.namespace(), b.function()).orElseThrow());
    }
    assertEquals(new TreeSet<>(Builtin.NAMESPACES), namespaces);
  }

  @Test
  void theReferenceListsEveryBuiltinWithItsSignature() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/flows.md"));
    for (Builtin b : Builtin.values()) {
      String row = "| `" + b.callName() + "` | `" + BuiltinSignature.of(b).display() + "` |";
      assertTrue(doc.contains(row), "docs/flows.md needs the row " + row);
    }
  }
}
