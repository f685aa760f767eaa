(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (func $id (param i32) (result i32) (local.get 0))
  (func $two (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  ;; fib: f(n - 1) + f(n - 2), each call's argument a sum
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.add (local.get 0) (i32.const -1)))
                     (call $fib (i32.add (local.get 0) (i32.const -2)))))))
  ;; the sum is the first argument, a constant the second
  (func (export "first") (param i32 i32) (result i32)
    (call $two (i32.add (local.get 0) (local.get 1)) (i32.const 5)))
  ;; the sum is the last argument, a local the first
  (func (export "last") (param i32 i32) (result i32)
    (call $two (local.get 1) (i32.add (local.get 0) (local.get 1))))
  ;; a branch to the call: the block's value from the br_if, or the add's
  (func (export "branch") (param i32 i32) (result i32)
    (call $id (block (result i32)
      (br_if 0 (i32.const 77) (local.get 1))
      drop
      (i32.add (local.get 0) (i32.const 1)))))
  ;; a native's argument
  (func (export "imp") (param i32) (result i32)
    (call $host (i32.add (local.get 0) (i32.const 3))))
  ;; runaway recursion whose argument is a sum
  (func $rec (export "rec") (param i32) (result i32)
    (call $rec (i32.add (local.get 0) (i32.const 1))))
)
