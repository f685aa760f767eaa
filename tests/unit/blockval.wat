(module
  (type $i_i (func (param i32) (result i32)))
  ;; if/else leaving a value for a local: each arm computes it into the local
  (func (export "pick") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r
      (if (result i32) (local.get $x)
        (then (i32.add (local.get $y) (i32.const 7)))
        (else (i32.mul (local.get $y) (local.get $y)))))
    (i32.add (local.get $r) (local.get $r)))
  ;; the same with an arm that leaves a local as it is: a copy after the if
  (func (export "pick_kept") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r
      (if (result i32) (local.get $x)
        (then (local.get $y))
        (else (i32.mul (local.get $y) (local.get $y)))))
    (i32.add (local.get $r) (local.get $r)))
  ;; a switch in a loop whose cases leave the new acc, as binaryen writes it
  (func (export "switch_acc") (param $x i32) (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (local.set $acc (i32.const 7))
    (loop $l
      (local.set $acc
        (block $done (result i32)
          (block $d
            (block $c2
              (block $c1
                (block $c0
                  (br_table $c0 $c1 $c2 $d (i32.and (local.get $x) (i32.const 3))))
                (br $done (i32.add (local.get $acc) (i32.const 1))))
              (br $done (i32.xor (local.get $acc) (local.get $x))))
            (br $done (i32.mul (local.get $acc) (i32.const 3))))
          (i32.sub (local.get $acc) (local.get $x))))
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))
  ;; the value's local read below the block (its old value), then the new one
  (func (export "old_new") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.get $r)
    (local.set $r
      (block (result i32)
        (br_if 0 (i32.const 0) (i32.eqz (local.get $x)))
        (drop)
        (i32.add (local.get $x) (local.get $r))))
    (i32.sub (local.get $r)))
  ;; tee: the local and the value on the stack both
  (func (export "tee") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (i32.mul
      (local.tee $r
        (if (result i32) (local.get $x)
          (then (i32.shl (local.get $y) (i32.const 2)))
          (else (i32.shr_u (local.get $y) (i32.const 1)))))
      (i32.add (local.get $r) (i32.const 1))))
  ;; a br_if carrying the value, which stays on the stack when not taken
  (func (export "br_if_value") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block (result i32)
        (br_if 0 (i32.add (local.get $r) (i32.const 5)) (local.get $x))
        (i32.mul (i32.const 3))))
    (local.get $r))
  ;; a br_table carrying the value
  (func (export "br_table_value") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block $a (result i32)
        (block $b (result i32)
          (br_table $a $b (i32.add (local.get $r) (i32.const 1)) (local.get $x)))
        (i32.mul (i32.const 5))))
    (i32.add (local.get $r) (local.get $y)))
  ;; a branch with a value below it: the value moves down (br with a drop)
  (func (export "moved") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block (result i32)
        (i32.const 100)
        (if (local.get $x) (then (br 1 (i32.xor (local.get $r) (local.get $x)))))
        (i32.add (local.get $r))))
    (i32.add (local.get $r) (i32.const 1)))
  ;; nested blocks of one result: the inner one's value is the outer one's
  (func (export "nested") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block $o (result i32)
        (block $i (result i32)
          (br_if $o (i32.sub (local.get $r) (i32.const 2)) (i32.eq (local.get $x) (i32.const 1)))
          (drop)
          (br $i (i32.add (local.get $r) (local.get $x))))))
    (i32.mul (local.get $r) (i32.const 3)))
  ;; an if without else passes its param on where the condition is false
  (func (export "if_param") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (i32.const 12345))
    (local.get $y)
    (local.get $x)
    (if (type $i_i) (param i32) (result i32) (then (i32.add (i32.const 11))))
    (local.set $r)
    (i32.sub (local.get $r) (local.get $x)))
  ;; the same whose then-part leaves by a branch: the if's end is unreachable, but its false
  ;; path still passes the param on
  (func (export "if_param_br") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (i32.const 12345))
    (local.get $y)
    (local.get $x)
    (if (type $i_i) (param i32) (result i32) (then (br 0 (i32.add (i32.const 11)))))
    (local.set $r)
    (i32.sub (local.get $r) (local.get $x)))
  ;; a case whose value traps: the trap is located at the division
  (func (export "div_case") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r
      (if (result i32) (local.get $x)
        (then (i32.div_u (local.get $x) (local.get $y)))
        (else (i32.div_u (local.get $y) (local.get $x)))))
    (local.get $r))
  ;; a state machine whose state 1 carries a constant out by br_if, then drop (clang's
  ;; switch): the constant goes into $s ahead of the branch, the other paths write it too
  (func (export "machine") (param $x i32) (param $n i32) (result i32) (local $s i32) (local $c i32) (local $h i32)
    (loop $l
      (local.set $c (i32.and (local.get $x) (i32.const 7)))
      (local.set $s
        (block $done (result i32)
          (block $d
            (block $c1
              (block $c0
                (br_table $c0 $c1 $d (local.get $s)))
              (br $done (select (i32.const 1) (i32.const 2) (i32.lt_u (local.get $c) (i32.const 3)))))
            (br_if $done (i32.const 2) (i32.and (local.get $x) (i32.const 8)))
            (drop)
            (br $done (i32.ne (local.get $c) (i32.const 2))))
          (select (i32.const 0) (i32.const 1) (i32.gt_u (local.get $c) (i32.const 4)))))
      (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31)) (local.get $s)))
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $h) (local.get $s)))
  ;; the same shape whose other path leaves for an outer block, where the local is read
  (func (export "early_out") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (block $out
      (local.set $r
        (block (result i32)
          (br_if 0 (i32.const 3) (i32.and (local.get $x) (i32.const 1)))
          (drop)
          (br_if $out (i32.and (local.get $x) (i32.const 2)))
          (i32.add (local.get $x) (i32.const 10)))))
    (local.get $r))
  ;; a constant that a br_if carries and the path that does not take it adds to
  (func (export "early_kept") (param $x i32) (param $y i32) (result i32) (local $r i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block (result i32)
        (br_if 0 (i32.const 3) (i32.and (local.get $x) (i32.const 1)))
        (i32.const 20)
        (i32.add)))
    (local.get $r))
  ;; the br_if inside a loop in the block, whose head reads the local again
  (func (export "early_loop") (param $x i32) (param $y i32) (result i32) (local $r i32) (local $i i32)
    (local.set $r (local.get $y))
    (local.set $r
      (block $b (result i32)
        (loop $l
          (local.set $i (i32.add (local.get $i) (local.get $r)))
          (br_if $b (i32.const 3) (i32.gt_u (local.get $i) (local.get $x)))
          (drop)
          (br_if $l (i32.lt_u (local.get $i) (i32.const 100))))
        (i32.add (local.get $i) (i32.const 1000))))
    (i32.add (local.get $r) (i32.mul (local.get $i) (i32.const 7))))
)
