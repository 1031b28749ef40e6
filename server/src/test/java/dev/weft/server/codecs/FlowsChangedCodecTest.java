package dev.weft.server.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.server.FlowsChanged;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowsChangedCodecTest {
  private final FlowsChangedCodec codec = new FlowsChangedCodec();
  private final FlowsChanged value = new FlowsChanged(List.of("hello"), List.of("hello", "qr-code"));

  @Test
  void localDeliveryPassesTheSameInstance() {
    assertSame(value, codec.transform(value));
  }

  @Test
  void wireRoundTripsAfterOtherBytes() {
    Buffer b = Buffer.buffer().appendString("header");
    codec.encodeToWire(b, value);
    assertEquals(value, codec.decodeFromWire(6, b));
  }
}
