/* A small RAM file system for devices, behind WASI's backend operations: files and
 * directories live in one buffer the firmware hands over (nodes, a block chain table and
 * 256-byte data blocks, FAT-like), so nothing is allocated and nothing touches the OS.
 * stdio, clocks, random and sleep are the console backend's (handles 0, 1, 2).
 *
 * The sandbox is structural: a path is walked one component at a time from the handle's
 * directory, ".." may only pop what the walk itself entered, absolute paths are refused,
 * and there are no symlinks, so nothing outside the handle's subtree can be named.
 * Hard links and symlinks are not kept (ENOTSUP): a node has exactly one name. */
#include <stddef.h>
#include <string.h>
#include "wasi_abi.h"
#include "wasmcu.h"

#define NAME_MAX_ 32      /* bytes of a name, NUL included */
#define BLOCK 256u        /* bytes of a data block */
#define HANDLES 16        /* open files and directories, the root's included */
#define HANDLE_BASE 16    /* handle numbers start here, clear of stdio's 0, 1, 2 */
#define MAX_DEPTH 64      /* directories a walk may enter */
#define NIL 0xFFFFu       /* no node / the end of a block chain */
#define FREE 0xFFFEu      /* a block nobody uses */

typedef struct rnode {
    uint8_t used, dir, orphan; /* orphan: unlinked while open, freed at the last close */
    uint16_t parent, first;    /* first data block or NIL */
    uint64_t size, atim, mtim;
    char name[NAME_MAX_];
} rnode;

typedef struct rhandle {
    uint8_t used, append;
    uint16_t node;
    uint64_t pos;
} rhandle;

struct wasmcu_wasi_ramfs {
    const wasmcu_wasi_console *con;
    uint32_t nnodes, nblocks;
    rnode *nodes; /* nodes[0] is the root */
    uint16_t *next;
    uint8_t *data;
    rhandle h[HANDLES]; /* h[0] is the root's, for the preopen */
};

typedef struct wasmcu_wasi_ramfs ramfs;

static uint64_t now(ramfs *fs)
{
    return fs->con && fs->con->realtime_ns ? fs->con->realtime_ns() : 0;
}

wasmcu_wasi_ramfs *wasmcu_wasi_ramfs_init(void *mem, size_t n, const wasmcu_wasi_console *con)
{
    uintptr_t at = (uintptr_t)mem, end = at + n, align = _Alignof(max_align_t);
    at = (at + align - 1) / align * align;
    if (!mem || end < at || end - at < sizeof(ramfs) + 4 * sizeof(rnode) + 4 * (BLOCK + 2)) return NULL;
    ramfs *fs = (ramfs *)at;
    memset(fs, 0, sizeof *fs);
    fs->con = con;
    size_t left = end - at - sizeof *fs;
    /* a node for every 2 KiB, at least 4: small files are the common case on a device */
    size_t nn = left / 2048 + 4;
    if (nn > 4096) nn = 4096;
    size_t nb = (left - nn * sizeof(rnode)) / (BLOCK + 2);
    if (nb > FREE) nb = FREE;
    fs->nnodes = (uint32_t)nn, fs->nblocks = (uint32_t)nb;
    fs->nodes = (rnode *)(fs + 1);
    fs->next = (uint16_t *)(fs->nodes + nn);
    fs->data = (uint8_t *)(fs->next + nb);
    memset(fs->nodes, 0, nn * sizeof(rnode));
    for (size_t i = 0; i < nb; i++) fs->next[i] = FREE;
    fs->nodes[0].used = fs->nodes[0].dir = 1;
    fs->nodes[0].parent = NIL, fs->nodes[0].first = NIL;
    fs->nodes[0].atim = fs->nodes[0].mtim = now(fs);
    fs->h[0].used = 1, fs->h[0].node = 0;
    return fs;
}

int32_t wasmcu_wasi_ramfs_root(wasmcu_wasi_ramfs *fs) { (void)fs; return HANDLE_BASE; }

static int r_close(void *ctx, int32_t h);

