;; poll_oneoff with clock ids outside the witx's four: each must come back as an event with
;; EINVAL (28), never reach the host's clock table. check() returns the number of wrong answers.
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  ;; subscription i at 48*i: userdata = i+1, tag 0 (clock), clock id, timeout, flags
  (func $clock (param $i i32) (param $id i32) (param $abs i32)
    (local $s i32)
    (local.set $s (i32.mul (local.get $i) (i32.const 48)))
    (i64.store (local.get $s) (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))
    (i32.store8 offset=8 (local.get $s) (i32.const 0))
    (i32.store offset=16 (local.get $s) (local.get $id))
    (i64.store offset=24 (local.get $s) (i64.const 1000))
    (i32.store16 offset=40 (local.get $s) (local.get $abs)))
  (func $wrong (param $cond i32) (result i32) (i32.eqz (local.get $cond)))
  (func (export "check") (result i32)
    (local $bad i32) (local $e i32)
    (call $clock (i32.const 0) (i32.const 4) (i32.const 0))
    (call $clock (i32.const 1) (i32.const 0x7fffffff) (i32.const 1))
    (call $clock (i32.const 2) (i32.const -1) (i32.const 0))
    (local.set $bad (call $wrong (i32.eqz
      (call $poll (i32.const 0) (i32.const 1024) (i32.const 3) (i32.const 2048)))))
    ;; three events, each EINVAL on a clock event, for userdata 1, 2, 3 in order
    (local.set $bad (i32.add (local.get $bad)
      (call $wrong (i32.eq (i32.load (i32.const 2048)) (i32.const 3)))))
    (local.set $e (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $e) (i32.const 3)))
      (local.set $bad (i32.add (local.get $bad) (call $wrong (i64.eq
        (i64.load offset=1024 (i32.mul (local.get $e) (i32.const 32)))
        (i64.extend_i32_u (i32.add (local.get $e) (i32.const 1)))))))
      (local.set $bad (i32.add (local.get $bad) (call $wrong (i32.eq
        (i32.load16_u offset=1032 (i32.mul (local.get $e) (i32.const 32))) (i32.const 28)))))
      (local.set $bad (i32.add (local.get $bad) (call $wrong (i32.eqz
        (i32.load8_u offset=1034 (i32.mul (local.get $e) (i32.const 32)))))))
      (local.set $e (i32.add (local.get $e) (i32.const 1)))
      (br $next)))
    (local.get $bad)))
