/* `wasmcu dump`: a module as a C header whose array is static const, so the linker keeps it
 * in flash instead of copying it to RAM. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "file.h"

static const char *const dump_usage =
    "usage: wasmcu dump -o app_wasm.h -n app_wasm app.wasm\n"
    "Writes app.wasm as `static const unsigned char app_wasm[]` plus `app_wasm_len`\n"
    "(-o - writes to standard output; -n defaults to a name made from the file name).\n";

static int valid_ident(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9')) return 0;
    for (; *s; s++)
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

int wasmcu_cli_dump(int argc, char **argv)
{
    const char *out = NULL, *name = NULL, *in = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) { fputs(dump_usage, stdout); return 0; }
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "-n") == 0) && i + 1 < argc) {
            if (argv[i][1] == 'o') out = argv[++i];
            else name = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "wasmcu dump: unknown option %s\n%s", argv[i], dump_usage);
            return 2;
        } else if (!in) {
            in = argv[i];
        } else {
            fprintf(stderr, "wasmcu dump: more than one input file\n%s", dump_usage);
            return 2;
        }
    }
    if (!in || !out) {
        fprintf(stderr, "wasmcu dump: %s\n%s", in ? "no output file (-o)" : "no input file", dump_usage);
        return 2;
    }
    char made[256];
    if (!name) {
        const char *base = strrchr(in, '/') ? strrchr(in, '/') + 1 : in;
        size_t k = 0;
        for (; base[k] && k + 1 < sizeof made; k++) {
            char c = base[k];
            made[k] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
        }
        made[k] = 0;
        name = made;
    }
    if (!valid_ident(name)) {
        fprintf(stderr, "wasmcu dump: -n %s is not a C identifier (letters, digits, _; not starting with a digit)\n", name);
        return 2;
    }
    size_t len;
    unsigned char *bytes = wasmcu_read_file(in, &len);
    if (!bytes) {
        fprintf(stderr, "wasmcu dump: cannot read %s: %s\n", in, strerror(errno));
        return 1;
    }
    FILE *f = strcmp(out, "-") == 0 ? stdout : fopen(out, "w");
    if (!f) {
        fprintf(stderr, "wasmcu dump: cannot write %s: %s\n", out, strerror(errno));
        free(bytes);
        return 1;
    }
    fprintf(f, "/* %s as a C array, made by `wasmcu dump`. static const keeps it in flash. */\n", in);
    fprintf(f, "#ifndef %s_H\n#define %s_H\n\n", name, name);
    fprintf(f, "static const unsigned char %s[] = {", name);
    for (size_t i = 0; i < len; i++) fprintf(f, "%s0x%02x,", i % 12 ? " " : "\n    ", bytes[i]);
    fprintf(f, "\n};\nstatic const unsigned int %s_len = %zu;\n\n#endif\n", name, len);
    int bad = ferror(f);
    if (f != stdout) bad |= fclose(f) != 0;
    free(bytes);
    if (bad) {
        fprintf(stderr, "wasmcu dump: error writing %s\n", out);
        return 1;
    }
    return 0;
}
