(module
  (memory 1 100)
  (table 2 100 funcref)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "tgrow") (param i32) (result i32) (table.grow 0 (ref.null func) (local.get 0))))
