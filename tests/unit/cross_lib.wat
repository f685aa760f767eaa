(module
  (memory (export "mem") 1)
  (data (i32.const 0) "\0a\00\00\00")
  ;; reads lib's own memory: x + 10
  (func (export "get") (param i32) (result i32)
    (i32.add (local.get 0) (i32.load (i32.const 0))))
  ;; traps when x is 0
  (func (export "boom") (param i32) (result i32)
    (i32.div_u (i32.const 7) (local.get 0))))
