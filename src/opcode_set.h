/* The four 64-bit words of a set of opcodes, as an initializer's body: included once per
 * table, it includes opcodes.def once per word with W_ the word's index, so that the row
 * macros the includer defines (OP and the others it lists) expand to `| WM_BIT_(op)` terms
 * for that word, and WM_SET_MORE (default none) adds terms of its own to each. Read a set
 * with WM_IN_SET (validate_ctx.h). No include guard: each table includes it again. */
#ifndef WM_SET_MORE
#define WM_SET_MORE
#endif
#define W_ 0
    0 WM_SET_MORE
#include "opcodes.def"
#undef W_
#define W_ 1
    , 0 WM_SET_MORE
#include "opcodes.def"
#undef W_
#define W_ 2
    , 0 WM_SET_MORE
#include "opcodes.def"
#undef W_
#define W_ 3
    , 0 WM_SET_MORE
#include "opcodes.def"
#undef W_
#undef WM_SET_MORE
