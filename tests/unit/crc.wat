(module
  ;; (a >> b) & c kept in a local, then that ^ e: i32.shr_u_and_xor; returns d1 * 65536 + d2's
  ;; low half so that both must be right
  (func (export "and_xor") (param i32 i32 i32 i32) (result i32) (local i32 i32)
    (local.set 5 (i32.xor (local.tee 4 (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)))
                          (local.get 3)))
    (i32.add (i32.shl (local.get 4) (i32.const 16)) (i32.and (local.get 5) (i32.const 0xFFFF))))
  ;; the xor's other operand first, and a temporary (not a local) as d1
  (func (export "xor_and") (param i32 i32 i32 i32) (result i32)
    (i32.xor (local.get 3) (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2))))
  ;; d1 ^ d1: e is d1 itself
  (func (export "xor_self") (param i32 i32 i32 i32) (result i32) (local i32)
    (i32.add (i32.xor (local.tee 4 (i32.and (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)))
                      (local.get 4))
             (local.get 4)))
  ;; select x y (((a >> k) ^ b) & m): select_shr_u_xor_and; then with the mask first
  (func (export "select_bit") (param i32 i32 i32 i32) (result i32)
    (select (i32.const 111) (i32.const 222)
      (i32.and (i32.xor (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)) (local.get 3))))
  (func (export "select_bit_mask_first") (param i32 i32 i32 i32) (result i32)
    (select (i32.const 111) (i32.const 222)
      (i32.and (local.get 3) (i32.xor (i32.shr_u (local.get 0) (local.get 1)) (local.get 2)))))
  ;; CoreMark's crcu8, bit by bit as clang -O2 writes it (unrolled): CRC-16 0xA001
  (func (export "crc8") (param $data i32) (param $crc i32) (result i32) (local $t i32) (local $i i32)
    (local.set $data (i32.and (local.get $data) (i32.const 255)))
    (loop $bit
      (local.set $crc
        (select
          (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
                   (i32.const -24575))
          (local.get $t)
          (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1))))
      (br_if $bit (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 8))))
    (local.get $crc))
  ;; one bit step, select(t ^ k, t, bit): i32.shr_u_and_xor_select
  (func (export "step") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (select
      (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
               (i32.const -24575))
      (local.get $t)
      (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1))))
  ;; the values the other way, select(t, t ^ k, bit): the two instructions
  (func (export "step_swap") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (select
      (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
      (i32.xor (local.get $t) (i32.const -24575))
      (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1))))
  ;; t ^ k kept in a local, read again: the two instructions
  (func (export "step_kept") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32) (local $x i32)
    (i32.add
      (select
        (local.tee $x (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
                               (i32.const -24575)))
        (local.get $t)
        (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1)))
      (i32.shl (local.get $x) (i32.const 16))))
  ;; t ^ t, the xor's operand the t just written: 0 or t
  (func (export "step_self") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (select
      (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
               (local.get $t))
      (local.get $t)
      (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1))))
  ;; select(t ^ k, crc, bit), crc not t: the two instructions
  (func (export "step_other") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (i32.add
      (select
        (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
                 (i32.const -24575))
        (local.get $crc)
        (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1)))
      (local.get $t)))
  ;; t ^ k added to select(crc, t, bit): the select does not read t ^ k
  (func (export "step_add") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (i32.add
      (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
               (i32.const -24575))
      (select
        (local.get $crc)
        (local.get $t)
        (i32.and (i32.xor (i32.shr_u (local.get $data) (local.get $i)) (local.get $crc)) (i32.const 1)))))
  ;; an add between the two (the bit tested of data + 2): the two instructions
  (func (export "step_apart") (param $data i32) (param $crc i32) (param $i i32) (param i32) (result i32) (local $t i32)
    (select
      (i32.xor (local.tee $t (i32.and (i32.shr_u (local.get $crc) (i32.const 1)) (i32.const 32767)))
               (i32.const -24575))
      (local.get $t)
      (i32.and (i32.xor (i32.shr_u (i32.add (local.get $data) (i32.const 2)) (local.get $i)) (local.get $crc)) (i32.const 1)))))
