/* A C client of the Rust key-value library: every call follows the contract of kv.h. */
#include "kv.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tally {
    size_t count;
    size_t bytes;
    char last[64];
};

static int count_entry(void *user, const char *key, const uint8_t *v, size_t len)
{
    struct tally *t = user;
    (void)v;
    t->count++;
    t->bytes += len;
    snprintf(t->last, sizeof t->last, "%s", key);
    return 0;
}

static int stop_at_third(void *user, const char *key, const uint8_t *v, size_t len)
{
    (void)key;
    (void)v;
    (void)len;
    int *n = user;
    return ++*n == 3;
}

int client_run(int rounds)
{
    kv_options opts = {.max_entries = 1000, .overwrite = 1};
    kv_store *s = kv_store_new(opts);
    if (!s)
        return -1;
    char key[32];
    for (int i = 0; i < rounds; i++) {
        snprintf(key, sizeof key, "key-%03d", i);
        char *val = malloc(16 + i);
        memset(val, 'a' + i % 26, 16 + i);
        if (kv_put(s, key, (const uint8_t *)val, 16 + i) != KV_OK) {
            free(val);
            kv_store_free(s);
            return -2;
        }
        free(val); /* the store copied it */
    }
    const uint8_t *v = NULL;
    size_t len = 0;
    if (kv_get(s, "key-007", &v, &len) != KV_OK || len != 23 || v[0] != 'h') {
        kv_store_free(s);
        return -3;
    }
    if (kv_get(s, "missing", &v, &len) != KV_NOT_FOUND || strstr(kv_last_error(), "missing") == NULL) {
        kv_store_free(s);
        return -4;
    }
    if (kv_put(s, "", (const uint8_t *)"x", 1) != KV_INVALID) {
        kv_store_free(s);
        return -5;
    }
    struct tally t = {0};
    size_t visited = kv_for_each(s, count_entry, &t);
    int n = 0;
    size_t partial = kv_for_each(s, stop_at_third, &n);
    kv_stats st = kv_stats_get(s);
    kv_stats st2;
    kv_stats_fill(s, &st2);
    if (visited != (size_t)rounds || partial != 3 || st.entries != (uint64_t)rounds || st2.bytes != st.bytes ||
        t.bytes != st.bytes) {
        kv_store_free(s);
        return -6;
    }
    char *desc = kv_describe(s);
    printf("c client: %s, last key %s\n", desc, t.last);
    kv_string_free(desc);
    size_t elen = 0;
    uint8_t *exported = kv_export(s, &elen);
    size_t newlines = 0;
    for (size_t i = 0; i < elen; i++)
        newlines += exported[i] == '\n';
    kv_buffer_free(exported, elen);
    if (kv_remove(s, "key-000") != KV_OK || kv_remove(s, "key-000") != KV_NOT_FOUND) {
        kv_store_free(s);
        return -7;
    }
    kv_store_free(s);
    return (int)newlines;
}
