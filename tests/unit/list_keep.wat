(module
  (memory 1)
  ;; list.wat's find16 with the key kept in a local, returned: the joined search must still
  ;; write it (the last key read)
  (func (export "find16_key") (param $p i32) (param $k i32) (result i32) (local $key i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (local.tee $key (i32.load16_u offset=2 (i32.load offset=4 (local.get $p))))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $key))
  ;; with k & 0xffff kept in a local, returned with the node found: likewise
  (func (export "find16_mask") (param $p i32) (param $k i32) (result i32) (local $m i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (local.tee $m (i32.and (local.get $k) (i32.const 65535)))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (i32.add (i32.shl (local.get $p) (i32.const 16)) (local.get $m)))
  ;; the 8-bit key, p->info->key8 == (k & 15), kept in a local
  (func (export "find8_key") (param $p i32) (param $k i32) (result i32) (local $key i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (local.tee $key (i32.load8_u offset=2 (i32.load offset=4 (local.get $p))))
                            (i32.and (local.get $k) (i32.const 15))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $key))
  ;; the same key, not kept (as find16 in list.wat)
  (func (export "find8") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load8_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $k) (i32.const 15))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $p))
;; list.wat's reversal, but the loop goes on while the node just linked (tmp) is not 0,
  ;; not while the next one (p) is: one more turn, which loads the link at 0 and stores
  ;; prev there
  (func (export "reverse_tmp") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $tmp)))
    (local.get $prev))
  ;; prev set to the next node (p), not to the one just linked (tmp)
  (func (export "reverse_next") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $p))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; find_p with the and's operands the other way, (0xffff & p): the node is m
  (func (export "find_pm") (param $p i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (i32.const 65535) (local.get $p))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $p))
  ;; reversals whose turns cannot run in registers inside the one instruction: the turns
  ;; counted at the loop's head (the branch back goes to the count)
  (func (export "reverse_n") (param $p i32) (result i32) (local $prev i32) (local $tmp i32) (local $n i32)
    (loop $l
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $tmp)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $n))
  ;; the next node loaded into q, not p: p stays
  (func (export "reverse_q") (param $p i32) (result i32) (local $prev i32) (local $tmp i32) (local $q i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $q (i32.load (local.get $tmp)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $q)))
    (i32.add (local.get $prev) (local.get $q)))
  ;; each node linked to z, not to the node before
  (func (export "reverse_z") (param $p i32) (param $z i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $tmp)))
      (i32.store (local.get $tmp) (local.get $z))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; each node linked to itself, the value stored the copy tmp (prev = tmp would be tmp = tmp,
  ;; which compiles to nothing: not the register form)
  (func (export "reverse_t") (param $p i32) (result i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $tmp)))
      (i32.store (local.get $tmp) (local.get $tmp))
      (local.set $tmp (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $tmp))
)
