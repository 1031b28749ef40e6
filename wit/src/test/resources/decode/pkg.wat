;; A WIT package encoded as a component, written by hand in component text: one
;; export per interface and world, each a component type holding that one item.
(component
  ;; interface shapes: a resource with a constructor and a method, a record,
  ;; and a foreign type `instant` used from wasi:clocks (its version completed
  ;; by a version suffix attribute).
  (type $shapes (component
    (import "wasi:clocks/types@0.2" (versionsuffix ".3") (instance $clocks
      (type (record (field "seconds" u64)))
      (export "instant" (type (eq 0)))
    ))
    (alias export $clocks "instant" (type $instant))
    (export "test:pkg/shapes@1.0.0" (instance
      (alias outer 1 $instant (type $i))
      (export "instant" (type $inst (eq $i)))
      (export "canvas" (type $canvas (sub resource)))
      (type $point (record (field "x" s32) (field "y" s32)))
      (export "point" (type $pt (eq $point)))
      (export "[constructor]canvas" (func (param "width" u32) (result (own $canvas))))
      (export "[method]canvas.draw" (func (param "self" (borrow $canvas)) (param "at" $pt) (param "when" $inst)))
      (export "origin" (func (result $pt)))
    ))
  ))
  (export "shapes" (type $shapes))

  ;; world app: imports shapes, uses its point, and imports the same
  ;; interface again under a plain name with `implements`.
  (type $app (component
    (export "test:pkg/app@1.0.0" (component
      (import "wasi:clocks/types@0.2" (versionsuffix ".3") (instance $clocks
        (type (record (field "seconds" u64)))
        (export "instant" (type (eq 0)))
      ))
      (alias export $clocks "instant" (type $instant))
      (import "test:pkg/shapes@1.0.0" (instance $shapes
        (alias outer 1 $instant (type $i))
        (export "instant" (type (eq $i)))
        (export "canvas" (type (sub resource)))
        (type $point (record (field "x" s32) (field "y" s32)))
        (export "point" (type (eq $point)))
      ))
      (import "backup" (implements "test:pkg/shapes@1.0.0") (instance
        (type $point (record (field "x" s32) (field "y" s32)))
        (export "point" (type (eq $point)))
      ))
      (alias export $shapes "point" (type $p))
      (import "point" (type $point (eq $p)))
      (import "log" (func (param "at" $point)))
      (export "run" (func (result (result (error string)))))
    ))
  ))
  (export "app" (type $app))

  (@custom "package-docs" "\01{\22docs\22:\22A hand-written package.\22,\22interfaces\22:{\22shapes\22:{\22docs\22:\22Drawing.\22,\22types\22:{\22point\22:{\22docs\22:\22A spot on the canvas.\22,\22items\22:{\22x\22:\22Across.\22}}},\22funcs\22:{\22origin\22:{\22docs\22:\22Where drawing starts.\22,\22stability\22:{\22stable\22:{\22since\22:\221.0.0\22}}}}}},\22worlds\22:{\22app\22:{\22docs\22:\22The application.\22,\22func_exports\22:{\22run\22:{\22stability\22:{\22unstable\22:{\22feature\22:\22runner\22}}}}}}}")
)
