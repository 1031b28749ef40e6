package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redis URLs as the docs give them: host, port, database, password, TLS. */
class RedisAddressTest {
  @Test
  void theDocumentedForms() {
    assertEquals(new RedisAddress("127.0.0.1", 6379, false, Optional.empty(), Optional.empty(), 0),
        RedisAddress.parse("redis://127.0.0.1:6379"));
    assertEquals(new RedisAddress("cache", 6379, false, Optional.empty(), Optional.empty(), 2),
        RedisAddress.parse("redis://cache/2"));
    RedisAddress pw = RedisAddress.parse("redis://:p%40ss+word@host:7000/0");
    assertEquals(Optional.of("p@ss+word"), pw.password());
    assertEquals(List.of(List.of("AUTH", "p@ss+word")), pw.handshake());
    RedisAddress user = RedisAddress.parse("rediss://ada:secret@host/3");
    assertTrue(user.tls());
    assertEquals(List.of(List.of("AUTH", "ada", "secret"), List.of("SELECT", 3L)), user.handshake());
    assertEquals(List.of(), RedisAddress.parse("redis://ada@host").handshake()); // a user alone logs in as no one
  }

  @Test
  void whatIsNotARedisUrlSaysWhy() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse("http://host"))
        .getMessage().contains("must start with redis:// or rediss://"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse("redis://host/zero"))
        .getMessage().contains("the database after the host must be a number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse("redis:///0"))
        .getMessage().contains("names no host"));
  }
}
