(module
  (memory 1)
  ;; a list's reversal, tmp = p, p = p->next, tmp->next = prev, prev = tmp, while (p): the
  ;; store goes to the address just loaded from, which the load checked
  ;; (mov_load_store_same_br_if)
  (func (export "reverse") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; the same with the load's address through a local.tee, as clang writes it
  (func (export "reverse_tee") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $p (i32.load (local.tee $tmp (local.get $p))))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; the link stored 4 bytes further: another address (mov_load_store_mov_br_if)
  (func (export "reverse4") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store offset=4 (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; the store to the node just loaded, p = p->next, p->next = prev: its address is the
  ;; load's result, which no check covered (mov_load_store_mov_br_if)
  (func (export "relink") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $p) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; a list's search on a key in each node's record, p->info->key == (k & 0xffff): next
  ;; at p, the record's address at p + 4, its key at + 2; the node found, or 0
  ;; (i32.load_load16_u_and_br_eq_load_br_if)
  (func (export "find16") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $p))
  ;; the same on the key's low byte, (p->info->key8 & 15) == k
  ;; (i32.load_load8_u_and_br_eq_load_br_if)
  (func (export "find8") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.and (i32.load8_u offset=2 (i32.load offset=4 (local.get $p))) (i32.const 15))
                            (local.get $k)))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $p))
;; the record's address at p, the next node's at p + 4: the key's first load does not
  ;; cover the next node's, which keeps its check (no join)
  (func (export "find16_far") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load (local.get $p)))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load offset=4 (local.get $p))))))
    (local.get $p))
;; the next node's link read through another pointer, q: no join
  (func (export "find_two") (param $p i32) (param $k i32) (param $q i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load (local.get $q))))))
    (local.get $p))
;; the node's own address as the key, p->info->key == (p & 0xffff): k & m is not the same
  ;; each turn (the self-looping search keeps it in a register only when no turn writes it)
  (func (export "find_p") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $p) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $p))
;; the next node into q: the node stays, only k & 0xffff is read each turn
  (func (export "find_q") (param $p i32) (param $k i32) (result i32) (local $q i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $q (i32.load (local.get $p))))))
    (i32.add (local.get $p) (local.get $q)))
  ;; the turns counted at the loop's head: the search's branch back goes to the count
  (func (export "find_n") (param $p i32) (param $k i32) (result i32) (local $n i32)
    (block $out
      (loop $l
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $out (i32.eq (i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))
                            (i32.and (local.get $k) (i32.const 65535))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $n))
)
