;; Borrow scopes: the host lends a handle to its resource `blob` for one call. "keep" returns
;; without dropping the borrowed handle (the canonical ABI traps), "release" drops it first,
;; "give" takes an owned handle and drops it (the host hears about the drop), "hold" keeps an
;; owned handle in the guest's table.
(component
  (type $store (instance
    (export "blob" (type (sub resource)))))
  (import "test:host/store@0.1.0" (instance $s (type $store)))
  (alias export $s "blob" (type $blob))
  (core func $drop (canon resource.drop $blob))
  (core instance $imports (export "drop" (func $drop)))
  (core module $m
    (import "res" "drop" (func $drop (param i32)))
    (func (export "keep") (param i32) (result i32) (local.get 0))
    (func (export "release") (param i32) (result i32) (call $drop (local.get 0)) (local.get 0))
    (func (export "give") (param i32) (result i32) (call $drop (local.get 0)) (i32.const 0))
    (func (export "hold") (param i32) (result i32) (local.get 0))
  )
  (core instance $i (instantiate $m (with "res" (instance $imports))))
  (func (export "keep") (param "b" (borrow $blob)) (result u32) (canon lift (core func $i "keep")))
  (func (export "release") (param "b" (borrow $blob)) (result u32) (canon lift (core func $i "release")))
  (func (export "give") (param "b" (own $blob)) (result u32) (canon lift (core func $i "give")))
  (func (export "hold") (param "b" (own $blob)) (result u32) (canon lift (core func $i "hold")))
)
