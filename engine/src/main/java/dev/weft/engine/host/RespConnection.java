package dev.weft.engine.host;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One pipelined connection to Redis (RESP2), owned by one event loop. Commands are written
 * together: the first one sent in an event-loop turn queues a task that writes every command
 * sent until then in one socket write. A Vert.x Redis connection wrote each command in a write
 * system call of its own, unless it was sent while that connection was reading; with many runs
 * in flight, each one's first command then cost a write call, which on loopback cost more than
 * the rest of the command's handling (kv-bench.sh). Replies are matched to commands in order.
 *
 * <p>Commands may be sent from any thread; those not on the connection's event loop hop to it.
 * A command fails with {@code failures}' mapping of the cause: an error reply ({@link
 * RespReader.RespError}), the connection closing (every command waiting fails then), or too many
 * commands waiting. A Redis that does not answer leaves the Futures pending; callers bound the
 * wait.
 */
final class RespConnection {
  private static final byte[] CRLF = {'\r', '\n'};

  private final ContextInternal context;
  private final NetSocket socket;
  private final int maxWaiting;
  private final Function<Throwable, RuntimeException> failures;
  private final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
  private final RespReader reader = new RespReader();
  private final Runnable flush = this::flush;
  private Buffer out; // commands not written yet
  private long writes;
  private boolean closed;
  private Runnable onClose = () -> {};

  /** A command sent and not answered yet, with what makes its result of the reply. */
  private record Waiting<T>(Promise<T> promise, Function<Object, T> ok) {
    void answer(Object reply, Function<Throwable, RuntimeException> failures) {
      if (reply instanceof RespReader.RespError e) {
        promise.tryFail(failures.apply(e));
        return;
      }
      T value;
      try {
        value = ok.apply(reply);
      } catch (RuntimeException e) {
        promise.tryFail(e);
        return;
      }
      promise.tryComplete(value);
    }
  }

  private RespConnection(
      ContextInternal context, NetSocket socket, int maxWaiting, Function<Throwable, RuntimeException> failures) {
    this.context = context;
    this.socket = socket;
    this.maxWaiting = maxWaiting;
    this.failures = failures;
  }

  /**
   * Connects on {@code context} (an event-loop context; call this on its thread), then sends
   * {@code handshake} (AUTH, SELECT...) and succeeds when every one of them did.
   */
  static Future<RespConnection> connect(
      NetClient client, RedisAddress address, ContextInternal context, int maxWaiting,
      Function<Throwable, RuntimeException> failures) {
    return client.connect(address.port(), address.host()).compose(socket -> {
      RespConnection c = new RespConnection(context, socket, maxWaiting, failures);
      socket.handler(c::received);
      socket.exceptionHandler(e -> socket.close());
      socket.closeHandler(v -> c.closed());
      List<List<Object>> handshake = address.handshake();
      if (handshake.isEmpty()) {
        return Future.succeededFuture(c);
      }
      List<Future<Object>> replies = new ArrayList<>();
      for (List<Object> command : handshake) {
        replies.add(c.send(reply -> reply, command.toArray()));
      }
      return Future.all(replies).<RespConnection>map(all -> c).onFailure(e -> socket.close());
    });
  }

  /** Runs {@code action} once, when the connection has closed (or at once if it has). */
  void onClose(Runnable action) {
    if (context.inThread() && !closed) {
      onClose = action;
    } else {
      context.runOnContext(v -> {
        if (closed) {
          action.run();
        } else {
          onClose = action;
        }
      });
    }
  }

  /**
   * Sends a command: its arguments are {@code String}s (written as UTF-8), {@code byte[]}s or
   * {@code Long}s. The reply is mapped with {@code ok}.
   */
  <T> Future<T> send(Function<Object, T> ok, Object... args) {
    Promise<T> p = Promise.promise();
    if (context.inThread()) {
      enqueue(p, ok, args);
    } else {
      context.runOnContext(v -> enqueue(p, ok, args));
    }
    return p.future();
  }

  private <T> void enqueue(Promise<T> p, Function<Object, T> ok, Object[] args) {
    if (closed) {
      p.tryFail(failures.apply(new IllegalStateException("the connection is closed")));
      return;
    }
    if (waiting.size() >= maxWaiting) {
      p.tryFail(failures.apply(new IllegalStateException(maxWaiting + " commands already wait for Redis")));
      return;
    }
    if (out == null) {
      out = Buffer.buffer(256);
      context.nettyEventLoop().execute(flush); // after what this turn of the loop does: one write
    }
    encode(out, args);
    waiting.addLast(new Waiting<>(p, ok));
  }

  private void flush() {
    Buffer b = out;
    out = null;
    if (b != null && !closed) {
      writes++;
      socket.write(b);
    }
  }

  /** How many socket writes carried commands so far; read it on the connection's event loop. */
  long writes() {
    return writes;
  }

  /** Closes the socket; the commands waiting fail. */
  void close() {
    if (context.inThread()) {
      socket.close();
    } else {
      context.runOnContext(v -> socket.close());
    }
  }

  private void received(Buffer data) {
    try {
      reader.feed(data, reply -> {
        Waiting<?> w = waiting.pollFirst();
        if (w == null) {
          throw new RespReader.ProtocolException("redis sent a reply to no command");
        }
        w.answer(reply, failures);
      });
    } catch (RespReader.ProtocolException e) {
      failAll(e);
      socket.close();
    }
  }

  private void closed() {
    closed = true;
    out = null;
    failAll(new IllegalStateException("the connection closed"));
    onClose.run();
  }

  private void failAll(Throwable cause) {
    RuntimeException e = failures.apply(cause);
    Waiting<?> w;
    while ((w = waiting.pollFirst()) != null) {
      w.promise().tryFail(e);
    }
  }

  /** A command as a RESP array of bulk strings. */
  static void encode(Buffer out, Object[] args) {
    out.appendByte((byte) '*').appendString(Integer.toString(args.length)).appendBytes(CRLF);
    for (Object a : args) {
      byte[] bytes = a instanceof byte[] raw ? raw
          : a instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
          : Long.toString((Long) a).getBytes(StandardCharsets.US_ASCII);
      out.appendByte((byte) '$').appendString(Integer.toString(bytes.length)).appendBytes(CRLF)
          .appendBytes(bytes).appendBytes(CRLF);
    }
  }
}
