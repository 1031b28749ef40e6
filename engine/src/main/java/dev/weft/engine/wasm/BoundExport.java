package dev.weft.engine.wasm;

import dev.weft.wit.abi.FunctionCodec;
import dev.weft.wit.binary.LiftedExport;

/** An export with its canonical ABI codec bound, made once per loaded component. */
record BoundExport(LiftedExport export, FunctionCodec codec) {}
