;; A state machine's `state = K` before its next test, joined to the test
;; (WM_CONFIG_FUSED_OPS), test_state.c's module. Each function returns (s << 16) | t, s the
;; state and t the copy, on both ways out of the test.
(module
  (memory 1)
  ;; s = 4, then is c a digit, ((c - 58) & 255) >= 246: i32.const8_add_and_br_ge_u
  (func (export "ge") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const 4))
      (br_if $b (i32.ge_u (i32.and (i32.add (local.get $c) (i32.const -58)) (i32.const 255)) (i32.const 246)))
      (local.set $s (i32.const 7)))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $t)))
  ;; s = 5, t = c (a copy), then (c & 223) == 69: const8_mov_and_br_eq
  (func (export "eq_and") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const 5))
      (local.set $t (local.get $c))
      (br_if $b (i32.eq (i32.and (local.get $c) (i32.const 223)) (i32.const 69)))
      (local.set $s (i32.const 9)))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $t)))
  ;; then c == 46: const8_mov_br_eq
  (func (export "eq") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const -3))
      (local.set $t (local.get $c))
      (br_if $b (i32.eq (local.get $c) (i32.const 46)))
      (local.set $s (i32.const 9)))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $t)))
  ;; then ((c - 58) & 255) > 245: const8_mov_add_and_br_gt_u
  (func (export "gt") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const 6))
      (local.set $t (local.get $c))
      (br_if $b (i32.gt_u (i32.and (i32.add (local.get $c) (i32.const -58)) (i32.const 255)) (i32.const 245)))
      (local.set $s (i32.const 9)))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $t)))
  ;; a loop's start, a label, between the constant and the test: no join
  (func (export "ge_label") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const 4))
      (loop $l
        (br_if $b (i32.ge_u (i32.and (i32.add (local.get $c) (i32.const -58)) (i32.const 255)) (i32.const 246))))
      (local.set $s (i32.const 7)))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $t)))
  ;; an add between the constant and its copy and the test: no join
  (func (export "eq_apart") (param $c i32) (result i32) (local $s i32) (local $t i32)
    (block $b
      (local.set $s (i32.const 5))
      (local.set $t (local.get $c))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $b (i32.eq (local.get $c) (i32.const 46)))
      (local.set $s (i32.const 9)))
    (i32.add (i32.shl (local.get $s) (i32.const 16)) (i32.add (local.get $t) (local.get $c))))
  ;; s = 4 without a copy, then c == 46: only the digit test joins a lone constant
  (func (export "const_eq") (param $c i32) (result i32) (local $s i32)
    (block $b
      (local.set $s (i32.const 4))
      (br_if $b (i32.eq (local.get $c) (i32.const 46)))
      (local.set $s (i32.const 7)))
    (local.get $s))
