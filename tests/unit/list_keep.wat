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
)
