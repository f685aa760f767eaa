(module
  (memory 1)
  ;; 16-bit values at 16: 0x1234, 0xFFFE (-2), 0x8000 (-32768), 7
  (data (i32.const 16) "\34\12\fe\ff\00\80\07\00")
  ;; x times a 16-bit load, the load either operand (i32.mul_load16_u / _s)
  (func (export "mul_u") (param i32 i32) (result i32)
    (i32.mul (i32.load16_u offset=2 (local.get 0)) (local.get 1)))
  (func (export "mul_u_r") (param i32 i32) (result i32)
    (i32.mul (local.get 1) (i32.load16_u offset=2 (local.get 0))))
  (func (export "mul_s") (param i32 i32) (result i32)
    (i32.mul (i32.load16_s offset=2 (local.get 0)) (local.get 1)))
  (func (export "mul_s_r") (param i32 i32) (result i32)
    (i32.mul (local.get 1) (i32.load16_s offset=2 (local.get 0))))
  ;; a dot product's step: sum += a[i] * b[i]
  (func (export "dot") (param i32 i32 i32) (result i32) (local i32)
    (loop $l
      (local.set 3 (i32.add (local.get 3)
        (i32.mul (i32.load16_s (local.get 0)) (i32.load16_s (local.get 1)))))
      (local.set 0 (i32.add (local.get 0) (i32.const 2)))
      (local.set 1 (i32.add (local.get 1) (i32.const 2)))
      (br_if $l (local.tee 2 (i32.sub (local.get 2) (i32.const 1)))))
    (local.get 3))
  ;; two 16-bit loads' product (i32.mul2_load16_u / _s): p[1] * q[2]
  (func (export "mul2_u") (param i32 i32) (result i32)
    (i32.mul (i32.load16_u offset=2 (local.get 0)) (i32.load16_u offset=4 (local.get 1))))
  (func (export "mul2_s") (param i32 i32) (result i32)
    (i32.mul (i32.load16_s offset=2 (local.get 0)) (i32.load16_s offset=4 (local.get 1)))))
