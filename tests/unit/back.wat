(module
  (memory 1)
  (data (i32.const 32) "abc")
  ;; Joined loop ends form only when their last branch goes back to the loop's head, which
  ;; then costs fuel without a test of the target's sign. Each fwd_ function has the same
  ;; pair with that branch going forward, to a block's end: it stays two instructions and
  ;; costs no fuel.
  ;; two adds and the count's add_br_if (i32.add2, add_br_if)
  (func (export "fwd_add2") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (block $out
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (i32.const 8)))
      (br_if $out (local.tee $n (i32.add (local.get $n) (i32.const -1))))
      (return (i32.const 77)))
    (i32.add (local.get $a) (local.get $b)))
  ;; the same as a loop: a + 4 * n + b + 8 * n, n turns, n - 1 of them back
  (func (export "back_add2") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (loop $l
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (i32.const 8)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (i32.add (local.get $a) (local.get $b)))
  ;; a copy and a load, a store and a copy, then the branch on the loaded link (mov_load,
  ;; i32.store_mov_br_if)
  (func (export "fwd_store") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (block $out
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $out (local.get $p))
      (return (i32.const 55)))
    (i32.add (local.get $prev) (local.get $p)))
  ;; a key's test, then the load of the link and the branch on it (and_br_eq,
  ;; i32.load_br_if)
  (func (export "fwd_find") (param $p i32) (param $k i32) (result i32)
    (block $out
      (block $found
        (br_if $found (i32.eq (i32.and (local.get $p) (i32.const 255)) (local.get $k)))
        (br_if $out (local.tee $p (i32.load offset=4 (local.get $p))))
        (return (i32.const 66)))
      (return (i32.const 99)))
    (local.get $p))
  ;; a string's step, q = p + 1, the exit on *p == 0, then p = q and the branch on x != k
  ;; (add_load8_u_if_false, mov_br_ne)
  (func (export "fwd_walk") (param $p i32) (param $x i32) (param $k i32) (result i32) (local $q i32)
    (block $out
      (block $end
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (br_if $end (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (local.get $q))
        (br_if $out (i32.ne (local.get $x) (local.get $k)))
        (return (i32.const 44)))
      (return (i32.const 300)))
    (local.get $p))
;; count loops ending in one fused add-and-branch back (add_br_ne_back,
  ;; add_br_lt_u_back, add_br_if_back): turns, turns, 3 to the turns
  (func (export "back_ne") (param $n i32) (result i32) (local $i i32)
    (loop $l (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $i))
  (func (export "back_lt") (param $n i32) (result i32) (local $i i32)
    (loop $l (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $i))
  (func (export "back_if") (param $n i32) (result i32) (local $x i32)
    (local.set $x (i32.const 1))
    (loop $l
      (local.set $x (i32.mul (local.get $x) (i32.const 3)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $x))
  ;; the same add-and-branch forward (add_br_ne): i + 1, or 500 when that is n
  (func (export "fwd_ne") (param $i i32) (param $n i32) (result i32)
    (block $out
      (br_if $out (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))
      (return (i32.const 500)))
    (local.get $i))
)