void wasmcu_wasi_ramfs_close_all(wasmcu_wasi_ramfs *fs)
{
    for (int i = 1; i < HANDLES; i++)
        if (fs->h[i].used) r_close(fs, HANDLE_BASE + i);
}

/* ---- blocks --------------------------------------------------------------------------- */

/* The block holding byte `pos` of node, or NIL; with grow, missing blocks are allocated
 * (zeroed) up to it, and NIL then means the file system is full. */
static uint16_t block_at(ramfs *fs, rnode *nd, uint64_t pos, int grow)
{
    uint64_t k = pos / BLOCK;
    uint16_t *link = &nd->first;
    uint32_t scan = 0;
    for (;;) {
        if (*link == NIL) {
            if (!grow) return NIL;
            while (scan < fs->nblocks && fs->next[scan] != FREE) scan++;
            if (scan == fs->nblocks) return NIL;
            fs->next[scan] = NIL;
            memset(fs->data + (size_t)scan * BLOCK, 0, BLOCK);
            *link = (uint16_t)scan;
        }
        if (k-- == 0) return *link;
        link = &fs->next[*link];
    }
}

/* Sets the size; blocks past it are freed and the tail of the last one zeroed, so bytes a
 * later growth exposes read as zeros. */
static void truncate_to(ramfs *fs, rnode *nd, uint64_t size)
{
    if (size < nd->size) {
        uint64_t keep = (size + BLOCK - 1) / BLOCK;
        uint16_t *link = &nd->first;
        for (uint64_t i = 0; i < keep && *link != NIL; i++) link = &fs->next[*link];
        uint16_t b = *link;
        *link = NIL;
        while (b != NIL) {
            uint16_t nx = fs->next[b];
            fs->next[b] = FREE;
            b = nx;
        }
        if (size % BLOCK) {
            uint16_t last = block_at(fs, nd, size, 0);
            if (last != NIL) memset(fs->data + (size_t)last * BLOCK + size % BLOCK, 0, BLOCK - size % BLOCK);
        }
    }
    nd->size = size;
}

/* Moves n bytes between buf and the node at pos; missing blocks read as zeros. */
static int transfer(ramfs *fs, rnode *nd, uint8_t *buf, uint32_t n, uint64_t pos, int writing,
                    uint32_t *done)
{
    *done = 0;
    if (!writing) {
        if (pos >= nd->size) return 0;
        if (n > nd->size - pos) n = (uint32_t)(nd->size - pos);
    }
    while (*done < n) {
        uint64_t p = pos + *done;
        uint32_t off = (uint32_t)(p % BLOCK), chunk = BLOCK - off;
        if (chunk > n - *done) chunk = n - *done;
        uint16_t b = block_at(fs, nd, p, writing);
        if (writing) {
            if (b == NIL) break; /* full: a short write, or ENOSPC if nothing fit */
            memcpy(fs->data + (size_t)b * BLOCK + off, buf + *done, chunk);
        } else if (b == NIL) {
            memset(buf + *done, 0, chunk);
        } else {
            memcpy(buf + *done, fs->data + (size_t)b * BLOCK + off, chunk);
        }
        *done += chunk;
    }
    if (writing && *done == 0 && n) return WASI_ENOSPC;
    if (writing && pos + *done > nd->size) nd->size = pos + *done;
    if (writing && *done) nd->mtim = now(fs);
    return 0;
}

/* ---- names and walks ------------------------------------------------------------------- */

static uint16_t child(ramfs *fs, uint16_t dir, const char *name)
{
    for (uint32_t i = 1; i < fs->nnodes; i++) {
        const rnode *nd = &fs->nodes[i];
        if (nd->used && !nd->orphan && nd->parent == dir && strcmp(nd->name, name) == 0) return (uint16_t)i;
    }
    return NIL;
}

/* The result of a walk: the directory holding the final name, and the name ("" when the
 * path names that directory itself, as "." or "a/.." do). */
typedef struct where {
    uint16_t dir;
    char name[NAME_MAX_];
    int slash; /* written with a trailing slash: must be a directory */
} where;

