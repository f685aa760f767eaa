/* A small JSON reader for wast2json output: parses a whole document into a tree. */
#ifndef WASMCU_JSON_H
#define WASMCU_JSON_H
#include <stddef.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_kind;

typedef struct json {
    json_kind kind;
    char *str;           /* string value (NUL-terminated, may contain NULs: see len) */
    size_t len;          /* string length in bytes */
    double num;
    int boolean;
    struct json *child;  /* first element or member */
    struct json *next;   /* next sibling */
    char *key;           /* member name inside an object */
} json;

/* Parses text (NUL-terminated); NULL on a syntax error, with *err set to a message. */
json *json_parse(const char *text, const char **err);
void json_free(json *j);
/* Member `key` of an object, or NULL. */
const json *json_get(const json *obj, const char *key);
/* The string of member `key`, or NULL when absent or not a string. */
const char *json_str(const json *obj, const char *key);

#endif
