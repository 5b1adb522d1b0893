/* The C API of the Rust key-value library in src/lib.rs (the crate's own module kv). */
#ifndef KV_H
#define KV_H
#include <stddef.h>
#include <stdint.h>

typedef struct kv_store kv_store; /* opaque: a Rust Box<Store> */

typedef enum { KV_OK = 0, KV_NOT_FOUND = 1, KV_INVALID = 2 } kv_status;

typedef struct {
    uint64_t entries;
    uint64_t bytes;
    double load;
} kv_stats;

typedef struct {
    uint32_t max_entries;
    uint8_t overwrite; /* bool */
} kv_options;

/* Returns a new store; release it with kv_store_free. */
kv_store *kv_store_new(kv_options opts);
void kv_store_free(kv_store *s);
/* Copies key and value. */
kv_status kv_put(kv_store *s, const char *key, const uint8_t *value, size_t len);
/* *value points into the store, valid until the next kv_put/kv_remove or kv_store_free. */
kv_status kv_get(const kv_store *s, const char *key, const uint8_t **value, size_t *len);
kv_status kv_remove(kv_store *s, const char *key);
/* Calls f for each entry in key order until it returns nonzero; returns the number visited. */
size_t kv_for_each(const kv_store *s, int (*f)(void *user, const char *key, const uint8_t *v, size_t len), void *user);
kv_stats kv_stats_get(const kv_store *s);
void kv_stats_fill(const kv_store *s, kv_stats *out);
/* A new NUL-terminated string owned by the caller: release it with kv_string_free. */
char *kv_describe(const kv_store *s);
void kv_string_free(char *p);
/* A buffer owned by the caller, *len bytes: release it with kv_buffer_free(p, len). */
uint8_t *kv_export(const kv_store *s, size_t *len);
void kv_buffer_free(uint8_t *p, size_t len);
/* The message of the last error on this thread; valid until the next call. */
const char *kv_last_error(void);

/* The C client, called by the Rust program. */
int client_run(int rounds);
#endif
