(module (import "wasi_snapshot_preview1" "no_such_call" (func)) (func (export "_start")))
