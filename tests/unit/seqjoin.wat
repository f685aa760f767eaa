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
;; a 64-bit mixer's step: i64.xor_mul, then i64.shr_u_xor
  (func (export "mix64") (param $x i64) (param $n i32) (result i64)
    (loop $l
      (local.set $x (i64.mul (i64.xor (local.get $x) (i64.const 0x2545F4914F6CDD1D))
                             (i64.const 0x9E3779B97F4A7C15)))
      (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 29))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $x))
  ;; a local set to a small constant, then a compare with one: i32.const8, then br_lt_u
  ;; (fib as clang writes it: acc = 0, then n < 2)
  (func $fib (export "fib") (param i32) (result i32) (local i32)
    (local.set 1 (i32.const 0))
    (block
      (br_if 0 (i32.lt_u (local.get 0) (i32.const 2)))
      (local.set 1 (i32.const 0))
      (loop
        (local.set 1 (i32.add (call $fib (i32.add (local.get 0) (i32.const -1))) (local.get 1)))
        (br_if 0 (i32.gt_u (local.tee 0 (i32.add (local.get 0) (i32.const -2))) (i32.const 1)))))
    (i32.add (local.get 0) (local.get 1)))
  ;; a call's result kept, then the loop's count: a copy, then add_br_ne_back
  (func $g (param i32 i32) (result i32) (i32.add (i32.mul (local.get 0) (i32.const 3)) (local.get 1)))
  (func (export "loopcall") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (loop $l
      (local.set $acc (call $g (local.get $acc) (local.get $i)))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))
;; Horner's rule, a scale and two steps: f32.mul, then two f32.add_mul
  (func (export "horner") (param $i i32) (result f32) (local $t f32)
    (local.set $t (f32.mul (f32.convert_i32_s (local.get $i)) (f32.const 0.001)))
    (f32.mul (f32.add (f32.mul (f32.add (f32.mul (f32.const 0.5) (local.get $t)) (f32.const -1.25))
                               (local.get $t))
                      (f32.const 0.75))
             (local.get $t)))
;; two Horner steps alone: f32.add_mul2
  (func (export "horner2") (param $x f32) (param $y f32) (result f32)
    (f32.mul (f32.add (f32.mul (f32.add (local.get $x) (f32.const 1.5)) (local.get $y)) (f32.const -0.25))
             (local.get $y)))
