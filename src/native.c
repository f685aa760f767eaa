/* Registration of natives: the signature string is parsed once into a function type, so
 * linking compares types, not strings. */
#include <string.h>
#include "runtime.h"

static int sig_type(char c, wm_valtype *t)
{
    switch (c) {
    case 'i': *t = WASMCU_I32; return 1;
    case 'I': *t = WASMCU_I64; return 1;
    case 'f': *t = WASMCU_F32; return 1;
    case 'F': *t = WASMCU_F64; return 1;
    case 'r': *t = WASMCU_FUNCREF; return 1;
    case 'e': *t = WASMCU_EXTERNREF; return 1;
    default: return 0;
    }
}

wasmcu_err wasmcu_register_native(wasmcu_runtime *rt, const char *module, const char *name,
                                  const char *sig, wasmcu_native_fn fn, void *user)
{
    if (!module || !name || !sig || !fn || sig[0] != '(' || !strchr(sig, ')'))
        return wm_error(rt, WASMCU_ERR_ARG,
                        "bad native %s.%s: signature \"%s\" must look like \"(ii)i\"",
                        module ? module : "?", name ? name : "?", sig ? sig : "");
    size_t n = strlen(sig) - 2; /* every char but the parentheses is one type */
    wm_native *nat = wm_calloc(&rt->alloc, 1, sizeof *nat);
    wm_valtype *types = wm_malloc(&rt->alloc, n ? n : 1);
    if (!nat || !types) {
        wm_free(&rt->alloc, nat);
        wm_free(&rt->alloc, types);
        return wm_error(rt, WASMCU_ERR_OOM, "out of memory registering native %s.%s", module, name);
    }
    const char *close = strchr(sig, ')');
    uint32_t k = 0;
    for (const char *p = sig + 1; *p; p++) {
        if (p == close) continue;
        if (!sig_type(*p, &types[k++])) {
            wm_free(&rt->alloc, nat);
            wm_free(&rt->alloc, types);
            return wm_error(rt, WASMCU_ERR_ARG,
                            "bad native %s.%s: signature \"%s\" has '%c'; use i I f F r e for "
                            "i32 i64 f32 f64 funcref externref", module, name, sig, *p);
        }
    }
    nat->module = module;
    nat->name = name;
    nat->sig = sig;
    nat->type.nparams = (uint32_t)(close - sig - 1);
    nat->type.nresults = k - nat->type.nparams;
    nat->type.types = types;
    nat->fn = fn;
    nat->user = user;
    nat->next = rt->natives;
    rt->natives = nat;
    return WASMCU_OK;
}

void *wasmcu_native_user(wasmcu_call_ctx *ctx) { return ctx->native->user; }
wasmcu_instance *wasmcu_native_instance(wasmcu_call_ctx *ctx) { return ctx->inst; }

void wasmcu_native_set_trap_message(wasmcu_call_ctx *ctx, const char *msg)
{
    size_t n = strlen(msg);
    if (!ctx->trap_msg_len) return;
    if (n >= ctx->trap_msg_len) n = ctx->trap_msg_len - 1;
    memcpy(ctx->trap_msg, msg, n);
    ctx->trap_msg[n] = 0;
}

void wasmcu_native_exit(wasmcu_call_ctx *ctx, int32_t code) { ctx->inst->rt->exit_code = code; }

/* An i32 or f32 sits zero-extended in its 64-bit slot: every instruction writes it so, which
 * lets i64.extend_i32_u compile to nothing (validate.c). Values from outside (a native's
 * results, the embedder's arguments) are brought into that form as they come in. With
 * WM_CONFIG_I32_LOW_HALF only the low half is written, and values going out (a native's
 * arguments, the results the embedder gets) are zero-extended instead. */
void wm_i32s_zero_extended(wasmcu_val *v, const wm_valtype *types, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (types[i] == WASMCU_I32 || types[i] == WASMCU_F32) v[i] = (uint32_t)v[i];
}

/* Called by the interpreter, out of its loop function: a native call is the cold path. */
wasmcu_err wm_call_native(wasmcu_instance *inst, wm_func *f, wasmcu_val *args, wasmcu_val *scratch,
                          char *msg, uint32_t msg_len)
{
    struct wasmcu_call_ctx ctx;
    ctx.inst = f->inst ? f->inst : inst;
    ctx.native = f->native;
    ctx.trap_msg = msg;
    ctx.trap_msg_len = msg_len;
    msg[0] = 0;
    uint32_t nr = f->type->nresults;
    wm_i32s_leaving(args, f->type->types, f->type->nparams);
    /* most natives return one value or none: a store, not a call to memset and memmove */
    if (nr == 1) scratch[0] = 0;
    else memset(scratch, 0, nr * sizeof *scratch);
    wasmcu_err err = f->native->fn(&ctx, args, scratch);
    wm_i32s_zero_extended(scratch, f->type->types + f->type->nparams, nr);
    if (err == WASMCU_OK) {
        if (nr == 1) args[0] = scratch[0];
        else memmove(args, scratch, nr * sizeof *scratch);
    } else if (!WASMCU_IS_TRAP(err)) {
        err = WASMCU_TRAP_HOST;
    }
    return err;
}
