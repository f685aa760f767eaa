;; A native that calls back into the instance that called it (tests/unit/test_reenter.c).
;; The caller's own state must be whole when the native returns: its result count, and
;; the function a trap names.
(module
  (import "env" "again" (func $again (param i32) (result i32)))
  (import "env" "down_again" (func $down_again (param i32) (result i32)))
  ;; what the native calls back: one result, no locals
  (func $inner (export "inner") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  ;; traps after the call back: the backtrace's first frame is this one
  (func $outer (export "outer") (param i32) (result i32)
    local.get 0
    call $again
    drop
    unreachable)
  ;; two results through return after the call back; the locals put the results' slots
  ;; above fp[1], which a copy of one result would leave 0
  (func $pair (export "pair") (param i32) (result i32 i32)
    (local i32 i32)
    local.get 0
    call $again
    local.get 0
    i32.const 9
    i32.add
    return)
;; n calls deep, n back: each return goes to its caller, the last to the embedder
  (func $down (export "down") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $down
      i32.const 1
      i32.add
    end)
  ;; down(n) through a native (down_again), then + 100: the call back's returns end in
  ;; the native, this function's in the embedder
  (func $via (export "via") (param i32) (result i32)
    local.get 0
    call $down_again
    i32.const 100
    i32.add)
  ;; n calls deep, then down(0) through the native: at the deepest a call may go, the call
  ;; back has no frame left
  (func $deep_via (export "deep_via") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
      call $down_again
    else
      local.get 0
      i32.const 1
      i32.sub
      call $deep_via
    end)
)
