;; A bit field's product, ((x >> s) & m) * y + c: i32.bits_mul_add, and two fields' product,
;; i32.bits2_mul_add (WM_CONFIG_FUSED_OPS),
;; test_bits.c's module.
(module
  (memory 1)
  ;; the field on the mul's left, then on its right (and c on the add's left)
  (func (export "bits") (param i32 i32 i32 i32 i32) (result i32)
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)) (local.get 3))
             (local.get 4)))
  (func (export "bits_r") (param i32 i32 i32 i32 i32) (result i32)
    (i32.add (local.get 4)
             (i32.mul (local.get 3) (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)))))
  ;; CoreMark's bit extract: two fields of one value, their product added up; the first
  ;; field is the mul's other operand
  (func (export "extract") (param i32 i32) (result i32)
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 0) (i32.const 2)) (i32.const 15))
                      (i32.and (i32.shr_u (local.get 0) (i32.const 5)) (i32.const 127)))
             (local.get 1)))
;; the first field on the mul's right
  (func (export "extract_r") (param i32 i32) (result i32)
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 0) (i32.const 5)) (i32.const 127))
                      (i32.and (i32.shr_u (local.get 0) (i32.const 2)) (i32.const 15)))
             (local.get 1)))
  ;; the first field kept in a local read again: the second alone joins the product
  (func (export "extract_kept") (param i32 i32) (result i32) (local i32)
    (i32.xor (i32.add (i32.mul (local.tee 2 (i32.and (i32.shr_u (local.get 0) (i32.const 2)) (i32.const 15)))
                               (i32.and (i32.shr_u (local.get 0) (i32.const 5)) (i32.const 127)))
                      (local.get 1))
             (i32.shl (local.get 2) (i32.const 24))))
  ;; a block's end between the fields, a label: the second alone joins the product
  (func (export "extract_block") (param i32 i32) (result i32)
    (i32.add (i32.mul (block (result i32) (i32.and (i32.shr_u (local.get 0) (i32.const 2)) (i32.const 15)))
                      (i32.and (i32.shr_u (local.get 0) (i32.const 5)) (i32.const 127)))
             (local.get 1)))
;; the field the add's other operand, not the mul's: no join
  (func (export "apart") (param i32 i32 i32 i32 i32) (result i32)
    (i32.add (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2))
             (i32.mul (local.get 3) (local.get 4))))
  ;; the field kept in a local that is read again: no join, the local must hold it
  (func (export "kept") (param i32 i32 i32 i32 i32) (result i32) (local i32 i32)
    (local.set 6 (i32.add (i32.mul (local.tee 5 (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)))
                                   (local.get 3))
                          (local.get 4)))
    (i32.xor (i32.shl (local.get 5) (i32.const 16)) (local.get 6)))  ;; the two fields of a product of two 16-bit loads (CoreMark's A[i] * B[j]), kept in a
  ;; local: i32.mul2_load16_u_bits2, which writes the local too
  (func (export "extract_mul") (param i32 i32 i32) (result i32) (local i32)
    (i32.xor (i32.add (i32.mul (i32.and (i32.shr_u (local.tee 3 (i32.mul (i32.load16_u (local.get 0)) (i32.load16_u (local.get 1))))
                                                   (i32.const 2)) (i32.const 15))
                               (i32.and (i32.shr_u (local.get 3) (i32.const 5)) (i32.const 127)))
                      (local.get 2))
             (i32.shl (local.get 3) (i32.const 1))))
  ;; the product into a local, then a field of c times one of the product, and both
  ;; fields of c: the product stays an i32.mul2_load16_u
  (func (export "extract_mul_c") (param i32 i32 i32) (result i32) (local i32)
    (local.set 3 (i32.mul (i32.load16_u (local.get 0)) (i32.load16_u (local.get 1))))
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 2) (i32.const 2)) (i32.const 15))
                      (i32.and (i32.shr_u (local.get 3) (i32.const 5)) (i32.const 127)))
             (local.get 3)))
  (func (export "extract_mul_cc") (param i32 i32 i32) (result i32) (local i32)
    (local.set 3 (i32.mul (i32.load16_u (local.get 0)) (i32.load16_u (local.get 1))))
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 2) (i32.const 2)) (i32.const 15))
                      (i32.and (i32.shr_u (local.get 2) (i32.const 5)) (i32.const 127)))
             (local.get 3)))
  ;; an add between the product and its fields: the product stays an i32.mul2_load16_u
  (func (export "extract_mul_apart") (param i32 i32 i32) (result i32) (local i32 i32)
    (local.set 3 (i32.mul (i32.load16_u (local.get 0)) (i32.load16_u (local.get 1))))
    (local.set 4 (i32.add (local.get 2) (i32.const 1)))
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 3) (i32.const 2)) (i32.const 15))
                      (i32.and (i32.shr_u (local.get 3) (i32.const 5)) (i32.const 127)))
             (local.get 4)))
  ;; the product computed in a block, whose result the block's end moves: it stays an
  ;; i32.mul2_load16_u
  (func (export "extract_mul_block") (param i32 i32 i32) (result i32) (local i32)
    (local.set 3 (block (result i32) (i32.mul (i32.load16_u (local.get 0)) (i32.load16_u (local.get 1)))))
    (i32.add (i32.mul (i32.and (i32.shr_u (local.get 3) (i32.const 2)) (i32.const 15))
                      (i32.and (i32.shr_u (local.get 3) (i32.const 5)) (i32.const 127)))
             (local.get 2)))
)