;; a state machine: the input's class, then the switch on the state: i32.and, then
;; br_table_flat (branchy's); machine2 with a branch over the and to the switch
  (func (export "machine") (param $x i32) (param $n i32) (result i32) (local $s i32) (local $c i32) (local $acc i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
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
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $s)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.xor (local.get $acc) (local.get $x)))
  (func (export "machine2") (param $x i32) (param $n i32) (result i32) (local $s i32) (local $c i32) (local $acc i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (block $skip
        (br_if $skip (i32.lt_u (local.get $x) (i32.const 0x40000000)))
        (local.set $c (i32.and (local.get $x) (i32.const 7))))
      (block $d (block $b3 (block $b2 (block $b1 (block $b0
        (br_table $b0 $b1 $b2 $b3 (local.get $s)))
        (local.set $s (select (i32.const 1) (i32.const 2) (i32.lt_u (local.get $c) (i32.const 4))))
        (br $d))
        (local.set $s (i32.and (local.get $c) (i32.const 3)))
        (br $d))
        (local.set $s (i32.sub (i32.const 3) (i32.and (local.get $c) (i32.const 1))))
        (br $d))
        (local.set $s (select (i32.const 0) (i32.const 3) (i32.gt_u (local.get $c) (i32.const 5)))))
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $s)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.xor (local.get $acc) (local.get $x)))
;; a 64-bit sum of shifted values, then the loop's count (intmath's, as clang writes it):
;; i32.and, i64.shl_add, then add_br_ne_back
  (func (export "shlsum") (param $x i32) (param $n i32) (result i64) (local $h i64) (local $i i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $h
        (i64.add (local.get $h)
                 (i64.shl (i64.extend_i32_u (i32.rem_u (local.get $x) (i32.const 7)))
                          (i64.extend_i32_u (i32.and (local.get $i) (i32.const 15))))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.xor (local.get $h) (i64.extend_i32_u (local.get $x))))
;; a counter in memory bumped, then the loop's count: i32.mem_add, then add_br_if_back
  (memory 1)
  (func (export "histogram") (param $x i32) (param $n i32) (result i32) (local $a i32)
    (i64.store offset=16 (i32.const 0) (i64.const 0))
    (i64.store offset=24 (i32.const 0) (i64.const 0))
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $a (i32.shl (i32.shr_u (local.get $x) (i32.const 30)) (i32.const 2)))
      (i32.store offset=16 (local.get $a) (i32.add (i32.load offset=16 (local.get $a)) (i32.const 1)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.add (i32.add (i32.load offset=16 (i32.const 0)) (i32.mul (i32.load offset=20 (i32.const 0)) (i32.const 3)))
             (i32.add (i32.mul (i32.load offset=24 (i32.const 0)) (i32.const 5))
                      (i32.mul (i32.load offset=28 (i32.const 0)) (i32.const 7)))))
;; the same with the shift count kept from before: i64.shl_add, then add_br_ne_back
  (func (export "shlsum2") (param $x i32) (param $n i32) (result i64) (local $h i64) (local $i i32) (local $k i32)
    (loop $l
      (local.set $k (i32.and (local.get $i) (i32.const 15)))
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $h
        (i64.add (local.get $h)
                 (i64.shl (i64.extend_i32_u (i32.rem_u (local.get $x) (i32.const 7)))
                          (i64.extend_i32_u (local.get $k)))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.xor (local.get $h) (i64.extend_i32_u (local.get $x))))
;; branchy's state machine: a shifted value kept, the class, then the switch: i32.shl,
;; then i32.and_br_table_flat
  (func (export "machine3") (param $x i32) (param $n i32) (result i32) (local $s i32) (local $c i32) (local $t i32) (local $acc i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $t (i32.shl (local.get $x) (i32.const 5)))
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
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (i32.xor (local.get $s) (local.get $t))))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.xor (local.get $acc) (local.get $x)))
;; two sums that do not read each other: i32.xor, then i32.add; and an i64.add of the xor
  (func (export "xoradd") (param $x i32) (param $n i32) (result i64) (local $y i32) (local $c i32) (local $h i64)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $y (i32.xor (local.get $y) (local.get $x)))
      (local.set $c (i32.add (local.get $c) (local.get $y)))
      (local.set $h (i64.add (local.get $h) (i64.extend_i32_u (i32.xor (local.get $x) (local.get $c)))))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i64.xor (local.get $h) (i64.shl (i64.extend_i32_u (local.get $c)) (i64.const 32))))
;; the shifted sum with the divisor a param: i32.rem_u joins it, and traps for 0
  (func (export "shlsum3") (param $x i32) (param $n i32) (param $d i32) (result i64) (local $h i64) (local $i i32)
    (loop $l
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
      (local.set $h
        (i64.add (local.get $h)
                 (i64.shl (i64.extend_i32_u (i32.rem_u (local.get $x) (local.get $d)))
                          (i64.extend_i32_u (i32.and (local.get $i) (i32.const 15))))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.xor (local.get $h) (i64.extend_i32_u (local.get $x))))
;; bytes summed, then the index's step: i32.load8_u_add, then i32.add
  (func (export "bytesum") (param $p i32) (param $n i32) (result i32) (local $s i32) (local $i i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $p) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $s) (i32.mul (local.get $i) (i32.const 1000))))
  (data (i32.const 64) "\01\02\03\fe\ff\80\7f\10\20\30\40\50\60\70\81\92")
;; branchy's whole loop: xorshift's first two steps, the shift and class, the switch; the
;; state's counter in memory at (p + 16) | state << 2, and the count
  (func (export "machine4") (param $p i32) (param $n i32) (result i32) (local $x i32) (local $s i32) (local $c i32) (local $t i32) (local $a i32)
    (local.set $x (i32.const 1))
    (i64.store offset=16 (local.get $p) (i64.const 0))
    (i64.store offset=24 (local.get $p) (i64.const 0))
    (loop $l
      (local.set $x (i32.xor (i32.shl (local.get $x) (i32.const 13)) (local.get $x)))
      (local.set $x (i32.xor (i32.shr_u (local.get $x) (i32.const 17)) (local.get $x)))
      (local.set $t (i32.shl (local.get $x) (i32.const 5)))
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
      (local.set $x (i32.xor (local.get $t) (local.get $x)))
      (local.set $a (i32.or (i32.add (local.get $p) (i32.const 16)) (i32.shl (local.get $s) (i32.const 2))))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.add (i32.add (i32.load offset=16 (local.get $p)) (i32.mul (i32.load offset=20 (local.get $p)) (i32.const 3)))
             (i32.add (i32.mul (i32.load offset=24 (local.get $p)) (i32.const 5))
                      (i32.xor (i32.load offset=28 (local.get $p)) (local.get $x)))))
