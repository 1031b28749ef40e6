package dev.weft.flows.host;

import dev.weft.flows.FlowPaths;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the folders of a {@code wasi.dirs} grant against the flow file's folder, reporting
 * each that is not an existing folder ({@code FLOW0406}). Stateless.
 */
public final class WasiDirs {
  private WasiDirs() {}

  /**
   * The grants of {@code decl} with every {@code wasi.dirs} folder made absolute against {@code
   * flowDir}; a folder that does not exist is reported to {@code diags} at the place it is written.
   */
  public static Grants resolve(GrantsDecl decl, Path flowDir, Diagnostics diags) {
    Grants grants = decl.grants();
    if (grants.wasi().isEmpty() || grants.wasi().get().dirs().isEmpty()) {
      return grants;
    }
    WasiGrant wasi = grants.wasi().get();
    Map<String, Path> resolved = new LinkedHashMap<>();
    wasi.dirs().forEach((guest, written) -> {
      Path host = flowDir.resolve(written).toAbsolutePath().normalize();
      if (!Files.isDirectory(host)) {
        Span at = decl.wasiDirs().getOrDefault(guest, decl.span());
        diags.error("FLOW0406",
            "folder `" + written + "` for the guest's `" + guest + "` "
                + (Files.exists(host) ? "is not a folder" : "does not exist"),
            at, "write a folder relative to the flow file; looked for " + FlowPaths.display(host));
      }
      resolved.put(guest, host);
    });
    return grants.withWasi(Optional.of(wasi.withDirs(resolved)));
  }
}