static int walk(ramfs *fs, uint16_t start, const char *path, uint32_t len, where *w)
{
    uint16_t stack[MAX_DEPTH];
    uint32_t depth = 0, i = 0;
    stack[0] = start;
    w->name[0] = 0;
    w->slash = 0;
    if (len == 0) return WASI_ENOENT;
    if (path[0] == '/') return WASI_ENOTCAPABLE; /* absolute: outside every handle */
    while (i < len) {
        uint32_t s = i;
        while (i < len && path[i] != '/') i++;
        uint32_t n = i - s;
        while (i < len && path[i] == '/') i++;
        int final = i == len;
        if (final && i > s + n) w->slash = 1;
        if (n >= NAME_MAX_) return WASI_ENAMETOOLONG;
        char comp[NAME_MAX_];
        memcpy(comp, path + s, n);
        comp[n] = 0;
        w->name[0] = 0;
        if (n == 0 || strcmp(comp, ".") == 0) continue;
        if (strcmp(comp, "..") == 0) {
            if (depth == 0) return WASI_ENOTCAPABLE; /* above the handle's directory */
            depth--;
            continue;
        }
        if (final) {
            memcpy(w->name, comp, n + 1);
            break;
        }
        uint16_t c = child(fs, stack[depth], comp);
        if (c == NIL) return WASI_ENOENT;
        if (!fs->nodes[c].dir) return WASI_ENOTDIR;
        if (depth + 1 >= MAX_DEPTH) return WASI_ENAMETOOLONG;
        stack[++depth] = c;
    }
    w->dir = stack[depth];
    return 0;
}

/* The node a walk ended at, or NIL; checks a trailing slash. */
static int target(ramfs *fs, const where *w, uint16_t *node)
{
    *node = w->name[0] ? child(fs, w->dir, w->name) : w->dir;
    if (*node != NIL && w->slash && !fs->nodes[*node].dir) return WASI_ENOTDIR;
    return 0;
}

static rhandle *handle(ramfs *fs, int32_t h)
{
    if (h < HANDLE_BASE || h >= HANDLE_BASE + HANDLES || !fs->h[h - HANDLE_BASE].used) return NULL;
    return &fs->h[h - HANDLE_BASE];
}

/* The directory a path op starts from. */
static int dir_of(ramfs *fs, int32_t h, uint16_t *dir)
{
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    if (!fs->nodes[r->node].dir) return WASI_ENOTDIR;
    /* a directory removed while open takes no new names: they would outlive it */
    if (fs->nodes[r->node].orphan) return WASI_ENOENT;
    *dir = r->node;
    return 0;
}

static uint16_t new_node(ramfs *fs, uint16_t parent, const char *name, int dir)
{
    for (uint32_t i = 1; i < fs->nnodes; i++) {
        rnode *nd = &fs->nodes[i];
        if (nd->used) continue;
        memset(nd, 0, sizeof *nd);
        nd->used = 1, nd->dir = (uint8_t)dir;
        nd->parent = parent, nd->first = NIL;
        nd->atim = nd->mtim = now(fs);
        strcpy(nd->name, name);
        return (uint16_t)i;
    }
    return NIL;
}

static int is_open(ramfs *fs, uint16_t node)
{
    for (int i = 0; i < HANDLES; i++)
        if (fs->h[i].used && fs->h[i].node == node) return 1;
    return 0;
}

/* Drops a node's name; its bytes go now, or at its last close if it is open. */
static void drop(ramfs *fs, uint16_t node)
{
    rnode *nd = &fs->nodes[node];
    if (is_open(fs, node)) {
        nd->orphan = 1;
        nd->parent = NIL;
        return;
    }
    truncate_to(fs, nd, 0);
    nd->used = 0;
}

static int empty_dir(ramfs *fs, uint16_t dir)
{
    for (uint32_t i = 1; i < fs->nnodes; i++)
        if (fs->nodes[i].used && !fs->nodes[i].orphan && fs->nodes[i].parent == dir) return 0;
    return 1;
}

