package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.RunException;
import java.math.BigDecimal;

/**
 * Maps failures to problem details and statuses, the same for HTTP and the event bus: bad input
 * 400, unknown flow 404, trap 500, host failure 502, busy pool 503, timeout 504.
 */
final class Problems {
  private Problems() {}

  /** The problem for any failure of a request to run {@code flow}. */
  static Problem of(Throwable t, String flow) {
    if (t instanceof BadInput b) {
      return b.problem().with("flow", flow);
    }
    if (t instanceof NoSuchFlow n) {
      return n.problem();
    }
    if (t instanceof FlowRuns.Unavailable u) {
      return Problem.of("unavailable", "Service unavailable", 503, u.getMessage()).with("flow", flow);
    }
    if (t instanceof RunException r) {
      return run(r);
    }
    if (t instanceof EngineException e) {
      return Problem.of(slug(e.kind()), title(e.kind()), status(e.kind()), e.getMessage())
          .with("kind", e.kind().name().toLowerCase()).with("flow", flow);
    }
    return Problem.of("internal", "Internal error", 500, String.valueOf(t.getMessage())).with("flow", flow);
  }

  private static Problem run(RunException r) {
    ErrorKind kind = r.kind();
    if (r.inputError()) {
      Problem p = Problem.of("bad-input", "Input does not fit the flow", 400, r.detail())
          .with("kind", kind.name().toLowerCase()).with("flow", r.flow());
      if (r.input().isPresent()) {
        p = p.with("input", r.input().get()).with("path", "$." + r.input().get());
      }
      if (r.violation().isPresent()) {
        p = p.with("constraint", r.violation().get().constraint())
            .with("limit", number(r.violation().get().limit()));
      }
      return p;
    }
    Problem p =
        Problem.of(slug(kind), title(kind), status(kind), r.detail())
            .with("kind", kind.name().toLowerCase())
            .with("flow", r.flow());
    if (r.node().isPresent()) {
      p = p.with("node", r.node().get());
    }
    if (r.component().isPresent()) {
      p = p.with("component", r.component().get());
    }
    if (r.function().isPresent()) {
      p = p.with("function", r.function().get());
    }
    return p;
  }

  /** A whole number as a JSON integer ({@code 512}, not {@code 5.12E+2}), anything else as it is. */
  private static JsonNode number(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0
        ? Json.MAPPER.getNodeFactory().numberNode(s.toBigIntegerExact())
        : Json.MAPPER.getNodeFactory().numberNode(v);
  }

  /** A full pool is 503 (the handler adds retry-after); other limits (memory) are the guest's. */
  private static int status(ErrorKind kind) {
    return switch (kind) {
      case TRAP, TYPE, LOAD, LIMIT -> 500;
      case TIMEOUT -> 504;
      case VALUE -> 422;
      case BUSY -> 503;
      case HOST -> 502;
    };
  }

  private static String slug(ErrorKind kind) {
    return switch (kind) {
      case TRAP -> "trap";
      case TIMEOUT -> "timeout";
      case LIMIT -> "limit";
      case BUSY -> "busy";
      case TYPE -> "type";
      case VALUE -> "value";
      case HOST -> "host";
      case LOAD -> "load";
    };
  }

  private static String title(ErrorKind kind) {
    return switch (kind) {
      case TRAP -> "The component trapped";
      case TIMEOUT -> "The run timed out";
      case LIMIT -> "A limit was reached";
      case BUSY -> "Busy, try again later";
      case TYPE -> "A value did not fit its type";
      case VALUE -> "A value the flow cannot use";
      case HOST -> "A host capability failed";
      case LOAD -> "A component could not be loaded";
    };
  }
}
