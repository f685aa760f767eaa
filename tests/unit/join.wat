(module
  (memory 1)
  (data (i32.const 32) "abc")
  ;; words at 64: 1, 2, ... 12
  (data (i32.const 64) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00\05\00\00\00\06\00\00\00"
                       "\07\00\00\00\08\00\00\00\09\00\00\00\0a\00\00\00\0b\00\00\00\0c\00\00\00")
  (data (i32.const 65534) "zz")
  ;; a state machine's step: the input tested (c & 255 == ','), then the switch on the
  ;; state (and_br_eq_br_table); the blocks open between them, which is no label
  (func (export "step") (param $c i32) (param $s i32) (result i32)
    (block $out
      (block $c2
        (block $c1
          (block $c0
            (br_if $out (i32.eq (i32.and (local.get $c) (i32.const 255)) (i32.const 44)))
            (br_table $c0 $c1 $c2 (local.get $s)))
          (return (i32.const 10)))
        (return (i32.const 11)))
      (return (i32.const 12)))
    (i32.const 99))
  ;; a string's end: q = p + 1, then c = *p and the exit when it is 0
  ;; (add_load8_u_if_false); returns the address of the terminating 0
  (func (export "strend") (param $p i32) (result i32) (local $q i32)
    (block $done
      (loop $l
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (local.get $q))
        (br $l)))
    (local.get $p))
  ;; the same walk whose branch back copies the pointer and tests a state
  ;; (add_load8_u_if_false_mov_br_ne): n ^= c, q = p + 1, c = *p, exit on 0, p = q, go on
  ;; while n != stop; returns (p << 8) ^ n
  (func (export "walk") (param $p i32) (param $stop i32) (result i32) (local $q i32) (local $c i32) (local $n i32)
    (loop $l
      (local.set $n (i32.xor (local.get $n) (local.get $c)))
      (local.set $q (i32.add (local.get $p) (i32.const 1)))
      (block $b
        (br_if $b (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
        (local.set $p (local.get $q))
        (br_if $l (i32.ne (local.get $n) (local.get $stop)))))
    (i32.xor (i32.shl (local.get $p) (i32.const 8)) (local.get $n)))
  ;; a loop's end that steps two pointers and its count: i32.add2, then the count's
  ;; add_br_if (add2_add_br_if); the same with i != n (add2_add_br_ne)
  (func (export "sum2") (param $p i32) (param $q i32) (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 3)) (i32.sub (i32.load (local.get $p)) (i32.load (local.get $q)))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s))
  (func (export "sum2_ne") (param $p i32) (param $q i32) (param $n i32) (result i32) (local $s i32) (local $i i32)
    (loop $l
      (local.set $s (i32.xor (i32.mul (local.get $s) (i32.const 3)) (i32.sub (i32.load (local.get $p)) (i32.load (local.get $q)))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $q (i32.add (local.get $q) (i32.const 8)))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i32.xor (local.get $s) (i32.mul (local.get $i) (i32.const 1000))))
  ;; an add before a block and the br_if in it on its result: add_br_if, x still set
  (func (export "add_block") (param i32 i32) (result i32) (local $x i32)
    (local.set $x (i32.add (local.get 0) (local.get 1)))
    (block (br_if 0 (local.get $x)) (return (i32.const 1)))
    (i32.add (local.get $x) (i32.const 100))))
