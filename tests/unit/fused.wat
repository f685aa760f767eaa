;; Fused instructions of the compiler (WM_CONFIG_FUSED_OPS): test_fused.c's module. Each
;; pair function starts with the pair, so that the fused opcode is the first compiled byte;
;; the "_r" twins put the first's result on the other side of the second op.
(module
  (memory 1)
  ;; at 16 a pointer to 32, at 20 one past the memory's end; at 32 the bytes read through it
  (data (i32.const 16) "\20\00\00\00\00\ff\ff\ff")
  (data (i32.const 32) "\ab\cd\ef\01")
  ;; at 48 a string of 5; at 64 a list of three nodes, each a pointer to the next
  (data (i32.const 48) "hello\00")
  (data (i32.const 64) "\48\00\00\00\00\00\00\00\50\00\00\00\00\00\00\00\00\00\00\00")
  (func (export "add_and") (param i32 i32 i32) (result i32)
    (i32.and (i32.add (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "add_and_r") (param i32 i32 i32) (result i32)
    (i32.and (local.get 2) (i32.add (local.get 0) (local.get 1))))
  (func (export "and_xor") (param i32 i32 i32) (result i32)
    (i32.xor (i32.and (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "and_xor_r") (param i32 i32 i32) (result i32)
    (i32.xor (local.get 2) (i32.and (local.get 0) (local.get 1))))
  (func (export "shl_or") (param i32 i32 i32) (result i32)
    (i32.or (i32.shl (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "shl_or_r") (param i32 i32 i32) (result i32)
    (i32.or (local.get 2) (i32.shl (local.get 0) (local.get 1))))
  (func (export "shr_u_xor64") (param i64 i64 i64) (result i64)
    (i64.xor (i64.shr_u (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "shr_u_xor64_r") (param i64 i64 i64) (result i64)
    (i64.xor (local.get 2) (i64.shr_u (local.get 0) (local.get 1))))
  (func (export "xor_mul64") (param i64 i64 i64) (result i64)
    (i64.mul (i64.xor (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "xor_mul64_r") (param i64 i64 i64) (result i64)
    (i64.mul (local.get 2) (i64.xor (local.get 0) (local.get 1))))
  (func (export "shl_add64") (param i64 i64 i64) (result i64)
    (i64.add (i64.shl (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "shl_add64_r") (param i64 i64 i64) (result i64)
    (i64.add (local.get 2) (i64.shl (local.get 0) (local.get 1))))
  ;; a load from the address a load read, p->q->x: either access may fault, and the trap
  ;; names the load that did
  (func (export "chain8") (param $p i32) (result i32)
    (i32.load8_u offset=1 (i32.load offset=4 (local.get $p))))
  (func (export "chain16") (param $p i32) (result i32)
    (i32.load16_u offset=2 (i32.load offset=4 (local.get $p))))

  ;; adds in a row: a pair becomes i32.add2, the second reading what the first wrote
  ;; (a += b; b += a); a third add is not swallowed by the pair before it
  (func (export "add2") (param $a i32) (param $b i32) (result i32)
    (local.set $a (i32.add (local.get $a) (local.get $b)))
    (local.set $b (i32.add (local.get $b) (local.get $a)))
    (i32.add (i32.mul (local.get $a) (i32.const 1000)) (local.get $b)))
  (func (export "add3") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $b) (i32.const 2)))
    (local.set $c (i32.add (local.get $c) (i32.const 3)))
    (i32.add (i32.add (i32.mul (local.get $a) (i32.const 10000)) (i32.mul (local.get $b) (i32.const 100))) (local.get $c)))
  ;; the second add of a pair fuses with the branch that tests it, or with the add after
  ;; it: the first is a plain add again. n rounds of (i += 1; s += 5 until s == 5n), then
  ;; x = a + 1; y = (b + 2) + a
  (func (export "add_then_branch") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (local.set $n (i32.mul (local.get $n) (i32.const 5)))
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.ne (local.tee $s (i32.add (local.get $s) (i32.const 5))) (local.get $n))))
    (i32.add (i32.mul (local.get $i) (i32.const 1000)) (local.get $s)))
  (func (export "add_then_add") (param $a i32) (param $b i32) (result i32) (local $x i32) (local $y i32)
    (local.set $x (i32.add (local.get $a) (i32.const 1)))
    (local.set $y (i32.add (i32.add (local.get $b) (i32.const 2)) (local.get $a)))
    (i32.add (i32.mul (local.get $x) (i32.const 1000)) (local.get $y)))

  ;; a branch on what a load read: a list walk (p = p->next until null, the load's result
  ;; in a local), a string's length (eqz of a byte), and an if on a byte
  (func (export "walk") (param $p i32) (result i32) (local $n i32)
    (loop $l
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $l (local.tee $p (i32.load (local.get $p)))))
    (local.get $n))
  (func (export "strlen") (param $s i32) (result i32) (local $p i32)
    (local.set $p (local.get $s))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $l)))
    (i32.sub (local.get $p) (local.get $s)))
  (func (export "if_byte") (param $p i32) (result i32)
    (if (result i32) (i32.load8_u offset=3 (local.get $p))
      (then (i32.const 10))
      (else (i32.const 20))))

  ;; a copy and the branch after it: reversing a list as clang compiles it (the loop's
  ;; last copy, prev = cur, before br_if), a counter's copy before br_if (i != n), and a
  ;; copy with a label between it and the branch, which must stay two instructions
  (func (export "reverse") (param $n i32) (result i32) (local $prev i32) (local $cur i32)
    (loop $l
      (local.set $n (i32.load (local.tee $cur (local.get $n))))
      (i32.store (local.get $cur) (local.get $prev))
      (local.set $prev (local.get $cur))
      (br_if $l (local.get $n)))
    (local.get $prev))
  (func (export "mov_ne") (param $n i32) (result i32) (local $i i32) (local $last i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $last (local.get $i))
      (br_if $l (i32.ne (local.get $i) (local.get $n))))
    (i32.add (i32.mul (local.get $last) (i32.const 1000)) (local.get $i)))
  (func (export "mov_br_if") (param $c i32) (param $v i32) (result i32) (local $x i32)
    (block $out
      (local.set $x (local.get $v))
      (br_if $out (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "mov_br_ne") (param $a i32) (param $b i32) (result i32) (local $x i32)
    (block $out
      (local.set $x (local.get $a))
      (br_if $out (i32.ne (local.get $x) (local.get $b)))
      (local.set $x (i32.const 9)))
    (local.get $x))
  ;; a switch's value into its local, then the loop's count (a join of the two,
  ;; mov_add_br_ne_back, was taken out: its handler moved GCC's allocation on Cortex-M)
  (func (export "copy_count") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (loop $l
      (local.set $acc
        (block (result i32)
          (br_if 0 (i32.add (local.get $acc) (i32.const 3)) (i32.and (local.get $i) (i32.const 1)))
          (drop)
          (i32.xor (local.get $acc) (local.get $i))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))
  ;; a store, then a copy; a copy, then a load through what it copied
  (func (export "store_mov") (param $p i32) (param $v i32) (result i32) (local $x i32)
    (i32.store (local.get $p) (local.get $v))
    (local.set $x (local.get $v))
    (i32.add (i32.load (local.get $p)) (local.get $x)))
  (func (export "mov_load") (param $p i32) (result i32) (local $q i32)
    (i32.add (i32.load offset=4 (local.tee $q (local.get $p))) (local.get $q)))
  ;; *p += x, the loaded value on either side of the add; a different offset does not fuse
  (func (export "mem_add") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=8 (local.get $p) (i32.add (i32.load offset=8 (local.get $p)) (local.get $x)))
    (i32.load offset=8 (local.get $p)))
  (func (export "mem_add_r") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=8 (local.get $p) (i32.add (local.get $x) (i32.load offset=8 (local.get $p))))
    (i32.load offset=8 (local.get $p)))
  (func (export "mem_add_other") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=12 (local.get $p) (i32.add (i32.load offset=8 (local.get $p)) (local.get $x)))
    (i32.load offset=12 (local.get $p)))
  ;; a select on a bit test, x & m
  (func (export "select_and") (param $x i32) (param $m i32) (result i32)
    (select (i32.const 10) (i32.const 20) (i32.and (local.get $x) (local.get $m))))
  ;; an array's element, a[i]: i32.load from (i << 2) + a; a fault is the load's
  (func (export "elem") (param $a i32) (param $i i32) (result i32)
    (i32.load offset=4 (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $a))))
  ;; a switch on the low bits, br_table on x & 3: 10, 20, 30, 40
  (func (export "switch_and") (param $x i32) (result i32)
    (block $d (block $c (block $b (block $a
      (br_table $a $b $c $d (i32.and (local.get $x) (i32.const 3))))
      (return (i32.const 10)))
      (return (i32.const 20)))
      (return (i32.const 30)))
    (i32.const 40))
  (func (export "mov_label") (param $c i32) (param $v i32) (result i32) (local $x i32)
    (block $out
      (block $skip
        (br_if $skip (local.get $c))
        (local.set $x (local.get $v)))
      (br_if $out (local.get $c)))
    (local.get $x))

  ;; an equality whose second operand is the and: x == (p & m) branches as and_br_eq
  (func (export "eq_and_r") (param $p i32) (param $m i32) (param $x i32) (result i32)
    (block $yes
      (br_if $yes (i32.eq (local.get $x) (i32.and (local.get $p) (local.get $m))))
      (return (i32.const 0)))
    (i32.const 1))
  (func (export "ne_and_r") (param $p i32) (param $m i32) (param $x i32) (result i32)
    (block $yes
      (br_if $yes (i32.ne (local.get $x) (i32.and (local.get $p) (local.get $m))))
      (return (i32.const 0)))
    (i32.const 1))

  ;; two copies in a row, the second reading what the first wrote: c = b, then d = c; the
  ;; result shows both and that d saw the new c
  (func (export "mov2") (param $a i32) (param $b i32) (result i32) (local $c i32) (local $d i32)
    (local.set $c (local.get $b))
    (local.set $d (local.get $c))
    (i32.add (i32.mul (local.get $c) (i32.const 1000)) (local.get $d)))
  ;; a small constant, then a copy that reads it: c = 7, then d = c
  (func (export "const8_mov") (param $a i32) (result i32) (local $c i32) (local $d i32)
    (local.set $c (i32.const 7))
    (local.set $d (local.get $c))
    (i32.add (i32.mul (local.get $c) (i32.const 1000)) (local.get $d)))
  ;; a swap through a temporary, three copies: the third must not join the first two
  (func (export "swap") (param $a i32) (param $b i32) (result i32) (local $t i32)
    (local.set $t (local.get $a))
    (local.set $a (local.get $b))
    (local.set $b (local.get $t))
    (i32.sub (i32.mul (local.get $a) (i32.const 1000)) (local.get $b)))
  ;; a copy before a loop and one at its head: the loop's back-edge jumps between them, so
  ;; they must stay two instructions. n rounds of (x = y; y = y + 3), from y = a.
  (func (export "loop_head") (param $n i32) (param $a i32) (result i32) (local $x i32) (local $y i32)
    (local.set $y (local.get $a))
    (loop $l
      (local.set $x (local.get $y))
      (local.set $y (i32.add (local.get $y) (i32.const 3)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (i32.mul (local.get $x) (i32.const 1000)) (local.get $y)))

  ;; f64 *p += x at p + 8, x a double (halves, which an i32 add would lose): 4 times what
  ;; it holds then; the same from the other side; a fault is the load's
  (func (export "f64_mem_add") (param $p i32) (param $x f64) (result i32)
    (f64.store offset=8 (local.get $p) (f64.add (local.get $x) (f64.load offset=8 (local.get $p))))
    (i32.trunc_f64_u (f64.mul (f64.load offset=8 (local.get $p)) (f64.const 4))))
  (func (export "f64_mem_add_r") (param $p i32) (param $x f64) (result i32)
    (f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p)) (local.get $x)))
    (i32.trunc_f64_u (f64.mul (f64.load offset=8 (local.get $p)) (f64.const 4))))
  ;; an i64 or f64 load from a + b (i64.load_add), the address wrapping at 32 bits as the
  ;; add does; put64 leaves hi:lo at 808 first. A fault is the load's.
  (func (export "put64") (param $lo i32) (param $hi i32) (result i32)
    (i64.store offset=808 (i32.const 0)
      (i64.or (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 32)) (i64.extend_i32_u (local.get $lo))))
    (i32.const 0))
  (func (export "load64_add") (param $a i32) (param $b i32) (result i32)
    (i32.wrap_i64 (i64.shr_u (i64.load offset=8 (i32.add (local.get $a) (local.get $b))) (i64.const 32))))
  (func (export "loadf64_add") (param $a i32) (param $b i32) (result i32)
    (i32.trunc_f64_u (f64.mul (f64.load offset=8 (i32.add (local.get $a) (local.get $b))) (f64.const 4))))
  ;; an LCG's step, its new state copied: x = x * a + c, then y = x (i32.mul_add_mov);
  ;; and then a copy of another value, which the join makes too: y = c
  (func (export "mul_add_mov") (param $x i32) (param $a i32) (param $c i32) (result i32) (local $y i32)
    (local.set $y (local.tee $x (i32.add (i32.mul (local.get $x) (local.get $a)) (local.get $c))))
    (i32.add (i32.mul (local.get $y) (i32.const 3)) (local.get $x)))
  (func (export "mul_add_mov_other") (param $x i32) (param $a i32) (param $c i32) (result i32) (local $y i32)
    (local.set $x (i32.add (i32.mul (local.get $x) (local.get $a)) (local.get $c)))
    (local.set $y (local.get $c))
    (i32.sub (i32.mul (local.get $x) (i32.const 3)) (local.get $y)))
  ;; call_indirect's index, (a ^ b) & 3, then its two arguments a and b: one instruction
  ;; (i32.xor_and_mov2); the same with the index read from a table in memory, as a
  ;; volatile array of function pointers is (call_indirect_load takes the load in)
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $op_sub $op_add $op_mul $op_xor)
  (func $op_sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $op_add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $op_mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
  (func $op_xor (type $bin) (i32.xor (local.get 0) (local.get 1)))
  (func (export "xor_and_mov2") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (call_indirect (type $bin) (local.get $a) (local.get $b)
      (i32.and (i32.xor (local.get $a) (local.get $b)) (i32.const 3))))
  (func (export "xor_and_mov2_load") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.store offset=64 (i32.const 0) (i32.const 2))
    (i32.store offset=68 (i32.const 0) (i32.const 0))
    (i32.store offset=72 (i32.const 0) (i32.const 3))
    (i32.store offset=76 (i32.const 0) (i32.const 1))
    (call_indirect (type $bin) (local.get $a) (local.get $b)
      (i32.load (i32.add (i32.shl (i32.and (i32.xor (local.get $a) (local.get $b)) (i32.const 3)) (i32.const 2))
                         (i32.const 64)))))
)
