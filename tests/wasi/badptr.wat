;; Bad pointers and lengths handed to WASI: each call must return EFAULT (21), never touch
;; host memory. check() returns the count of calls that did NOT return 21.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory 1)
  (func $not21 (param i32) (result i32) (i32.ne (local.get 0) (i32.const 21)))
  (func (export "check") (result i32)
    ;; an iovec array past the end of memory
    (call $not21 (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 0)))
    ;; an iovec whose buffer runs past the end: {buf = 65000, len = 1000} at 16
    (i32.store (i32.const 16) (i32.const 65000))
    (i32.store (i32.const 20) (i32.const 1000))
    (i32.add (call $not21 (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 0))))
    ;; the result pointer past the end
    (i32.store (i32.const 16) (i32.const 100))
    (i32.store (i32.const 20) (i32.const 0))
    (i32.add (call $not21 (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 65535))))
    (i32.add (call $not21 (call $args_sizes_get (i32.const -1) (i32.const 0))))
    ;; a length that wraps around the address space
    (i32.add (call $not21 (call $random_get (i32.const 8) (i32.const -4))))
    ;; a path past the end (fd 3 is the preopen)
    (i32.add (call $not21 (call $path_open (i32.const 3) (i32.const 0) (i32.const 65530) (i32.const 100)
                                           (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))))))
