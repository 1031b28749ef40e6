package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.wit.Wit;
import dev.weft.wit.model.Resolve;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed {@code weft:host} WIT and the engine's implementation agree. */
class HostWitTest {
  static final Path WIT = Path.of("").toAbsolutePath().getParent().resolve("flows/src/main/resources/wit/weft-host");

  @Test
  void everyFunctionOfTheWitIsImplementedAndNoOther() {
    Resolve r = Wit.load(WIT, Set.of());
    Set<String> declared = new TreeSet<>();
    Set<String> implemented = new TreeSet<>();
    for (HostInterface i : HostInterface.values()) {
      i.functions().forEach(f -> implemented.add(i.key(f)));
    }
    r.interfaces().forEach(iface -> iface.functions().keySet()
        .forEach(f -> declared.add("weft:host/" + iface.name().orElseThrow() + "@0.1.0#" + f)));
    assertEquals(declared, implemented);
  }
}
