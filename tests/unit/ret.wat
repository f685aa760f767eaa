(module
  ;; the last instruction writes fp[0] (param 0's slot) after reading param 0: 10 - x
  (func (export "sub_from") (param i32) (result i32)
    (i32.sub (i32.const 10) (local.get 0)))
  ;; an early return in place, and a path after it that still reads param 0
  (func (export "early") (param i32) (result i32)
    (if (i32.gt_u (local.get 0) (i32.const 5))
      (then (return (i32.mul (local.get 0) (i32.const 2)))))
    (i32.add (local.get 0) (i32.const 100)))
  ;; a return with a value beneath it on the stack (in its home slot 1, not 0)
  (func (export "deep") (param i32) (result i32)
    (i32.add (i32.const 1000)
      (if (result i32) (i32.gt_u (local.get 0) (i32.const 5))
        (then (return (i32.mul (local.get 0) (i32.const 3))))
        (else (local.get 0)))))
  ;; a branch to the function's end carries its value: the end returns from the home slot
  (func (export "branch_end") (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 1))
    (br_if 0 (i32.eqz (local.get 0)))
    (drop)
    (i32.mul (local.get 0) (i32.const 3)))
  ;; a local and a constant: copied (ret1)
  (func (export "local") (param i32) (result i32) (local i32)
    (local.set 1 (i32.add (local.get 0) (i32.const 7)))
    (local.get 1))
  (func (export "seven") (result i32) (i32.const 7))
  ;; two results (return), and none (ret0)
  (func (export "two") (param i32) (result i32 i32)
    (i32.add (local.get 0) (i32.const 1)) (i32.add (local.get 0) (i32.const 2)))
  (global $g (mut i32) (i32.const 0))
  (func (export "none") (param i32) (global.set $g (local.get 0)))
  (func (export "get_g") (result i32) (global.get $g))
  ;; f64 in place: (x + 1.5) * x through the float acc forms
  (func (export "f64") (param f64) (result f64)
    (f64.mul (f64.add (local.get 0) (f64.const 1.5)) (local.get 0)))
  ;; a caller that keeps values around the calls: results land where it expects them
  (func (export "caller") (param i32) (result i32)
    (i32.add (i32.add (local.get 0) (call 0 (local.get 0)))
             (i32.add (call 1 (local.get 0)) (call 2 (local.get 0)))))
  ;; a sum returned: i32.add_ret, from the host and from a call ("caller" above, whose last
  ;; add is the second of an i32.add2 and keeps its ret0); two adds in a row, the second
  ;; returned, the same: (x + 3) + x
  (func (export "add2_ret") (param i32) (result i32) (local i32)
    (local.set 1 (i32.add (local.get 0) (i32.const 3)))
    (i32.add (local.get 1) (local.get 0)))
)
