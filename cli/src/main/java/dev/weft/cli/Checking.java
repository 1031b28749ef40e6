package dev.weft.cli;

import dev.weft.engine.wasm.LoadOptions;

/** How commands that only check flows load components: types only, nothing compiled. */
final class Checking {
  private Checking() {}

  /** Checking needs the components' WIT, not their code: interpreting skips compilation. */
  static final LoadOptions OPTIONS = new LoadOptions(LoadOptions.defaults().maxMemoryPages(), false);
}
