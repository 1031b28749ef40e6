package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.err;

import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.RecordValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code weft:host/http} for one component: requests to its granted hosts through {@link
 * HttpExchange}, the guest's thread waiting through {@link HostCalls} (so within its deadline,
 * and with at most {@code maxBlocked} threads waiting). Failures are typed {@code error} values; a
 * host with every blocked-call slot taken is {@code connection-failed}.
 */
final class HttpHost {
  private final Set<String> hosts;
  private final HttpExchange http;
  private final HostCalls calls;

  HttpHost(Set<String> hosts, HttpExchange http, HostCalls calls) {
    this.hosts = Set.copyOf(hosts);
    this.http = http;
    this.calls = calls;
  }

  void register(HostImports.Builder b) {
    b.withFunction(HostInterface.HTTP.key("send"), args -> send((RecordValue) args.get(0)));
  }

  private Optional<WitValue> send(RecordValue req) {
    HttpExchange.Prepared p;
    try {
      p = http.prepare(req, (host, port) -> allowed(hosts, host, port));
    } catch (HttpExchange.Refused r) {
      return Optional.of(r.error());
    }
    try {
      // A little over the exchange's own deadline, which usually reports first.
      return Optional.of(calls.await(() -> http.exchange(p), p.timeoutMillis() + 250));
    } catch (HostCalls.Failure e) {
      return e.outcome() == HostCalls.Outcome.TIMEOUT ? err("timeout") : err("connection-failed", e.getMessage());
    }
  }

  /**
   * Whether a grant allows {@code host:port}: an entry {@code name} allows any port of that host,
   * {@code name:port} that port only, {@code *.domain} any subdomain of it (not the domain itself).
   */
  static boolean allowed(Set<String> grants, String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String g : grants) {
      String entry = g.toLowerCase(Locale.ROOT);
      int colon = entry.lastIndexOf(':');
      boolean hasPort = colon > entry.lastIndexOf(']');
      String name = hasPort ? entry.substring(0, colon) : entry;
      if (hasPort && !entry.substring(colon + 1).equals(Integer.toString(port))) {
        continue;
      }
      if (name.startsWith("*.") ? h.endsWith(name.substring(1)) : h.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
