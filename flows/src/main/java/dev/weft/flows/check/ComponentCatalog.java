package dev.weft.flows.check;

import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.host.Grants;
import dev.weft.wit.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives the type checker the WIT signature of the components a flow declares. The engine
 * implements it by loading (and caching) each component; the flow language knows nothing of the
 * runtime.
 */
public interface ComponentCatalog {
  /**
   * The signature of the component {@code decl} declares, whose binary is at {@code wasm}.
   *
   * @param wasm the binary's path, resolved against the flow file's folder; it may not exist
   * @return the signature, or empty after reporting to {@code diags} why it cannot be loaded
   *     (a missing file, a malformed binary...) at the span of {@code decl.wasm()}
   */
  Optional<ComponentSignature> signature(ComponentDecl decl, Path wasm, Diagnostics diags);

  /**
   * The signature of the component {@code decl} declares, granted {@code grants}: its {@code
   * grants:} with paths resolved against the flow file's folder. By default, {@link
   * #signature(ComponentDecl, Path, Diagnostics)}; a catalog that loads components with their host
   * imports uses {@code grants}, the same grants the engine runs them with.
   */
  default Optional<ComponentSignature> signature(
      ComponentDecl decl, Path wasm, Grants grants, Diagnostics diags) {
    return signature(decl, wasm, diags);
  }
}
