(module
  (import "lib" "get" (func $get (param i32) (result i32)))
  (import "lib" "boom" (func $boom (param i32) (result i32)))
  (memory 1)
  (data (i32.const 0) "\64\00\00\00")
  ;; lib's get reads lib's memory; back here, app's own again: x + 10 + 100
  (func (export "both") (param i32) (result i32)
    (i32.add (call $get (local.get 0)) (i32.load (i32.const 0))))
  ;; n calls into lib: each must pop both of the frames it pushed
  (func (export "many") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (call $get (i32.const 1))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get 1))
  ;; a trap in lib, called from here
  (func (export "calls_boom") (param i32) (result i32)
    (i32.add (i32.const 1) (call $boom (local.get 0)))))
