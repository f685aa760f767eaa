(module
  ;; a sum from n down to 1 into s, whose 0 is set before the early return's test and again
  ;; after it, as clang writes it: the second writes nothing; acc_one's second is another
  ;; constant, which it writes
  (func (export "acc") (param $n i32) (param $y i32) (result i32) (local $s i32)
    (local.set $s (i32.const 0))
    (block $b
      (br_if $b (i32.lt_u (local.get $n) (i32.const 2)))
      (local.set $s (i32.const 0))
      (loop $l
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (i32.add (local.get $s) (local.get $y)))
  (func (export "acc_one") (param $n i32) (param $y i32) (result i32) (local $s i32)
    (local.set $s (i32.const 0))
    (block $b
      (br_if $b (i32.lt_u (local.get $n) (i32.const 2)))
      (local.set $s (i32.const 1))
      (loop $l
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (i32.add (local.get $s) (local.get $y)))

  ;; writes in between, each of which the 0 after must undo: an add's result written into
  ;; the local, a copy, a tee
  (func (export "after_add") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 0))
    (local.set $l (i32.add (local.get $x) (local.get $y)))
    (local.set $y (local.get $l))
    (local.set $l (i32.const 0))
    (i32.add (local.get $l) (local.get $y)))
  (func (export "after_copy") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 0))
    (local.set $l (local.get $x))
    (local.set $l (i32.const 0))
    (i32.add (local.get $l) (local.get $y)))
  (func (export "after_tee") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 0))
    (local.set $y (i32.add (local.tee $l (local.get $x)) (local.get $y)))
    (local.set $l (i32.const 0))
    (i32.add (local.get $l) (local.get $y)))

  ;; labels, where another path comes in: 0 kept at the then-part's end, 7 on the path
  ;; without it; the same past a br_if out of a block; a loop's head, which its back-edge
  ;; reaches with l = x
  (func (export "after_if") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 7))
    (if (local.get $x) (then (local.set $l (local.get $y)) (local.set $l (i32.const 0))))
    (local.set $l (i32.const 0))
    (i32.add (local.get $l) (local.get $y)))
  (func (export "after_br_if") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 7))
    (block $b (br_if $b (local.get $x)) (local.set $l (i32.const 0)))
    (local.set $l (i32.const 0))
    (i32.add (local.get $l) (local.get $y)))
  (func (export "loop_head") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 0))
    (loop $top
      (local.set $l (i32.const 0))
      (local.set $y (i32.add (local.get $y) (local.get $l)))
      (local.set $l (local.get $x))
      (br_if $top (local.tee $x (i32.sub (local.get $x) (i32.const 1)))))
    (local.get $y))

  ;; the same constant again while a value still reads the local: 4 + y; the constant
  ;; again by a tee, whose value is the local's
  (func (export "pending") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 4))
    (local.get $l)
    (local.set $l (i32.const 4))
    (local.get $y)
    (i32.add))
  (func (export "tee_again") (param $x i32) (param $y i32) (result i32) (local $l i32)
    (local.set $l (i32.const 9))
    (i32.add (local.tee $l (i32.const 9)) (local.get $y)))

  ;; -0 after 0: other bits, written (the sign bit is the result)
  (func (export "neg_zero") (param $x i32) (param $y i32) (result i32) (local $d f64)
    (local.set $d (f64.const 0))
    (local.set $d (f64.const -0))
    (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $d)) (i64.const 63))))
)
