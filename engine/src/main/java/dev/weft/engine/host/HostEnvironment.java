package dev.weft.engine.host;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.wasm.HostFunction;
import dev.weft.engine.wasm.HostImports;
import dev.weft.flows.host.Grants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.VertxInternal;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The host side of {@code weft:host} for one engine: the KV store, the HTTP client, the log sink
 * and the bound on blocked calls, shared by every component; {@link #importsFor} gives each
 * component the functions its grants allow, and nothing else; {@link #builtins()} runs the same
 * functions for built-in nodes, without grants. Thread-safe.
 */
public final class HostEnvironment {
  /**
   * The most Redis connections: one per event loop that sends commands is used (Vert.x has two
   * per core), each pipelined (see {@link RedisKvStore}), so the number bounds neither guests nor
   * built-in nodes; Redis itself runs commands one at a time.
   */
  static final int REDIS_CONNECTIONS = 2 * Runtime.getRuntime().availableProcessors() + 2;

  /** The fewest HTTP connections per host, for the same reason. */
  static final int MIN_HTTP_CONNECTIONS = 16;

  private final HostOptions options;
  private final KvStore kv;
  private final KvFunctions kvFunctions;
  private final HttpClient http;
  private final HttpExchange httpExchange;
  private final HostCalls calls;
  private final GuestLog log;
  private final SecureRandom random = new SecureRandom();
  private final BuiltinHost builtins;
  private final Function<String, String> environment;

  private HostEnvironment(Builder b) {
    this.options = b.options;
    this.calls = new HostCalls(b.maxBlocked, ((VertxInternal) b.vertx).createEventLoopContext());
    this.kv = b.kv.orElseGet(() -> options.redisUrl().<KvStore>map(url ->
            RedisKvStore.connect(b.vertx, url, REDIS_CONNECTIONS,
                (int) Math.min(Integer.MAX_VALUE, options.kvTimeoutMillis())))
        .orElseGet(InMemoryKvStore::new));
    this.kvFunctions = new KvFunctions(kv);
    this.http = b.vertx.createHttpClient(new HttpClientOptions(),
        new PoolOptions().setHttp1MaxSize(Math.max(MIN_HTTP_CONNECTIONS, b.maxBlocked)));
    this.httpExchange = new HttpExchange(b.vertx, http, options);
    this.log = b.log;
    this.builtins = new BuiltinHost(b.vertx, kvFunctions, httpExchange, log, random, options.kvTimeoutMillis());
    this.environment = b.environment;
  }

  /**
   * A builder on {@code vertx} (whose event loops run the KV and HTTP clients) with {@code
   * options}.
   */
  public static Builder builder(Vertx vertx, HostOptions options) {
    return new Builder(vertx, options);
  }

  /**
   * The host functions component {@code component} (its flow name, for logs) may import: those
   * of the interfaces {@code grants} grants, scoped to its buckets, hosts and config values; and
   * WASI preview 1 when granted, with read-only folders and stdout and stderr into the log.
   */
  public HostImports importsFor(String component, Grants grants) {
    HostImports.Builder b = HostImports.builder();
    if (grants.log()) {
      LogHost.register(b, component, log);
    }
    grants.kvBuckets().ifPresent(buckets -> new KvHost(buckets, kvFunctions, calls, options.kvTimeoutMillis()).register(b));
    grants.httpHosts().ifPresent(hosts -> new HttpHost(hosts, httpExchange, calls).register(b));
    if (grants.clock()) {
      ClockHost.register(b);
    }
    if (grants.random()) {
      RandomHost.register(b, random);
    }
    grants.config().ifPresent(values -> ConfigHost.register(b, values));
    grants.wasi().ifPresent(w -> b.withWasiPreview1(GrantedWasi.supplier(component, w, log, environment, random)));
    return guarded(b.build());
  }

  /**
   * The same functions, each turning a failed cast of its arguments into a host error: a
   * component built against another WIT that reuses these names gets a clear message instead of
   * a {@link ClassCastException} from the middle of the host.
   */
  private static HostImports guarded(HostImports raw) {
    HostImports.Builder b = HostImports.builder();
    raw.wasiPreview1().ifPresent(b::withWasiPreview1);
    for (String key : raw.keys()) {
      HostFunction f = raw.function(key).orElseThrow();
      b.withFunction(key, args -> {
        try {
          return f.call(args);
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
          throw new EngineException(ErrorKind.HOST, "import `" + key + "` does not have the type of weft:host@"
              + HostInterface.VERSION + " (" + e + "); build the component against docs/host.md's WIT", e);
        }
      });
    }
    return b.build();
  }

  /** The KV store every component shares. */
  public KvStore kv() {
    return kv;
  }

  /** Built-in nodes ({@code kv.get}, {@code http.request}, {@code log}...) on this host's clients. */
  public BuiltinHost builtins() {
    return builtins;
  }

  /** The bound on threads waiting in host calls. */
  public HostCalls calls() {
    return calls;
  }

  /** Closes the KV store and the HTTP client. */
  public Future<Void> close() {
    return Future.join(kv.close(), http.close()).mapEmpty();
  }

  /** Builds a {@link HostEnvironment}. */
  public static final class Builder {
    private final Vertx vertx;
    private final HostOptions options;
    private int maxBlocked;
    private GuestLog log = GuestLog.julLog();
    private Function<String, String> environment = System::getenv;
    private Optional<KvStore> kv = Optional.empty();

    private Builder(Vertx vertx, HostOptions options) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.options = Objects.requireNonNull(options, "options");
      this.maxBlocked = options.maxBlockedCalls().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** The bound when the options leave it to the engine: half its worker threads, at least 1. */
    public Builder withWorkerThreads(int workers) {
      this.maxBlocked = options.maxBlockedCalls().orElse(Math.max(1, workers / 2));
      return this;
    }

    /** Where guests' log messages go (default: {@link GuestLog#julLog()}). */
    public Builder withLog(GuestLog value) {
      this.log = Objects.requireNonNull(value, "log");
      return this;
    }

    /**
     * Where the environment variables that WASI grants pass through by name are read (default:
     * {@link System#getenv(String)}); null for a variable that is not set.
     */
    public Builder withEnvironment(Function<String, String> value) {
      this.environment = Objects.requireNonNull(value, "environment");
      return this;
    }

    /** A KV store of the caller's instead of the one the options select; closed with the environment. */
    public Builder withKvStore(KvStore value) {
      this.kv = Optional.of(value);
      return this;
    }

    public HostEnvironment build() {
      return new HostEnvironment(this);
    }
  }
}
