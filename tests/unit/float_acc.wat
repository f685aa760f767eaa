;; f64 arithmetic reading the result of the instruction just before it from the
;; interpreter's acc (WM_CONFIG_FLOAT_ACC): test_float_acc.c's module.
(module
  ;; every acc form once, each step on the one before, in both operand orders:
  ;; r = a * b; r - a; b - r; r / a; b / r; a + r; r * b; r + b; b * r
  (func (export "forms") (param $a f64) (param $b f64) (result f64)
    (f64.mul (local.get $b)
      (f64.add
        (f64.mul
          (f64.add (local.get $a)
            (f64.div (local.get $b)
              (f64.div
                (f64.sub (local.get $b)
                  (f64.sub (f64.mul (local.get $a) (local.get $b)) (local.get $a)))
                (local.get $a))))
          (local.get $b))
        (local.get $b))))
  ;; sqrt by Newton steps as clang emits them: each result goes to a local by local.tee and
  ;; stays the next step's operand
  (func (export "newton") (param $d f64) (result f64) (local $s f64)
    (local.set $s (local.get $d))
    (local.tee $s (f64.mul (f64.add (local.get $s) (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
  ;; a loop head is a label: on the back-edge acc holds y + 100, not x, so the first
  ;; instruction in the loop must read x from its slot; and y + 100 reads y, which is not
  ;; the slot of the x - ... just before it
  (func (export "loop") (param $n i32) (param $x f64) (result f64) (local $y f64)
    (local.set $x (f64.add (local.get $x) (f64.const 1)))
    (loop $l
      (local.set $y (f64.mul (local.get $x) (f64.const 2)))
      (local.set $x (f64.sub (local.get $y) (f64.const 3)))
      (local.set $y (f64.add (local.get $y) (f64.const 100)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f64.add (local.get $x) (local.get $y)))
  ;; a block's end is a label too: from the br_if, acc holds a + b, not b * b
  (func (export "join") (param $c i32) (param $a f64) (param $b f64) (result f64)
    (local.set $a (f64.add (local.get $a) (local.get $b)))
    (block $k
      (br_if $k (local.get $c))
      (local.set $b (f64.mul (local.get $b) (local.get $b))))
    (f64.sub (local.get $b) (local.get $a)))
  ;; a call's result is no acc: sq's last multiply leaves its own
  (func $sq (param f64) (result f64) (f64.mul (local.get 0) (local.get 0)))
  (func (export "after_call") (param $a f64) (result f64)
    (f64.sub (f64.add (local.get $a) (f64.const 1)) (call $sq (f64.const 3))))
  ;; an add_acc's result that the next instruction reads from acc and a local.tee keeps: the
  ;; local is still written (t = a * b + b, then t * b + t)
  (func (export "tee_acc") (param $a f64) (param $b f64) (result f64) (local $t f64)
    (f64.add (f64.mul (local.tee $t (f64.add (f64.mul (local.get $a) (local.get $b)) (local.get $b)))
                      (local.get $b))
             (local.get $t)))
  ;; twelve steps: more JOIN steps than join_pair keeps at once (it keeps the last ones)
  (func (export "newton12") (param $d f64) (result f64) (local $s f64)
    (local.set $s (local.get $d))
    (local.tee $s (f64.mul (f64.add (local.get $s) (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (local.tee $s (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
    (f64.mul (f64.add (f64.div (local.get $d) (local.get $s))) (f64.const 0.5)))
)
