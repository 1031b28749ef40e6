package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostImportsKeysTest {
  @Test
  void importsMatchHostFunctionsAtSemverCompatibleVersions() {
    assertTrue(
        HostImports.compatible(
            "wasi:cli/stdout@0.2.3#get-stdout", "wasi:cli/stdout@0.2.12#get-stdout"));
    assertTrue(HostImports.compatible("a:b/c@1.0.0#f", "a:b/c@1.4.2#f"));
    assertFalse(HostImports.compatible("a:b/c@1.0.0#f", "a:b/c@2.0.0#f"));
    assertFalse(HostImports.compatible("a:b/c@0.1.0#f", "a:b/c@0.2.0#f"));
    assertFalse(HostImports.compatible("a:b/c@0.1.0#f", "a:b/c@0.1.0#g"));
    assertFalse(
        HostImports.compatible("a:b/c#f", "a:b/c#f"), "unversioned keys match exactly only");
    HostImports host =
        HostImports.builder()
            .withFunction("weft:host/log@0.1.2#info", a -> Optional.empty())
            .build();
    assertTrue(host.function("weft:host/log@0.1.0#info").isPresent());
    assertFalse(host.function("weft:host/log@0.2.0#info").isPresent());
  }
}
