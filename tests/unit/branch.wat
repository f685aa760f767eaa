(module
  (memory 1)
  (data (i32.const 8) "\03\04")
  ;; branches on x ^ y (as x != y) and on (x & 255) ^ y, with and without eqz before them:
  ;; each returns 2 when it branches, else 1
  (func (export "brif_xor") (param i32 i32) (result i32)
    (block (br_if 0 (i32.xor (local.get 0) (local.get 1))) (return (i32.const 1))) (i32.const 2))
  (func (export "brif_eqz_xor") (param i32 i32) (result i32)
    (block (br_if 0 (i32.eqz (i32.xor (local.get 0) (local.get 1)))) (return (i32.const 1))) (i32.const 2))
  (func (export "if_xor") (param i32 i32) (result i32)
    (if (result i32) (i32.xor (local.get 0) (local.get 1)) (then (i32.const 2)) (else (i32.const 1))))
  (func (export "if_eqz_xor") (param i32 i32) (result i32)
    (if (result i32) (i32.eqz (i32.xor (local.get 0) (local.get 1))) (then (i32.const 2)) (else (i32.const 1))))
  (func (export "brif_andxor") (param i32 i32) (result i32)
    (block (br_if 0 (i32.xor (i32.and (local.get 0) (i32.const 255)) (local.get 1))) (return (i32.const 1))) (i32.const 2))
  (func (export "brif_eqz_andxor") (param i32 i32) (result i32)
    (block (br_if 0 (i32.eqz (i32.xor (i32.and (local.get 0) (i32.const 255)) (local.get 1)))) (return (i32.const 1))) (i32.const 2))
  (func (export "if_eqz_andxor") (param i32 i32) (result i32)
    (if (result i32) (i32.eqz (i32.xor (i32.and (local.get 0) (i32.const 255)) (local.get 1))) (then (i32.const 2)) (else (i32.const 1))))
  (func (export "brif_eqz_lt") (param i32 i32) (result i32)
    (block (br_if 0 (i32.eqz (i32.lt_s (local.get 0) (local.get 1)))) (return (i32.const 1))) (i32.const 2))

  ;; z loaded first, into the slot the and's result would take: (x & 255) == mem[p]
  (func (export "eqz_andxor_mem") (param i32 i32) (result i32)
    (block (br_if 0 (i32.eqz (i32.xor (i32.load8_u (local.get 1)) (i32.and (local.get 0) (i32.const 255)))))
      (return (i32.const 1)))
    (i32.const 2))
  ;; a local that local.tee sets to x ^ y must still be set when eqz tests it
  (func (export "tee_xor") (param i32 i32) (result i32) (local i32)
    (block (br_if 0 (i32.eqz (local.tee 2 (i32.xor (local.get 0) (local.get 1)))))
      (return (i32.add (local.get 2) (i32.const 1000))))
    (i32.add (local.get 2) (i32.const 2000)))
  ;; a byte range test, ((x - 48) & 255) cmp 9, and the branch on it (add_and_br_*)
  (func (export "range_gt") (param i32 i32) (result i32)
    (block (br_if 0 (i32.gt_u (i32.and (i32.add (local.get 0) (i32.const -48)) (i32.const 255)) (local.get 1)))
      (return (i32.const 1)))
    (i32.const 2))
  (func (export "range_ge") (param i32 i32) (result i32)
    (block (br_if 0 (i32.ge_u (i32.and (i32.add (local.get 0) (i32.const -48)) (i32.const 255)) (local.get 1)))
      (return (i32.const 1)))
    (i32.const 2))
  (func (export "range_lt") (param i32 i32) (result i32)
    (block (br_if 0 (i32.lt_u (i32.and (i32.add (local.get 0) (i32.const -48)) (i32.const 255)) (local.get 1)))
      (return (i32.const 1)))
    (i32.const 2))
  (func (export "range_le") (param i32 i32) (result i32)
    (if (result i32) (i32.gt_u (i32.and (i32.add (local.get 0) (i32.const -48)) (i32.const 255)) (local.get 1))
      (then (i32.const 2)) (else (i32.const 1))))
  ;; the masked sum also kept in a local: it must be written
  (func (export "range_tee") (param i32 i32) (result i32) (local i32)
    (block (br_if 0 (i32.gt_u (local.tee 2 (i32.and (i32.add (local.get 0) (i32.const -48)) (i32.const 255))) (local.get 1)))
      (return (i32.add (local.get 2) (i32.const 1000))))
    (i32.add (local.get 2) (i32.const 2000)))
  ;; a list's reversal: tmp = p, p = p->next, tmp->next = prev, prev = tmp, while (p); the
  ;; store, its copy and the branch run as one (i32.store_mov_br_if)
  (func (export "reverse") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; the same with the link stored 4 bytes further: a node at 65532 loads, then its store
  ;; faults (the store's trap, inside the fused mov_load_store_mov_br_if)
  (func (export "reverse4") (param $p i32) (result i32) (local $prev i32) (local $tmp i32)
    (loop $l
      (local.set $tmp (local.get $p))
      (local.set $p (i32.load (local.get $p)))
      (i32.store offset=4 (local.get $tmp) (local.get $prev))
      (local.set $prev (local.get $tmp))
      (br_if $l (local.get $p)))
    (local.get $prev))
  ;; a list's search: the key test (p & 255 == k) and then p = p->next (at p + 4), while (p),
  ;; as one instruction (and_br_eq_load_br_if); the node found, or 0
  (func (export "find") (param $p i32) (param $k i32) (result i32)
    (block $out
      (loop $l
        (br_if $out (i32.eq (i32.and (local.get $p) (i32.const 255)) (local.get $k)))
        (br_if $l (local.tee $p (i32.load offset=4 (local.get $p))))))
    (local.get $p))
  ;; a store and its copy, then a constant and the count's add between them and the
  ;; branch: nothing joins the branch to the store
  (func (export "store_copy_add") (param $p i32) (param $x i32) (result i32) (local $y i32) (local $z i32)
    (loop $l
      (local.set $x (i32.add (local.get $x) (i32.const -1)))
      (i32.store (local.get $p) (local.get $x))
      (local.set $y (local.get $p))
      (local.set $z (i32.const 1000))
      (br_if $l (local.get $x)))
    (i32.add (i32.add (local.get $y) (local.get $z)) (i32.load (local.get $p))))
)