/* ---- operations --------------------------------------------------------------------------- */

static int r_clock(void *ctx, uint32_t clock, uint64_t *ns)
{
    ramfs *fs = ctx;
    return wasmcu_wasi_console_ops.clock_time((void *)fs->con, clock, ns);
}
static int r_clock_res(void *ctx, uint32_t clock, uint64_t *ns)
{
    ramfs *fs = ctx;
    return wasmcu_wasi_console_ops.clock_res((void *)fs->con, clock, ns);
}
static int r_random(void *ctx, uint8_t *buf, uint32_t n)
{
    ramfs *fs = ctx;
    return wasmcu_wasi_console_ops.random((void *)fs->con, buf, n);
}
static int r_sleep(void *ctx, uint64_t ns)
{
    ramfs *fs = ctx;
    return wasmcu_wasi_console_ops.sleep((void *)fs->con, ns);
}

static int rw(void *ctx, int32_t h, uint8_t *buf, uint32_t n, int writing, int positioned,
              uint64_t at, uint32_t *done)
{
    ramfs *fs = ctx;
    if (h >= 0 && h < 3) {
        if (positioned) return WASI_ESPIPE;
        return writing ? wasmcu_wasi_console_ops.write((void *)fs->con, h, buf, n, done)
                       : wasmcu_wasi_console_ops.read((void *)fs->con, h, buf, n, done);
    }
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    rnode *nd = &fs->nodes[r->node];
    if (nd->dir) return WASI_EISDIR;
    uint64_t pos = positioned ? at : writing && r->append ? nd->size : r->pos;
    if (pos > UINT64_MAX - n) return WASI_EFBIG;
    int e = transfer(fs, nd, buf, n, pos, writing, done);
    if (!e && !positioned) r->pos = pos + *done;
    return e;
}

static int r_read(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint32_t *got)
{
    return rw(ctx, h, buf, n, 0, 0, 0, got);
}
static int r_write(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint32_t *put)
{
    return rw(ctx, h, (uint8_t *)(uintptr_t)buf, n, 1, 0, 0, put); /* not written to */
}
static int r_pread(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint64_t at, uint32_t *got)
{
    return rw(ctx, h, buf, n, 0, 1, at, got);
}
static int r_pwrite(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint64_t at, uint32_t *put)
{
    return rw(ctx, h, (uint8_t *)(uintptr_t)buf, n, 1, 1, at, put);
}

static int r_seek(void *ctx, int32_t h, int64_t off, uint8_t whence, uint64_t *pos)
{
    ramfs *fs = ctx;
    if (h >= 0 && h < 3) return WASI_ESPIPE;
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    int64_t base = whence == WASI_WHENCE_SET ? 0
                   : whence == WASI_WHENCE_CUR ? (int64_t)r->pos
                                               : (int64_t)fs->nodes[r->node].size;
    if ((off < 0 && base + off < 0) || (off > 0 && base > INT64_MAX - off)) return WASI_EINVAL;
    *pos = r->pos = (uint64_t)(base + off);
    return 0;
}

static int r_close(void *ctx, int32_t h)
{
    ramfs *fs = ctx;
    if (h >= 0 && h < 3) return 0;
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    if (r == &fs->h[0]) return 0; /* the root's handle is the firmware's, for the preopen */
    uint16_t node = r->node;
    r->used = 0;
    if (fs->nodes[node].orphan && !is_open(fs, node)) {
        fs->nodes[node].orphan = 0;
        drop(fs, node);
    }
    return 0;
}

static int r_fdstat(void *ctx, int32_t h, uint8_t *type, uint16_t *flags)
{
    ramfs *fs = ctx;
    if (h >= 0 && h < 3) return wasmcu_wasi_console_ops.fdstat((void *)fs->con, h, type, flags);
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    *type = fs->nodes[r->node].dir ? WASI_FILETYPE_DIRECTORY : WASI_FILETYPE_REGULAR_FILE;
    *flags = r->append ? WASI_FDFLAG_APPEND : 0;
    return 0;
}

