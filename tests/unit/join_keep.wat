(module
  (memory 1)
  (data (i32.const 32) "abc")
  (data (i32.const 64) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00\05\00\00\00\06\00\00\00")
  ;; join.wat's walk with the sum's operands the other way, q = 1 + p
  (func (export "walk_swap") (param $p i32) (param $stop i32) (result i32) (local $q i32) (local $c i32) (local $n i32)
    (loop $l
      (local.set $n (i32.xor (local.get $n) (local.get $c)))
      (local.set $q (i32.add (i32.const 1) (local.get $p)))
      (block $b
        (br_if $b (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
        (local.set $p (local.get $q))
        (br_if $l (i32.ne (local.get $n) (local.get $stop)))))
    (i32.xor (i32.shl (local.get $p) (i32.const 8)) (local.get $n)))
  ;; the byte read at the sum, c = *q
  (func (export "walk_pre") (param $p i32) (param $stop i32) (result i32) (local $q i32) (local $c i32) (local $n i32)
    (loop $l
      (local.set $n (i32.xor (local.get $n) (local.get $c)))
      (local.set $q (i32.add (local.get $p) (i32.const 1)))
      (block $b
        (br_if $b (i32.eqz (local.tee $c (i32.load8_u (local.get $q)))))
        (local.set $p (local.get $q))
        (br_if $l (i32.ne (local.get $n) (local.get $stop)))))
    (i32.xor (i32.shl (local.get $p) (i32.const 8)) (local.get $n)))
  ;; the copy takes the state, p = n, not the sum
  (func (export "walk_n") (param $p i32) (param $stop i32) (result i32) (local $q i32) (local $c i32) (local $n i32)
    (loop $l
      (local.set $n (i32.xor (local.get $n) (local.get $c)))
      (local.set $q (i32.add (local.get $p) (i32.const 1)))
      (block $b
        (br_if $b (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
        (local.set $p (local.get $n))
        (br_if $l (i32.ne (local.get $n) (local.get $stop)))))
    (i32.xor (i32.shl (local.get $p) (i32.const 8)) (local.get $q)))
;; the byte read into the sum's local, q = c = *p, then p = q: the copy takes the byte
  (func (export "walk_qc") (param $p i32) (param $stop i32) (result i32) (local $q i32) (local $c i32) (local $n i32)
    (loop $l
      (local.set $n (i32.xor (local.get $n) (local.get $q)))
      (local.set $q (i32.add (local.get $p) (i32.const 1)))
      (block $b
        (br_if $b (i32.eqz (local.tee $q (i32.load8_u (local.get $p)))))
        (local.set $p (local.get $q))
        (br_if $l (i32.ne (local.get $n) (local.get $stop)))))
    (i32.xor (i32.shl (local.get $p) (i32.const 8)) (local.get $n)))
;; a strided byte fill, a[j] = v for j from j0 by step while j < n (a sieve's inner loop):
  ;; the store and the loop's end (i32.store8_add_add_br_lt_u); returns the j it stops at
  (func (export "fill") (param $a i32) (param $j i32) (param $step i32) (param $n i32) (param $v i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $j)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $step))) (local.get $n))))
    (local.get $j))
;; a switch in a loop whose cases end with a br to the loop's end, i += 1 and the branch
  ;; back while i != n: the jumps go straight into that end (jump_add_br_ne_back)
  (func (export "cases") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (block $end
        (block $b2
          (block $b1
            (block $b0
              (br_table $b0 $b1 $b2 $end (i32.and (local.get $i) (i32.const 3))))
            (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
            (br $end))
          (local.set $acc (i32.xor (local.get $acc) (local.get $i)))
          (br $end))
        (local.set $acc (i32.mul (local.get $acc) (i32.const 3))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))
;; Fills whose turns do not run in registers inside the one instruction: the turns
  ;; counted at the loop's head (the branch back goes to the count)
  (func (export "fill_n") (param $a i32) (param $j i32) (param $step i32) (param $n i32) (param $v i32) (result i32) (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $j)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $step))) (local.get $n))))
    (local.get $c))
  ;; the byte stored j's own
  (func (export "fill_vj") (param $a i32) (param $j i32) (param $step i32) (param $n i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $j)) (local.get $j))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $step))) (local.get $n))))
    (local.get $j))
  ;; j doubled each turn, the step j itself
  (func (export "fill_jj") (param $a i32) (param $j i32) (param $n i32) (param $v i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $j)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $j))) (local.get $n))))
    (local.get $j))
  ;; the byte at j + j
  (func (export "fill_2j") (param $j i32) (param $step i32) (param $n i32) (param $v i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $j) (local.get $j)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $step))) (local.get $n))))
    (local.get $j))
  ;; the byte at a + b every turn, j only counting
  (func (export "fill_ab") (param $a i32) (param $b i32) (param $j i32) (param $n i32) (param $v i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $b)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
    (local.get $j))
  ;; the bound j itself, read after the sum is written: one turn, even where the sum wraps
  (func (export "fill_jn") (param $a i32) (param $j i32) (param $step i32) (param $v i32) (result i32)
    (loop $l
      (i32.store8 offset=3 (i32.add (local.get $a) (local.get $j)) (local.get $v))
      (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (local.get $step))) (local.get $j))))
    (local.get $j))
)
