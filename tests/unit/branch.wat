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
)
