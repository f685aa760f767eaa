;; Closes fd 1 (the host's stdout, which the embedder owns), opens a file (it gets the free
;; guest fd 1) and writes "guest" to it. The file must not have taken over the host's stdout:
;; what the CLI prints next (go's results, 0 0) reaches stdout and the file holds only "guest".
(module
  (import "wasi_snapshot_preview1" "fd_close" (func $close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 100) "x.txt")
  (data (i32.const 120) "guest\n")
  (func (export "go") (result i32 i32)
    (local $r i32)
    (local.set $r (call $close (i32.const 1)))
    ;; path_open(fd 3, x.txt, O_CREAT, all rights) -> fd at 200
    (local.set $r (i32.or (local.get $r) (call $open (i32.const 3) (i32.const 0) (i32.const 100)
      (i32.const 5) (i32.const 1) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 200))))
    ;; an iovec {120, 6} at 300; write to the new fd
    (i32.store (i32.const 300) (i32.const 120))
    (i32.store (i32.const 304) (i32.const 6))
    (local.get $r)
    (call $write (i32.load (i32.const 200)) (i32.const 300) (i32.const 1) (i32.const 308))))
