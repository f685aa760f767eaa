;; A bit field's product, ((x >> s) & m) * y + c: i32.bits_mul_add, and two fields' product,
;; i32.bits2_mul_add (WM_CONFIG_FUSED_OPS),
;; test_bits.c's module.
(module
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
    (i32.xor (i32.shl (local.get 5) (i32.const 16)) (local.get 6))))
