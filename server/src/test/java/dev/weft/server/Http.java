package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A small blocking HTTP client for the tests, with a bounded wait on every request. */
final class Http {
  /** The fixtures' flows. */
  static final Path FLOWS = Path.of("src/test/resources/fixtures/flows");

  record Response(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
    /** The value of header {@code name}, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  static ServerOptions options(List<Path> paths) {
    return ServerOptions.of(paths).withPort(0).withDrainMillis(3000);
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  Response post(String path, String body) {
    return post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  Response post(String path, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
  }

  CompletableFuture<Response> postAsync(String path, String body) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray()).thenApply(Http::response);
  }

  private Response send(HttpRequest.Builder b, Map<String, String> headers) {
    headers.forEach(b::header);
    try {
      return response(client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Response response(HttpResponse<byte[]> r) {
    return new Response(
        r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), r.headers());
  }
}