;; intmath's loop as clang writes it: an LCG's step and its copy, the 64-bit mixing step,
;; then the shifted sum and the count (two dispatches)
  (func (export "intmath") (param $x i32) (param $n i32) (result i64) (local $h i64) (local $i i32) (local $xe i64)
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
      local.tee $xe
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
  ;; xorshift32's step, then a switch on the low bits of its middle value (a JOIN row of four:
  ;; brtable's loop)
  (func (export "xsswitch") (param $x i32) (param $n i32) (result i32) (local $t i32) (local $acc i32)
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
      local.set $x
      (block $done
        (block $c3
          (block $c2
            (block $c1
              (block $c0
                local.get $t
                i32.const 3
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
    (i32.xor (local.get $acc) (local.get $x)))
  ;; a rotate returned (a JOIN row with the ret0), called from a loop that keeps each result
  ;; and steps its count from a copy (a JOIN row: indirect's loop)
  (func $rotl (export "rotl") (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
  (func (export "rotlsum") (param $x i32) (param $n i32) (result i32) (local $i i32) (local $j i32) (local $s i32)
    (loop $l
      (call $rotl (local.get $x) (local.get $i))
      local.tee $x
      local.get $i
      i32.const 1
      i32.add
      local.tee $j
      i32.xor
      local.get $s
      i32.add
      local.set $s
      (local.set $i (i32.add (local.get $j) (i32.const 2)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $s) (local.get $x)))
  ;; indirect's loop: each callback's result kept and the count's step (a copy, then an
  ;; add), then the next callback's index and arguments and its call through the table of
  ;; indexes at 1024 (a JOIN row of four)
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $fadd $fxor $fmul $frot)
  (func $fadd (type $bin) (i32.add (local.get 1) (local.get 0)))
  (func $fxor (type $bin) (i32.xor (local.get 1) (local.get 0)))
  (func $fmul (type $bin) (i32.mul (i32.or (local.get 1) (i32.const 1)) (local.get 0)))
  (func $frot (type $bin) (i32.rotl (local.get 0) (local.get 1)))
  (data (i32.const 1024) "\02\00\00\00\00\00\00\00\03\00\00\00\01\00\00\00")
  (func (export "callbacks") (param $n i32) (result i32) (local $i i32) (local $acc i32) (local $j i32)
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
      local.get $j
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
  ;; a count of bytes unrolled by two as clang writes it (memtraffic's): i32.load8_u_add and
  ;; the sum's add, twice, the index counting up to 0
  (func (export "bytesum2") (param $p i32) (param $n i32) (result i32) (local $s i32) (local $i i32) (local $q i32)
    (local.set $q (i32.add (local.get $p) (local.get $n)))
    (local.set $i (i32.sub (i32.const 0) (local.get $n)))
    (loop $l
      local.get $s
      local.get $i
      local.get $q
      i32.add
      i32.load8_u
      i32.add
      local.get $i
      local.get $q
      i32.add
      i32.load8_u offset=1
      i32.add
      local.set $s
      local.get $i
      i32.const 2
      i32.add
      local.tee $i
      br_if $l)
    (i32.add (local.get $s) (i32.mul (local.get $n) (i32.const 1000))))
  ;; a field stored, then one read that overlaps it: i64.store, then i64.load
  (func (export "storeload") (param $p i32) (param $x i64) (result i64) (local $y i64)
    (i64.store offset=8 (local.get $p) (local.get $x))
    (local.set $y (i64.load offset=12 (local.get $p)))
    (i64.xor (local.get $y) (i64.shl (local.get $x) (i64.const 1))))
  ;; an integer scaled: f32.convert_i32_s, then f32.mul
  (func (export "scale") (param $i i32) (param $k f32) (result f32)
    (f32.mul (f32.convert_i32_s (local.get $i)) (local.get $k)))
)
