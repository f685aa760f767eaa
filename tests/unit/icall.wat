(module
  ;; call_indirect on an index a load just read, a function pointer from memory (p->fn(),
  ;; table[i]()): the call reads it itself (call_indirect_load, call_indirect_load_shl_add)
  (type $bin (func (param i32 i32) (result i32)))
  (type $quad (func (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (table 6 funcref)
  ;; 0 add, 1 sub, 2 mul, 3 null, 4 mix (another type), 5 quad
  (elem (i32.const 0) $add $sub $mul)
  (elem (i32.const 4) $mix $quad)
  ;; the pointers at 64: 0, 1, 2, 3, 4, 7 (past the table), 5
  (data (i32.const 64) "\00\00\00\00\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00\07\00\00\00\05\00\00\00")
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
  (func $mix (param i32 i32) (result i64) (i64.const 1))
  (func $quad (type $quad)
    (i32.add (i32.sub (local.get 0) (local.get 1)) (i32.mul (local.get 2) (local.get 3))))
  ;; table[k](a, b), the pointer at 64 + 4k: the address a shl and an add
  (func (export "pick") (param i32 i32 i32) (result i32)
    (call_indirect (type $bin) (local.get 0) (local.get 1)
      (i32.load (i32.add (i32.shl (local.get 2) (i32.const 2)) (i32.const 64)))))
  ;; p->fn(a, b), the pointer at p + 4
  (func (export "ptr") (param i32 i32 i32) (result i32)
    (call_indirect (type $bin) (local.get 0) (local.get 1) (i32.load offset=4 (local.get 2))))
  ;; an argument computed in place, the other copied
  (func (export "computed") (param i32 i32 i32) (result i32)
    (call_indirect (type $bin) (i32.add (local.get 0) (i32.const 1)) (local.get 1)
      (i32.load offset=4 (local.get 2))))
  ;; four arguments copied, so the call's code starts past where the load's was
  (func (export "four") (param i32 i32 i32 i32 i32) (result i32)
    (call_indirect (type $quad) (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (i32.load (i32.add (i32.shl (local.get 4) (i32.const 2)) (i32.const 64)))))
  ;; the pointer's address is also an argument
  (func (export "self") (param i32) (result i32)
    (call_indirect (type $bin) (local.get 0) (local.get 0) (i32.load offset=64 (local.get 0))))
  ;; an argument of 128 constants (the last 96 xor to 0), every constant slot taken (the most
  ;; WM_CONFIG_CONST_SLOTS is): no slot for a plain load's 0,
  ;; so the load and the call stay two instructions
  (func (export "full") (param i32 i32 i32) (result i32)
    (call_indirect (type $bin) (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.xor (i32.const 1073741825) (i32.const 1073741826)) (i32.const 1073741828)) (i32.const 1073741832)) (i32.const 1073741840)) (i32.const 1073741856)) (i32.const 1073741888)) (i32.const 1073741952)) (i32.const 1073742080)) (i32.const 1073742336)) (i32.const 1073742848)) (i32.const 1073743872)) (i32.const 1073745920)) (i32.const 1073750016)) (i32.const 1073758208)) (i32.const 1073774592)) (i32.const 1073807360)) (i32.const 1073872896)) (i32.const 1074003968)) (i32.const 1074266112)) (i32.const 1074790400)) (i32.const 1075838976)) (i32.const 1077936128)) (i32.const 1082130432)) (i32.const 1090519040)) (i32.const 1107296256)) (i32.const 1140850688)) (i32.const 1207959552)) (i32.const 1342177280)) (i32.const 1610612736)) (i32.const 1073741824)) (i32.const -1073741824)) (i32.const 1)) (i32.const 2)) (i32.const 3)) (i32.const 4)) (i32.const 5)) (i32.const 6)) (i32.const 7)) (i32.const 8)) (i32.const 9)) (i32.const 10)) (i32.const 11)) (i32.const 12)) (i32.const 13)) (i32.const 14)) (i32.const 15)) (i32.const 16)) (i32.const 17)) (i32.const 18)) (i32.const 19)) (i32.const 20)) (i32.const 21)) (i32.const 22)) (i32.const 23)) (i32.const 24)) (i32.const 25)) (i32.const 26)) (i32.const 27)) (i32.const 28)) (i32.const 29)) (i32.const 30)) (i32.const 32)) (i32.const 63)) (i32.const 4096)) (i32.const 4097)) (i32.const 4098)) (i32.const 4099)) (i32.const 4100)) (i32.const 4101)) (i32.const 4102)) (i32.const 4103)) (i32.const 4104)) (i32.const 4105)) (i32.const 4106)) (i32.const 4107)) (i32.const 4108)) (i32.const 4109)) (i32.const 4110)) (i32.const 4111)) (i32.const 4112)) (i32.const 4113)) (i32.const 4114)) (i32.const 4115)) (i32.const 4116)) (i32.const 4117)) (i32.const 4118)) (i32.const 4119)) (i32.const 4120)) (i32.const 4121)) (i32.const 4122)) (i32.const 4123)) (i32.const 4124)) (i32.const 4125)) (i32.const 4126)) (i32.const 4127)) (i32.const 4128)) (i32.const 4129)) (i32.const 4130)) (i32.const 4131)) (i32.const 4132)) (i32.const 4133)) (i32.const 4134)) (i32.const 4135)) (i32.const 4136)) (i32.const 4137)) (i32.const 4138)) (i32.const 4139)) (i32.const 4140)) (i32.const 4141)) (i32.const 4142)) (i32.const 4143)) (i32.const 4144)) (i32.const 4145)) (i32.const 4146)) (i32.const 4147)) (i32.const 4148)) (i32.const 4149)) (i32.const 4150)) (i32.const 4151)) (i32.const 4152)) (i32.const 4153)) (i32.const 4154)) (i32.const 4155)) (i32.const 4156)) (i32.const 4157)) (i32.const 4158)) (i32.const 4159)) (local.get 1)
      (i32.load offset=4 (local.get 2)))))
