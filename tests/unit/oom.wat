;; For tests/unit/test_oom.c: memory.grow, table.grow and a trap two calls deep, each of
;; which allocates from the runtime's pool (the trap to locate its code offsets).
(module
  (memory 1 100)
  (table 2 100 funcref)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "tgrow") (param i32) (result i32) (table.grow 0 (ref.null func) (local.get 0)))
  (func $inner (param i32) (result i32) (i32.div_s (i32.const 7) (local.get 0)))
  (func (export "outer") (param i32) (result i32) (call $inner (local.get 0))))