;; A state machine over a string, as clang writes CoreMark's: the walk's loop end (q = p + 1,
  ;; c = *p, exit on 0, p = q, while state != 3) goes back to the switch's test of c & 223:
  ;; i32.step_load8_switch. Returns state << 16 | n << 8 | p & 255 (n the turns in state 2).
  ;; States: 0 a digit (c & 223 in 16..25) to 1 else 2; 1 a non-digit to 2; 2 an X (88) to 3.
  (func (export "machine") (param $p i32) (result i32) (local $c i32) (local $state i32) (local $q i32) (local $m i32) (local $n i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (br_if $done (i32.eqz (local.get $c)))
      (loop $l
        (br_if $done (i32.eq (local.tee $m (i32.and (local.get $c) (i32.const 223))) (i32.const 44)))
        (block $next
          (block $s2
            (block $s1
              (block $s0
                (br_table $s0 $s1 $s2 $next (local.get $state)))
              (local.set $state (select (i32.const 1) (i32.const 2) (i32.lt_u (i32.sub (local.get $m) (i32.const 16)) (i32.const 10))))
              (br $next))
            (if (i32.ge_u (i32.sub (local.get $m) (i32.const 16)) (i32.const 10)) (then (local.set $state (i32.const 2))))
            (br $next))
          (if (i32.eq (local.get $m) (i32.const 88)) (then (local.set $state (i32.const 3))))
          (local.set $n (i32.add (local.get $n) (i32.const 1))))
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (block $b
          (br_if $done (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
          (local.set $p (local.get $q))
          (br_if $l (i32.ne (local.get $state) (i32.const 3))))))
    (i32.or (i32.or (i32.shl (local.get $state) (i32.const 16)) (i32.shl (local.get $n) (i32.const 8)))
            (i32.and (local.get $p) (i32.const 255))))
  ;; the same with the and's operands the other way: the switch's c is the mask's slot, not
  ;; the byte's, and the walk keeps its own branch back
  (func (export "machine_m") (param $p i32) (result i32) (local $c i32) (local $state i32) (local $q i32) (local $m i32) (local $n i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (br_if $done (i32.eqz (local.get $c)))
      (loop $l
        (br_if $done (i32.eq (local.tee $m (i32.and (i32.const 223) (local.get $c))) (i32.const 44)))
        (block $next
          (block $s2
            (block $s1
              (block $s0
                (br_table $s0 $s1 $s2 $next (local.get $state)))
              (local.set $state (select (i32.const 1) (i32.const 2) (i32.lt_u (i32.sub (local.get $m) (i32.const 16)) (i32.const 10))))
              (br $next))
            (if (i32.ge_u (i32.sub (local.get $m) (i32.const 16)) (i32.const 10)) (then (local.set $state (i32.const 2))))
            (br $next))
          (if (i32.eq (local.get $m) (i32.const 88)) (then (local.set $state (i32.const 3))))
          (local.set $n (i32.add (local.get $n) (i32.const 1))))
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (block $b
          (br_if $done (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
          (local.set $p (local.get $q))
          (br_if $l (i32.ne (local.get $state) (i32.const 3))))))
    (i32.or (i32.or (i32.shl (local.get $state) (i32.const 16)) (i32.shl (local.get $n) (i32.const 8)))
            (i32.and (local.get $p) (i32.const 255))))
  ;; as clang writes CoreMark's elsewhere: the test of the byte itself, c == 44 (br_eq_br_table
  ;; with the switch), and the walk's loop end inside an if (c) { p = q; while state != 3 }
  ;; (i32.step_load8_u_if_false_mov_br_ne); a digit is c - 48 below 10
  (func (export "machine_eq") (param $p i32) (result i32) (local $c i32) (local $state i32) (local $q i32) (local $n i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (br_if $done (i32.eqz (local.get $c)))
      (loop $l
        (br_if $done (i32.eq (local.get $c) (i32.const 44)))
        (block $next
          (block $s2
            (block $s1
              (block $s0
                (br_table $s0 $s1 $s2 $next (local.get $state)))
              (local.set $state (select (i32.const 1) (i32.const 2) (i32.lt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10))))
              (br $next))
            (if (i32.ge_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)) (then (local.set $state (i32.const 2))))
            (br $next))
          (if (i32.eq (local.get $c) (i32.const 88)) (then (local.set $state (i32.const 3))))
          (local.set $n (i32.add (local.get $n) (i32.const 1))))
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (if (local.tee $c (i32.load8_u (local.get $p)))
          (then
            (local.set $p (local.get $q))
            (br_if $l (i32.ne (local.get $state) (i32.const 3)))))))
    (i32.or (i32.or (i32.shl (local.get $state) (i32.const 16)) (i32.shl (local.get $n) (i32.const 8)))
            (i32.and (local.get $p) (i32.const 255))))
  ;; the same with the test's operands the other way (44 == c)
  (func (export "machine_eq_k") (param $p i32) (result i32) (local $c i32) (local $state i32) (local $q i32) (local $n i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (br_if $done (i32.eqz (local.get $c)))
      (loop $l
        (br_if $done (i32.eq (i32.const 44) (local.get $c)))
        (block $next
          (block $s2
            (block $s1
              (block $s0
                (br_table $s0 $s1 $s2 $next (local.get $state)))
              (local.set $state (select (i32.const 1) (i32.const 2) (i32.lt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10))))
              (br $next))
            (if (i32.ge_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)) (then (local.set $state (i32.const 2))))
            (br $next))
          (if (i32.eq (local.get $c) (i32.const 88)) (then (local.set $state (i32.const 3))))
          (local.set $n (i32.add (local.get $n) (i32.const 1))))
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (if (local.tee $c (i32.load8_u (local.get $p)))
          (then
            (local.set $p (local.get $q))
            (br_if $l (i32.ne (local.get $state) (i32.const 3)))))))
    (i32.or (i32.or (i32.shl (local.get $state) (i32.const 16)) (i32.shl (local.get $n) (i32.const 8)))
            (i32.and (local.get $p) (i32.const 255))))
  ;; a constant right before a test that branches back to the loop's head (c counts up while
  ;; it is not a digit): not joined, so that the branch back checks fuel and interrupts
  (func (export "ge_loop") (param $c i32) (result i32) (local $s i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $s (i32.const 4))
      (br_if $l (i32.ge_u (i32.and (i32.add (local.get $c) (i32.const -48)) (i32.const 255)) (i32.const 10))))
    (i32.or (i32.shl (local.get $s) (i32.const 16)) (local.get $c)))
)