static int r_set_fdflags(void *ctx, int32_t h, uint16_t flags)
{
    rhandle *r = handle(ctx, h);
    if (!r) return h >= 0 && h < 3 ? 0 : WASI_EBADF;
    r->append = (flags & WASI_FDFLAG_APPEND) != 0;
    return 0;
}

static void stat_of(ramfs *fs, uint16_t node, wasmcu_wasi_filestat *st)
{
    const rnode *nd = &fs->nodes[node];
    memset(st, 0, sizeof *st);
    st->ino = node + 1u;
    st->nlink = 1;
    st->filetype = nd->dir ? WASI_FILETYPE_DIRECTORY : WASI_FILETYPE_REGULAR_FILE;
    st->size = nd->dir ? 0 : nd->size;
    st->atim = nd->atim, st->mtim = st->ctim = nd->mtim;
}

static int r_filestat(void *ctx, int32_t h, wasmcu_wasi_filestat *st)
{
    ramfs *fs = ctx;
    if (h >= 0 && h < 3) return wasmcu_wasi_console_ops.filestat((void *)fs->con, h, st);
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    stat_of(fs, r->node, st);
    return 0;
}

static int r_set_size(void *ctx, int32_t h, uint64_t size)
{
    ramfs *fs = ctx;
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    rnode *nd = &fs->nodes[r->node];
    if (nd->dir) return WASI_EISDIR;
    truncate_to(fs, nd, size);
    nd->mtim = now(fs);
    return 0;
}

static void set_times(ramfs *fs, rnode *nd, uint64_t atim, uint64_t mtim, uint16_t fst)
{
    uint64_t t = now(fs);
    if (fst & WASI_FST_ATIM) nd->atim = atim;
    if (fst & WASI_FST_ATIM_NOW) nd->atim = t;
    if (fst & WASI_FST_MTIM) nd->mtim = mtim;
    if (fst & WASI_FST_MTIM_NOW) nd->mtim = t;
}

static int r_set_times(void *ctx, int32_t h, uint64_t atim, uint64_t mtim, uint16_t fst)
{
    ramfs *fs = ctx;
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    set_times(fs, &fs->nodes[r->node], atim, mtim, fst);
    return 0;
}

/* Space is reserved for real: every block up to off+len is allocated now. */
static int r_allocate(void *ctx, int32_t h, uint64_t off, uint64_t len)
{
    ramfs *fs = ctx;
    rhandle *r = handle(fs, h);
    if (!r) return WASI_EBADF;
    rnode *nd = &fs->nodes[r->node];
    if (nd->dir) return WASI_EISDIR;
    if (len == 0 || off > UINT64_MAX - len) return WASI_EINVAL;
    for (uint64_t p = off / BLOCK * BLOCK; p < off + len; p += BLOCK)
        if (block_at(fs, nd, p, 1) == NIL) return WASI_ENOSPC;
    if (off + len > nd->size) nd->size = off + len;
    return 0;
}

/* Entries in node order; the cookie is the index to look from. No "." or "..". */
static int r_readdir(void *ctx, int32_t h, uint64_t cookie, uint64_t *next, uint64_t *ino,
                     uint8_t *type, char *name, uint32_t cap, uint32_t *len)
{
    ramfs *fs = ctx;
    rhandle *r = handle(fs, h);
    *len = 0;
    if (!r) return WASI_EBADF;
    for (uint64_t i = cookie ? cookie : 1; i < fs->nnodes; i++) {
        const rnode *nd = &fs->nodes[i];
        if (!nd->used || nd->orphan || nd->parent != r->node) continue;
        size_t n = strlen(nd->name);
        if (n > cap) n = cap;
        memcpy(name, nd->name, n);
        *len = (uint32_t)n;
        *next = i + 1, *ino = i + 1;
        *type = nd->dir ? WASI_FILETYPE_DIRECTORY : WASI_FILETYPE_REGULAR_FILE;
        return 0;
    }
    return 0;
}

