;; Calls to forwarders: functions whose body is only a call with their params in order
;; (wasi-libc's malloc and free are). The compiler calls the end of the chain directly
;; (WM_CONFIG_FUSED_OPS); the near misses must stay calls of their own.
(module
  (import "env" "host" (func $host (param i32) (result i32)))           ;; 0
  (func $sub (param i32 i32) (result i32)                                ;; 1
    local.get 0 local.get 1 i32.sub)
  (func $fwd (param i32 i32) (result i32)                                ;; 2: forwards to 1
    local.get 0 local.get 1 call $sub)
  (func $fwd2 (param i32 i32) (result i32)                               ;; 3: to 2, so to 1
    local.get 0 local.get 1 call $fwd)
  (func $swap (param i32 i32) (result i32)                               ;; 4: params swapped
    local.get 1 local.get 0 call $sub)
  (func $one (param i32) (result i32)                                    ;; 5
    local.get 0 i32.const 100 i32.add)
  (func $first (param i32 i32) (result i32)                              ;; 6: one param of two
    local.get 0 call $one)
  (func $withlocal (param i32 i32) (result i32) (local i32)              ;; 7: a local, unread
    local.get 0 local.get 1 call $sub)
  (func $toimp (param i32) (result i32)                                  ;; 8: to the import
    local.get 0 call $host)
  (func $loop_a (param i32) (result i32)                                 ;; 9: a cycle
    local.get 0 call $loop_b)
  (func $loop_b (param i32) (result i32)                                 ;; 10
    local.get 0 call $loop_a)
  (func $div (param i32 i32) (result i32)                                ;; 11: traps on 0
    local.get 0 local.get 1 i32.div_u)
  (func $fwddiv (param i32 i32) (result i32)                             ;; 12: to 11
    local.get 0 local.get 1 call $div)
  (func $fwddiv2 (param i32 i32) (result i32)                            ;; 13: to 12, so to 11
    local.get 0 local.get 1 call $fwddiv)
  (func $nop (param i32 i32)                                             ;; 14: no result
    local.get 0 local.get 1 i32.store)
  (func $fwdnop (param i32 i32)                                          ;; 15: to 14
    local.get 0 local.get 1 call $nop)
  (memory 1)
  (func (export "fwd") (param i32 i32) (result i32)                      ;; 16
    local.get 0 local.get 1 call $fwd2 i32.const 1 i32.add)
  (func (export "swap") (param i32 i32) (result i32)                     ;; 17
    local.get 0 local.get 1 call $swap i32.const 1 i32.add)
  (func (export "first") (param i32 i32) (result i32)                    ;; 18
    local.get 0 local.get 1 call $first i32.const 1 i32.add)
  (func (export "withlocal") (param i32 i32) (result i32)                ;; 19
    local.get 0 local.get 1 call $withlocal i32.const 1 i32.add)
  (func (export "imp") (param i32) (result i32)                          ;; 20
    local.get 0 call $toimp i32.const 1 i32.add)
  (func (export "cycle") (param i32) (result i32)                        ;; 21
    local.get 0 call $loop_a i32.const 1 i32.add)
  (func (export "divide") (param i32 i32) (result i32)                   ;; 22
    local.get 0 local.get 1 call $fwddiv2 i32.const 1 i32.add)
  (func (export "store") (param i32 i32) (result i32)                    ;; 23
    local.get 0 local.get 1 call $fwdnop local.get 0 i32.load)
  (export "forwarder" (func $fwd)))
