;; A state machine's `state = K` before its next test, joined to the test
;; (WM_CONFIG_FUSED_OPS), test_state.c's module. Each function returns (s << 16) | t, s the
;; state and t the copy, on both ways out of the test.
(module
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
)
