;; One export Weft can call and one whose type it cannot (a stream): the component still loads.
(component
  (core module $m
    (func (export "one") (result i32) (i32.const 1))
    (func (export "ticks") (result i32) (i32.const 0)))
  (core instance $i (instantiate $m))
  (func (export "one") (result u32) (canon lift (core func $i "one")))
  (func (export "ticks") (result (stream u8)) (canon lift (core func $i "ticks")))
)
