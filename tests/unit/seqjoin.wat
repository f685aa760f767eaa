(module
  ;; xorshift32's step: shl_xor, shr_u_xor, shl_xor; the first two join
  (func (export "xorshift") (param $x i32) (param $n i32) (result i32)
    (loop $l
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $x))
  ;; a loop's head between them: the branch back runs the shr_u_xor alone
  (func (export "head") (param $x i32) (param $n i32) (result i32)
    (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
    (loop $l
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
      (local.set $x (i32.add (local.get $x) (i32.const 0x9e3779b9)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $x))
  ;; the shr_u_xor taken into a select's condition after it was emitted (a CRC's bit test):
  ;; the shl_xor before it stays alone
  (func (export "sel") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
    (select (local.get $a) (local.get $b)
      (i32.and (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))) (i32.const 1))))
  ;; the operands in other orders: the shr_u_xor reads other values than the shl_xor wrote
  (func (export "other") (param $x i32) (param $y i32) (param $k i32) (result i32)
    (local.set $x (i32.xor (i32.shl (local.get $y) (local.get $k)) (local.get $x)))
    (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $x) (i32.const 3))))
    (i32.add (local.get $x) (i32.mul (local.get $y) (i32.const 3))))
)
