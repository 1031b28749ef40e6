package dev.weft.engine.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port, without persistence ({@code --save ''
 * --appendonly no}), for tests. Not thread-safe; one test class drives it.
 */
final class RedisServer {
  private final Path binary;
  private final int port;
  private final List<String> extra;
  private Process process;

  private RedisServer(Path binary, int port, List<String> extra) {
    this.binary = binary;
    this.port = port;
    this.extra = List.copyOf(extra);
  }

  /** The {@code redis-server} on the PATH, if any. */
  static Optional<Path> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts one on a free port and waits until it answers PING (with {@code extraArgs}, such as
   * {@code --requirepass secret}: until it answers at all).
   */
  static RedisServer start(Path binary, String... extraArgs) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RedisServer r = new RedisServer(binary, port, List.of(extraArgs));
    r.restart();
    return r;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts it again (after {@link #kill()}) on the same port, empty. */
  void restart() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
        "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
    command.addAll(extra);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ping()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  private boolean ping() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, 7);
      String reply = new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
      return reply.equals("+PONG\r\n") || (!extra.isEmpty() && reply.startsWith("-NOAUTH"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills it at once (SIGKILL), as a crash would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Freezes it (SIGSTOP): connections stay open but nothing is answered. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Thaws it (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
