(module
  ;; Joins whose handler hands a step's result to a later step in a register
  ;; (opcodes.def's JOIN_SAME, JOIN_APART and JOIN_SWAP rows), each beside a loop whose
  ;; instructions come in the same order but whose slots break a row: no join there.
  (memory 1)
  ;; intmath's shifted sum with the rem_u and the and both into one local, the shl_add
  ;; reading it twice: the and's store is to the slot the rem_u's result would be handed
  ;; for (JOIN_APART)
  (func (export "shlsame") (param $x i32) (param $n i32) (result i64) (local $h i64) (local $i i32) (local $t i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $t (i32.rem_u (local.get $x) (i32.const 7)))
      (local.set $t (i32.and (local.get $i) (i32.const 15)))
      (local.set $h (i64.add (local.get $h)
                             (i64.shl (i64.extend_i32_u (local.get $t)) (i64.extend_i32_u (local.get $t)))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.xor (local.get $h) (i64.extend_i32_u (local.get $x))))
  ;; intmath's mixing step with the xor reading another value than the copy of x (JOIN_SAME)
  (func (export "mixother") (param $x i32) (param $n i32) (param $y i64) (result i64) (local $h i64) (local $i i32) (local $xe i64)
    (local.set $h (i64.const 0x9E3779B97F4A7C15))
    (loop $l
      local.get $h
      local.get $x
      i32.const 1664525
      i32.mul
      i32.const 1013904223
      i32.add
      local.tee $x
      i64.extend_i32_u
      local.set $xe
      local.get $y
      i64.xor
      i64.const -49064778989728563
      i64.mul
      local.tee $h
      i64.const 33
      i64.shr_u
      local.get $h
      i64.xor
      local.get $x
      i32.const 7
      i32.rem_u
      i64.extend_i32_u
      local.get $i
      i32.const 15
      i32.and
      i64.extend_i32_u
      i64.shl
      i64.add
      local.set $h
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.ne
      br_if $l)
    (i64.xor (local.get $h) (i64.add (local.get $xe) (i64.extend_i32_u (local.get $x)))))
  ;; branchy's loop with the shift into x itself before the class reads x (JOIN_APART)
  (func (export "xsshift") (param $p i32) (param $n i32) (result i32) (local $x i32) (local $s i32) (local $c i32)
    (local.set $x (i32.const 1))
    (loop $l
      (local.set $x (i32.xor (i32.shl (local.get $x) (i32.const 13)) (local.get $x)))
      (local.set $x (i32.xor (i32.shr_u (local.get $x) (i32.const 17)) (local.get $x)))
      (local.set $x (i32.shl (local.get $x) (i32.const 5)))
      (local.set $c (i32.and (local.get $x) (i32.const 7)))
      (block $d (block $b3 (block $b2 (block $b1 (block $b0
        (br_table $b0 $b1 $b2 $b3 (local.get $s)))
        (local.set $s (select (i32.const 1) (i32.const 2) (i32.lt_u (local.get $c) (i32.const 4))))
        (br $d))
        (local.set $s (i32.and (local.get $c) (i32.const 3)))
        (br $d))
        (local.set $s (i32.sub (i32.const 3) (i32.and (local.get $c) (i32.const 1))))
        (br $d))
        (local.set $s (select (i32.const 0) (i32.const 3) (i32.gt_u (local.get $c) (i32.const 5)))))
      (local.set $x (i32.add (local.get $x) (i32.add (local.get $s) (i32.const 0x9e3779b9))))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.xor (local.get $x) (i32.mul (local.get $s) (i32.const 0x01000193))))
  ;; brtable's step with the third xorshift step's result into the middle value's local,
  ;; which the switch then reads, on bits the third step changes (JOIN_APART)
  (func (export "xsinto") (param $x i32) (param $n i32) (result i32) (local $t i32) (local $acc i32)
    (local.set $acc (i32.const 7))
    (loop $l
      local.get $x
      i32.const 13
      i32.shl
      local.get $x
      i32.xor
      local.tee $x
      i32.const 17
      i32.shr_u
      local.get $x
      i32.xor
      local.tee $t
      i32.const 5
      i32.shl
      local.get $t
      i32.xor
      local.set $t
      (block $done
        (block $c3
          (block $c2
            (block $c1
              (block $c0
                local.get $t
                i32.const 0x60
                i32.and
                br_table $c0 $c1 $c2 $c3)
              (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
              (br $done))
            (local.set $acc (i32.xor (local.get $acc) (local.get $x)))
            (br $done))
          (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
          (br $done))
        (local.set $acc (i32.sub (local.get $acc) (local.get $t))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.xor (local.get $acc) (local.get $t)))
  ;; indirect's loop with the xor's operands in the other order (JOIN_SWAP: the join swaps
  ;; them), and in a third loop the second call's index from the count's copy and not the
  ;; sum (JOIN_SAME: no join)
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $fadd $fxor $fmul $frot)
  (func $fadd (type $bin) (i32.add (local.get 1) (local.get 0)))
  (func $fxor (type $bin) (i32.xor (local.get 1) (local.get 0)))
  (func $fmul (type $bin) (i32.mul (i32.or (local.get 1) (i32.const 1)) (local.get 0)))
  (func $frot (type $bin) (i32.rotl (local.get 0) (local.get 1)))
  (data (i32.const 1024) "\02\00\00\00\00\00\00\00\03\00\00\00\01\00\00\00")
  (func (export "callswap") (param $n i32) (result i32) (local $i i32) (local $acc i32) (local $j i32)
    (local.set $acc (i32.const 1))
    (loop $l
      local.get $acc
      local.get $i
      local.get $i
      local.get $acc
      i32.xor
      i32.const 3
      i32.and
      i32.const 2
      i32.shl
      i32.const 1024
      i32.add
      i32.load
      call_indirect (type $bin)
      local.tee $acc
      local.get $i
      i32.const 1
      i32.add
      local.tee $j
      local.get $acc
      local.get $j
      i32.xor
      i32.const 3
      i32.and
      i32.const 2
      i32.shl
      i32.const 1024
      i32.add
      i32.load
      call_indirect (type $bin)
      local.set $acc
      local.get $i
      i32.const 2
      i32.add
      local.tee $i
      local.get $n
      i32.ne
      br_if $l)
    local.get $acc)
  (func (export "callother") (param $n i32) (result i32) (local $i i32) (local $acc i32) (local $j i32)
    (local.set $acc (i32.const 1))
    (loop $l
      local.get $acc
      local.get $i
      local.get $i
      local.get $acc
      i32.xor
      i32.const 3
      i32.and
      i32.const 2
      i32.shl
      i32.const 1024
      i32.add
      i32.load
      call_indirect (type $bin)
      local.tee $acc
      local.get $i
      i32.const 1
      i32.add
      local.tee $j
      local.get $i
      local.get $acc
      i32.xor
      i32.const 3
      i32.and
      i32.const 2
      i32.shl
      i32.const 1024
      i32.add
      i32.load
      call_indirect (type $bin)
      local.set $acc
      local.get $i
      i32.const 2
      i32.add
      local.tee $i
      local.get $n
      i32.ne
      br_if $l)
    local.get $acc)
)