static int r_open(void *ctx, int32_t dirh, const char *path, uint32_t len, int follow,
                  uint16_t oflags, uint16_t fdflags, int writable, int32_t *out)
{
    ramfs *fs = ctx;
    uint16_t dir, node;
    where w;
    (void)follow; /* no symlinks to follow */
    int e = dir_of(fs, dirh, &dir);
    if (!e) e = walk(fs, dir, path, len, &w);
    if (!e) e = target(fs, &w, &node);
    if (e) return e;
    int slot = 1;
    while (slot < HANDLES && fs->h[slot].used) slot++;
    if (slot == HANDLES) return WASI_ENFILE;
    if (node == NIL) {
        if (!(oflags & WASI_O_CREAT)) return WASI_ENOENT;
        if (w.slash || (oflags & WASI_O_DIRECTORY)) return WASI_EISDIR; /* can't create a dir so */
        if ((node = new_node(fs, w.dir, w.name, 0)) == NIL) return WASI_ENOSPC;
    } else if ((oflags & WASI_O_CREAT) && (oflags & WASI_O_EXCL)) {
        return WASI_EEXIST;
    }
    rnode *nd = &fs->nodes[node];
    if ((oflags & WASI_O_DIRECTORY) && !nd->dir) return WASI_ENOTDIR;
    if (nd->dir && (writable || (oflags & WASI_O_TRUNC))) return WASI_EISDIR; /* as open(2) */
    if (oflags & WASI_O_TRUNC) truncate_to(fs, nd, 0), nd->mtim = now(fs);
    rhandle *r = &fs->h[slot];
    r->used = 1, r->node = node, r->pos = 0;
    r->append = (fdflags & WASI_FDFLAG_APPEND) != 0;
    *out = HANDLE_BASE + slot;
    return 0;
}

/* Walks to the node named by path (must exist). */
static int find(ramfs *fs, int32_t dirh, const char *path, uint32_t len, where *w, uint16_t *node)
{
    uint16_t dir;
    int e = dir_of(fs, dirh, &dir);
    if (!e) e = walk(fs, dir, path, len, w);
    if (!e) e = target(fs, w, node);
    if (!e && *node == NIL) e = WASI_ENOENT;
    return e;
}

static int r_stat(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                  wasmcu_wasi_filestat *st)
{
    ramfs *fs = ctx;
    where w;
    uint16_t node;
    (void)follow;
    int e = find(fs, dir, path, len, &w, &node);
    if (!e) stat_of(fs, node, st);
    return e;
}

static int r_utimes(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                    uint64_t atim, uint64_t mtim, uint16_t fst)
{
    ramfs *fs = ctx;
    where w;
    uint16_t node;
    (void)follow;
    int e = find(fs, dir, path, len, &w, &node);
    if (!e) set_times(fs, &fs->nodes[node], atim, mtim, fst);
    return e;
}

static int r_mkdir(void *ctx, int32_t dirh, const char *path, uint32_t len)
{
    ramfs *fs = ctx;
    uint16_t dir, node;
    where w;
    int e = dir_of(fs, dirh, &dir);
    if (!e) e = walk(fs, dir, path, len, &w);
    if (e) return e;
    if (!w.name[0] || child(fs, w.dir, w.name) != NIL) return WASI_EEXIST;
    node = new_node(fs, w.dir, w.name, 1);
    return node == NIL ? WASI_ENOSPC : 0;
}

static int r_rmdir(void *ctx, int32_t dir, const char *path, uint32_t len)
{
    ramfs *fs = ctx;
    where w;
    uint16_t node;
    int e = find(fs, dir, path, len, &w, &node);
    if (e) return e;
    if (!w.name[0]) return WASI_EINVAL; /* "." or the handle's own directory */
    if (!fs->nodes[node].dir) return WASI_ENOTDIR;
    if (!empty_dir(fs, node)) return WASI_ENOTEMPTY;
    drop(fs, node);
    return 0;
}

