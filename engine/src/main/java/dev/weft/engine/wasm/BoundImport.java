package dev.weft.engine.wasm;

import dev.weft.wit.abi.FunctionCodec;
import dev.weft.wit.binary.LoweredImport;

/** A host import with its canonical ABI codec bound and its implementation found, once per load. */
record BoundImport(LoweredImport lowered, FunctionCodec codec, HostFunction host) {}
