(module
  ;; writes 0x5A5A5A5A into its 80 locals, where the next call's frame will be
  (func $dirty (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
                      i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
                      i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
                      i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
                      i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))
    (local.set 0 (i32.const 0x5A5A5A5A)) (local.set 1 (i32.const 0x5A5A5A5A))
    (local.set 2 (i32.const 0x5A5A5A5A)) (local.set 3 (i32.const 0x5A5A5A5A))
    (local.set 4 (i32.const 0x5A5A5A5A)) (local.set 5 (i32.const 0x5A5A5A5A))
    (local.set 6 (i32.const 0x5A5A5A5A)) (local.set 7 (i32.const 0x5A5A5A5A))
    (local.set 66 (i32.const 0x5A5A5A5A)) (local.set 71 (i32.const 0x5A5A5A5A)))

  ;; each probe returns what it read from a local that some path leaves unwritten (0
  ;; expected on that path), param 0 choosing the path
  ;; read straight away
  (func $straight (param i32) (result i32) (local i32)
    (local.get 1))
  ;; written in an if's then-part only
  (func $if_then (param i32) (result i32) (local i32 i32)
    (if (local.get 0) (then (local.set 2 (i32.const 7))))
    (local.get 2))
  ;; written in both parts: always assigned
  (func $if_both (param i32) (result i32) (local i32 i32)
    (if (local.get 0) (then (local.set 2 (i32.const 7))) (else (local.set 2 (i32.const 9))))
    (local.get 2))
  ;; written after a br_if out of the block
  (func $block_exit (param i32) (result i32) (local i32 i32 i32)
    (block (br_if 0 (local.get 0)) (local.set 3 (i32.const 7)))
    (local.get 3))
  ;; written in the then-part, an else-part that falls through without it
  (func $else_empty (param i32) (result i32) (local i32 i32)
    (if (local.get 0) (then (local.set 2 (i32.const 7))) (else (nop)))
    (local.get 2))
  ;; written in the then-part, read in the else-part
  (func $else_read (param i32) (result i32) (local i32 i32)
    (if (result i32) (local.get 0)
      (then (local.set 2 (i32.const 7)) (local.get 2))
      (else (local.get 2))))
  ;; written before the br_if: assigned on both paths
  (func $block_before (param i32) (result i32) (local i32 i32 i32)
    (block (local.set 3 (i32.const 7)) (br_if 0 (local.get 0)) (local.set 3 (i32.const 8)))
    (local.get 3))
  ;; read at the top of a loop that writes it further down: 0 on the first turn
  (func $loop_carry (param i32) (result i32) (local $acc i32) (local $x i32) (local $n i32)
    (loop $l
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 10)) (local.get $x)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $n) (local.get 0))))
    (local.get $acc))
  ;; a br_table: the path to the outer block skips the write
  (func $table (param i32) (result i32) (local i32 i32 i32 i32)
    (block $out
      (block $b
        (br_table $b $out (local.get 0)))
      (local.set 4 (i32.const 7)))
    (local.get 4))
  ;; the 66th and 71st declared locals, past the 64 tracked: every read is cleared
  (func $far (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
           i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
           i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
           i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
           i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local.set 2 (i32.const 1)) ;; declared local 1: its bit is not local 65's
    (if (local.get 0) (then (local.set 66 (i32.const 7))))
    (i32.add (local.get 66) (local.get 71)))
  ;; unreachable code reads nothing: $x is written before every reachable read
  (func $dead (param i32) (result i32) (local $x i32)
    (block (br 0) (drop (local.get $x)))
    (local.set $x (i32.const 3))
    (local.get $x))
  ;; the last two declared locals read before written: a call copies them as zeroes with
  ;; the constant (compiling folds them in, validate_body.c)
  (func $fold_two (param i32) (result i32) (local i32 i32 i32)
    (local.set 1 (i32.const 5))
    (i32.add (i32.add (local.get 1) (local.get 2)) (i32.add (local.get 3) (i32.const 1000))))
  ;; seventeen: more than compiling folds (WM_ZERO_FOLD_MAX), cleared on their own
  (func $clear_many (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (i32.add (i32.add (local.get 1) (local.get 2)) (i32.add (local.get 17) (i32.const 1000))))

  (func (export "straight") (param i32) (result i32) (call $dirty) (call $straight (local.get 0)))
  (func (export "if_then") (param i32) (result i32) (call $dirty) (call $if_then (local.get 0)))
  (func (export "if_both") (param i32) (result i32) (call $dirty) (call $if_both (local.get 0)))
  (func (export "else_empty") (param i32) (result i32) (call $dirty) (call $else_empty (local.get 0)))
  (func (export "else_read") (param i32) (result i32) (call $dirty) (call $else_read (local.get 0)))
  (func (export "block_exit") (param i32) (result i32) (call $dirty) (call $block_exit (local.get 0)))
  (func (export "block_before") (param i32) (result i32) (call $dirty) (call $block_before (local.get 0)))
  (func (export "loop_carry") (param i32) (result i32) (call $dirty) (call $loop_carry (local.get 0)))
  (func (export "table") (param i32) (result i32) (call $dirty) (call $table (local.get 0)))
  (func (export "far") (param i32) (result i32) (call $dirty) (call $far (local.get 0)))
  (func (export "dead") (param i32) (result i32) (call $dirty) (call $dead (local.get 0)))
  (func (export "fold_two") (param i32) (result i32) (call $dirty) (call $fold_two (local.get 0)))
  (func (export "clear_many") (param i32) (result i32) (call $dirty) (call $clear_many (local.get 0)))
  ;; for a look at the ranges cleared
  (export "p_straight" (func $straight))
  (export "p_if_both" (func $if_both))
  (export "p_block_before" (func $block_before))
  (export "p_dead" (func $dead))
  (export "p_far" (func $far))
  (export "p_fold_two" (func $fold_two))
  (export "p_clear_many" (func $clear_many)))