static int r_unlink(void *ctx, int32_t dir, const char *path, uint32_t len)
{
    ramfs *fs = ctx;
    where w;
    uint16_t node;
    int e = find(fs, dir, path, len, &w, &node);
    if (e) return e;
    if (fs->nodes[node].dir) return WASI_EISDIR;
    drop(fs, node);
    return 0;
}

static int r_rename(void *ctx, int32_t dirh, const char *path, uint32_t len, int32_t to_dir,
                    const char *to, uint32_t to_len)
{
    ramfs *fs = ctx;
    where w, w2;
    uint16_t node, dir2, old;
    int e = find(fs, dirh, path, len, &w, &node);
    if (!e) e = dir_of(fs, to_dir, &dir2);
    if (!e) e = walk(fs, dir2, to, to_len, &w2);
    if (!e) e = target(fs, &w2, &old);
    if (e) return e;
    if (!w.name[0] || !w2.name[0]) return WASI_EBUSY; /* a handle's own directory */
    rnode *nd = &fs->nodes[node];
    if (w2.slash && !nd->dir) return WASI_ENOTDIR;
    /* a directory can't move below itself */
    for (uint16_t p = w2.dir; p != NIL; p = fs->nodes[p].parent)
        if (p == node) return WASI_EINVAL;
    if (old == node) return 0;
    if (old != NIL) {
        if (nd->dir && !fs->nodes[old].dir) return WASI_ENOTDIR;
        if (!nd->dir && fs->nodes[old].dir) return WASI_EISDIR;
        if (fs->nodes[old].dir && !empty_dir(fs, old)) return WASI_ENOTEMPTY;
        drop(fs, old);
    }
    nd->parent = w2.dir;
    strcpy(nd->name, w2.name);
    return 0;
}

/* A node has exactly one name here: hard links and symlinks are not kept. */
static int r_link(void *ctx, int32_t d, const char *p, uint32_t l, int follow, int32_t d2,
                  const char *t, uint32_t tl)
{
    (void)ctx, (void)d, (void)p, (void)l, (void)follow, (void)d2, (void)t, (void)tl;
    return WASI_ENOTSUP;
}

static int r_symlink(void *ctx, const char *t, uint32_t tl, int32_t d, const char *p, uint32_t l)
{
    (void)ctx, (void)t, (void)tl, (void)d, (void)p, (void)l;
    return WASI_ENOTSUP;
}

static int r_readlink(void *ctx, int32_t dir, const char *path, uint32_t len, char *buf,
                      uint32_t cap, uint32_t *used)
{
    ramfs *fs = ctx;
    where w;
    uint16_t node;
    (void)buf, (void)cap, (void)used;
    int e = find(fs, dir, path, len, &w, &node);
    return e ? e : WASI_EINVAL; /* it exists and is not a symlink */
}

static int r_ready(void *ctx, int32_t h, int for_write, uint64_t *nbytes)
{
    ramfs *fs = ctx;
    rhandle *r = handle(fs, h);
    (void)for_write;
    *nbytes = 0;
    if (r && !fs->nodes[r->node].dir && fs->nodes[r->node].size > r->pos)
        *nbytes = fs->nodes[r->node].size - r->pos;
    return 0;
}

const wasmcu_wasi_ops wasmcu_wasi_ramfs_ops = {
    .clock_time = r_clock, .clock_res = r_clock_res, .random = r_random, .sleep = r_sleep,
    .read = r_read, .write = r_write, .pread = r_pread, .pwrite = r_pwrite, .seek = r_seek,
    .close = r_close, .fdstat = r_fdstat, .set_fdflags = r_set_fdflags,
    .filestat = r_filestat, .set_size = r_set_size, .set_times = r_set_times,
    .allocate = r_allocate, .readdir = r_readdir, .open = r_open, .stat = r_stat,
    .utimes = r_utimes, .mkdir = r_mkdir, .rmdir = r_rmdir, .unlink = r_unlink,
    .rename = r_rename, .link = r_link, .symlink = r_symlink, .readlink = r_readlink,
    .ready = r_ready,
};
