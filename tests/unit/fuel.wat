(module
  (import "env" "tick" (func $tick))
  (func $sum (export "sum") (param $n i64) (result i64) (local $acc i64)
    (block $done
      (loop $l
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.mul (local.get $n) (local.get $n))))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $l)))
    (local.get $acc))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "ticking") (param i32) (result i32) (local i32)
    (loop $l
      (call $tick)
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get 1))
  ;; recursion alone, env.tick at each level: an interrupt raised there stops the next call
  (func $tcalls (export "tcalls") (param i32) (result i32)
    (call $tick)
    (if (result i32) (local.get 0)
      (then (i32.add (local.get 0) (call $tcalls (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0))))
  ;; a back-edge that must move values (br_if_drop): a value is left under the condition
  (func (export "dropping") (param i32) (result i32) (local i32)
    (loop $l
      (i32.const 99)
      (local.set 1 (i32.add (local.get 1) (i32.const 2)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (local.get 0))
      (drop))
    (local.get 1))
  ;; a back-edge through br_table: 0 leaves the loop, anything else goes round again
  (func (export "table") (param i32) (result i32) (local i32)
    (block $out
      (loop $l
        (local.set 1 (i32.add (local.get 1) (i32.const 3)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br_table $out $l (local.get 0))))
    (local.get 1)))
