/* Recursive-descent JSON parser, enough for wast2json: strings with \u escapes (to UTF-8,
 * surrogate pairs joined), numbers, arrays, objects. */
#include <stdlib.h>
#include <string.h>
#include "json.h"

typedef struct parser {
    const char *p;
    const char *err;
} parser;

static void skip_ws(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t') ps->p++;
}

static int hex4(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static char *parse_string(parser *ps, size_t *len)
{
    const char *s = ++ps->p; /* after the quote */
    size_t cap = 0;
    while (s[cap] && s[cap] != '"') cap += s[cap] == '\\' && s[cap + 1] ? 2 : 1;
    char *out = malloc(cap * 2 + 8), *o = out;
    if (!out) { ps->err = "out of memory"; return NULL; }
    while (*ps->p && *ps->p != '"') {
        char c = *ps->p++;
        if (c != '\\') { *o++ = c; continue; }
        c = *ps->p++;
        switch (c) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned cp, lo;
            if (!hex4(ps->p, &cp)) { ps->err = "bad \\u escape"; free(out); return NULL; }
            ps->p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && ps->p[0] == '\\' && ps->p[1] == 'u' &&
                hex4(ps->p + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            }
            o += put_utf8(o, cp);
            break;
        }
        default: *o++ = c; break;
        }
    }
    if (*ps->p != '"') { ps->err = "unterminated string"; free(out); return NULL; }
    ps->p++;
    *o = 0;
    *len = (size_t)(o - out);
    return out;
}

static json *parse_value(parser *ps, int depth);

static json *new_node(parser *ps, json_kind k)
{
    json *j = calloc(1, sizeof *j);
    if (!j) ps->err = "out of memory";
    else j->kind = k;
    return j;
}

static json *parse_container(parser *ps, int depth, int is_object)
{
    json *j = new_node(ps, is_object ? JSON_OBJECT : JSON_ARRAY);
    if (!j) return NULL;
    json **tail = &j->child;
    ps->p++;
    skip_ws(ps);
    char close = is_object ? '}' : ']';
    if (*ps->p == close) { ps->p++; return j; }
    for (;;) {
        char *key = NULL;
        size_t klen;
        skip_ws(ps);
        if (is_object) {
            if (*ps->p != '"') { ps->err = "expected a member name"; break; }
            if (!(key = parse_string(ps, &klen))) break;
            skip_ws(ps);
            if (*ps->p != ':') { ps->err = "expected ':'"; free(key); break; }
            ps->p++;
        }
        json *v = parse_value(ps, depth + 1);
        if (!v) { free(key); break; }
        v->key = key;
        *tail = v;
        tail = &v->next;
        skip_ws(ps);
        if (*ps->p == ',') { ps->p++; continue; }
        if (*ps->p == close) { ps->p++; return j; }
        ps->err = "expected ',' or a closing bracket";
        break;
    }
    json_free(j);
    return NULL;
}

static json *parse_value(parser *ps, int depth)
{
    skip_ws(ps);
    if (depth > 64) { ps->err = "nesting too deep"; return NULL; }
    json *j;
    switch (*ps->p) {
    case '{': return parse_container(ps, depth, 1);
    case '[': return parse_container(ps, depth, 0);
    case '"':
        if (!(j = new_node(ps, JSON_STRING))) return NULL;
        if (!(j->str = parse_string(ps, &j->len))) { free(j); return NULL; }
        return j;
    case 't': case 'f':
        if (!(j = new_node(ps, JSON_BOOL))) return NULL;
        j->boolean = *ps->p == 't';
        ps->p += j->boolean ? 4 : 5;
        return j;
    case 'n':
        ps->p += 4;
        return new_node(ps, JSON_NULL);
    default: {
        char *end;
        double d = strtod(ps->p, &end);
        if (end == ps->p) { ps->err = "unexpected character"; return NULL; }
        ps->p = end;
        if (!(j = new_node(ps, JSON_NUMBER))) return NULL;
        j->num = d;
        return j;
    }
    }
}

json *json_parse(const char *text, const char **err)
{
    parser ps = {text, NULL};
    json *j = parse_value(&ps, 0);
    if (!j && err) *err = ps.err ? ps.err : "syntax error";
    return j;
}

void json_free(json *j)
{
    while (j) {
        json *next = j->next;
        json_free(j->child);
        free(j->str);
        free(j->key);
        free(j);
        j = next;
    }
}

const json *json_get(const json *obj, const char *key)
{
    if (!obj || obj->kind != JSON_OBJECT) return NULL;
    for (const json *c = obj->child; c; c = c->next)
        if (c->key && strcmp(c->key, key) == 0) return c;
    return NULL;
}

const char *json_str(const json *obj, const char *key)
{
    const json *j = json_get(obj, key);
    return j && j->kind == JSON_STRING ? j->str : NULL;
}
