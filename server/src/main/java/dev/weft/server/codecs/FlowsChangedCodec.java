package dev.weft.server.codecs;

import dev.weft.server.FlowsChanged;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@link FlowsChanged} on the event bus: the same instance locally (records are immutable, so no
 * copy is needed, unlike the JSON object codec), {@code {"reloaded": [...], "served": [...]}} on
 * the wire, length-prefixed.
 */
public final class FlowsChangedCodec implements MessageCodec<FlowsChanged, FlowsChanged> {
  /** The codec's name, as registered. */
  public static final String NAME = "weft.flows-changed";

  @Override
  public void encodeToWire(Buffer buffer, FlowsChanged value) {
    Buffer json = new JsonObject()
        .put("reloaded", new JsonArray(List.copyOf(value.reloaded())))
        .put("served", new JsonArray(List.copyOf(value.served())))
        .toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public FlowsChanged decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    JsonObject json = new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
    return new FlowsChanged(strings(json.getJsonArray("reloaded")), strings(json.getJsonArray("served")));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  @Override
  public FlowsChanged transform(FlowsChanged value) {
    return value;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
