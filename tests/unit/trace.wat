;; Traps at known places for tests/unit/test_trace.c; the offsets it expects are those
;; wasm-objdump -d prints for this module.
(module
  (import "env" "fail" (func $fail))
  (memory 1)
  (func $div (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
  (func $mid (param i32) (result i32) (call $div (i32.const 1) (local.get 0)))
  (func (export "outer") (param i32) (result i32) (call $mid (local.get 0)))
  ;; a load past the end after structured code, so the map crosses blocks and branches
  (func (export "deep_load") (param i32) (result i32) (local i32)
    (block $out
      (loop $l
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_table $l $out (i32.ge_u (local.get 1) (i32.const 3)))))
    (if (result i32) (local.get 0)
      (then (i32.const 5))
      (else (i32.load offset=16 (i32.const 65530)))))
  (func (export "host") (i32.const 1) (drop) (call $fail))
  (func $rec (export "rec") (param i32) (result i32) (i32.add (call $rec (local.get 0)) (i32.const 1))))
