(module
  (import "weft:host/kv@0.1.0" "get" (func $get (param i32 i32 i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  ;; run() -> u32: looks up the empty key, returns the option's discriminant
  (func (export "run") (result i32)
    (call $get (i32.const 0) (i32.const 0) (i32.const 64))
    (i32.load8_u (i32.const 64)))
)
