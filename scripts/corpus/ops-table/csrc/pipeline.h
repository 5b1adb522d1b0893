/* A small C "pipeline" library configured with tables of function pointers, in the shape of
 * real C APIs (zlib's zalloc/zfree, sqlite3_mem_methods, libcurl's callbacks). */
#ifndef PIPELINE_H
#define PIPELINE_H
#include <stddef.h>
#include <stdint.h>

/* Memory callbacks: every allocation of the library goes through them. */
typedef struct {
    void *(*alloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *p, size_t old_size, size_t new_size);
    void (*release)(void *ctx, void *p, size_t size);
    void *ctx;
} pl_allocator;

/* A stage: its operations and its state. destroy releases state (may be NULL). */
typedef struct {
    const char *name;
    /* Writes at most cap bytes to out; returns the number written. */
    size_t (*transform)(void *state, const uint8_t *in, size_t len, uint8_t *out, size_t cap);
    size_t (*bound)(void *state, size_t len);
    void (*destroy)(void *state);
} pl_stage_ops;

typedef struct {
    uint64_t calls;
    uint64_t bytes_in;
    uint64_t bytes_out;
} pl_stats;

typedef struct pl_pipeline pl_pipeline;

/* The allocator is copied (by value). */
pl_pipeline *pl_new(pl_allocator alloc);
/* The ops table is referenced, not copied: it must outlive the pipeline (static tables). The
 * pipeline owns `state` from here on and releases it with ops->destroy. */
int pl_add_stage(pl_pipeline *p, const pl_stage_ops *ops, void *state);
/* Runs all stages; *out is allocated with the pipeline's allocator: release with pl_release. */
int pl_run(pl_pipeline *p, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len);
void pl_release(pl_pipeline *p, uint8_t *buf, size_t len);
pl_stats pl_get_stats(const pl_pipeline *p);
/* Calls f on each stage name. */
void pl_each_stage(const pl_pipeline *p, void (*f)(void *user, const char *name, size_t index), void *user);
void pl_free(pl_pipeline *p);

/* A stage implemented in C, for mixing with Rust stages. */
extern const pl_stage_ops pl_xor_ops;
void *pl_xor_state(pl_pipeline *p, uint8_t key);
#endif
