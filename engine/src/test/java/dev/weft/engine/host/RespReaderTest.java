package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redis replies (RESP2) read from bytes that come in any pieces. */
class RespReaderTest {
  private static final String REPLIES = "+OK\r\n-ERR value is not an integer or out of range\r\n:42\r\n:-9223372036854775808\r\n"
      + "$4\r\nhé!\r\n$-1\r\n$0\r\n\r\n*-1\r\n*2\r\n$1\r\n0\r\n*3\r\n$3\r\nk:a\r\n$3\r\nk:b\r\n:7\r\n*0\r\n";

  private static List<Object> read(byte[] bytes, int piece) {
    RespReader r = new RespReader();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += piece) {
      r.feed(Buffer.buffer().appendBytes(bytes, i, Math.min(piece, bytes.length - i)), out::add);
    }
    return out;
  }

  @Test
  void everyKindOfReplyInOnePieceOrSplitAnywhere() {
    byte[] bytes = REPLIES.getBytes(StandardCharsets.UTF_8);
    for (int piece : new int[] {bytes.length, 1, 2, 3, 7, 13}) {
      List<Object> replies = read(bytes, piece);
      assertEquals(10, replies.size(), "pieces of " + piece);
      assertEquals("OK", replies.get(0));
      assertEquals("ERR value is not an integer or out of range", ((RespReader.RespError) replies.get(1)).getMessage());
      assertEquals(42L, replies.get(2));
      assertEquals(Long.MIN_VALUE, replies.get(3));
      assertArrayEquals("hé!".getBytes(StandardCharsets.UTF_8), (byte[]) replies.get(4));
      assertNull(replies.get(5));
      assertArrayEquals(new byte[0], (byte[]) replies.get(6));
      assertNull(replies.get(7));
      List<?> scan = (List<?>) replies.get(8);
      assertArrayEquals("0".getBytes(StandardCharsets.US_ASCII), (byte[]) scan.get(0));
      List<?> keys = (List<?>) scan.get(1);
      assertEquals(3, keys.size());
      assertArrayEquals("k:b".getBytes(StandardCharsets.US_ASCII), (byte[]) keys.get(1));
      assertEquals(7L, keys.get(2));
      assertEquals(List.of(), replies.get(9));
    }
  }

  @Test
  void aReplyCutShortWaitsForTheRest() {
    RespReader r = new RespReader();
    List<Object> out = new ArrayList<>();
    r.feed(Buffer.buffer("*2\r\n$3\r\nab"), out::add);
    assertTrue(out.isEmpty());
    r.feed(Buffer.buffer("c\r\n:1"), out::add);
    assertTrue(out.isEmpty());
    r.feed(Buffer.buffer("\r\n+PONG\r\n"), out::add);
    assertEquals(2, out.size());
    assertEquals("PONG", out.get(1));
  }

  @Test
  void bytesThatAreNotRespAreRefused() {
    for (String bad : List.of("?what\r\n", ":12x\r\n", ":\r\n", "$-5\r\n", "+OK\rX", ":99999999999999999999\r\n")) {
      assertThrows(RespReader.ProtocolException.class, () -> new RespReader().feed(Buffer.buffer(bad), x -> {}), bad);
    }
  }
}
