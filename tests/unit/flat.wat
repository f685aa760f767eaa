(module
  ;; a flat br_table (a target per entry) whose targets start with an instruction that the
  ;; next one fuses into after the label is known (i32.mul then i32.add: i32.mul_add there):
  ;; the table holds each target's opcode as the compiled function ends up with it
  (func (export "switch_fuse") (param $x i32) (param $y i32) (result i32)
    (block $c (block $b (block $a
      (br_table $a $b $c (local.get $x)))
      (return (i32.add (i32.mul (local.get $y) (i32.const 3)) (local.get $x))))
      (return (i32.add (i32.shl (local.get $y) (i32.const 2)) (local.get $x))))
    (i32.xor (i32.shr_u (local.get $y) (i32.const 1)) (local.get $y)))
  ;; on x & 3, a target the loop's head (a back-edge, fuel checked there): x counts up
  ;; first, so that each turn takes another entry
  (func (export "switch_loop") (param $x i32) (param $n i32) (result i32) (local $s i32)
    (loop $top
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (block $b (block $a
        (br_table $a $b $top $b (i32.and (local.get $x) (i32.const 3))))
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 3)) (i32.const 1))))
      (local.set $s (i32.add (local.get $s) (i32.const 100)))
      (br_if $top (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s)))
