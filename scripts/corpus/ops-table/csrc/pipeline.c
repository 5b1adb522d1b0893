#include "pipeline.h"
#include <string.h>

struct stage {
    const pl_stage_ops *ops;
    void *state;
};

struct pl_pipeline {
    pl_allocator alloc;
    struct stage *stages;
    size_t n, cap;
    pl_stats stats;
};

pl_pipeline *pl_new(pl_allocator alloc)
{
    pl_pipeline *p = alloc.alloc(alloc.ctx, sizeof *p);
    if (!p)
        return NULL;
    memset(p, 0, sizeof *p);
    p->alloc = alloc;
    return p;
}

int pl_add_stage(pl_pipeline *p, const pl_stage_ops *ops, void *state)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 2;
        struct stage *s = p->alloc.realloc(p->alloc.ctx, p->stages, p->cap * sizeof *s, cap * sizeof *s);
        if (!s)
            return -1;
        p->stages = s;
        p->cap = cap;
    }
    p->stages[p->n].ops = ops;
    p->stages[p->n].state = state;
    p->n++;
    return 0;
}

int pl_run(pl_pipeline *p, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len)
{
    uint8_t *cur = p->alloc.alloc(p->alloc.ctx, len ? len : 1);
    if (!cur)
        return -1;
    memcpy(cur, in, len);
    size_t cur_len = len, cur_cap = len ? len : 1;
    for (size_t i = 0; i < p->n; i++) {
        const pl_stage_ops *ops = p->stages[i].ops;
        size_t cap = ops->bound ? ops->bound(p->stages[i].state, cur_len) : cur_len;
        uint8_t *next = p->alloc.alloc(p->alloc.ctx, cap ? cap : 1);
        if (!next) {
            p->alloc.release(p->alloc.ctx, cur, cur_cap);
            return -1;
        }
        size_t n = ops->transform(p->stages[i].state, cur, cur_len, next, cap);
        p->stats.calls++;
        p->stats.bytes_in += cur_len;
        p->stats.bytes_out += n;
        p->alloc.release(p->alloc.ctx, cur, cur_cap);
        cur = next;
        cur_len = n;
        cur_cap = cap ? cap : 1;
    }
    /* Shrink to the exact length, so that the caller releases (buf, len). */
    uint8_t *exact = p->alloc.realloc(p->alloc.ctx, cur, cur_cap, cur_len ? cur_len : 1);
    if (!exact) {
        p->alloc.release(p->alloc.ctx, cur, cur_cap);
        return -1;
    }
    *out = exact;
    *out_len = cur_len;
    return 0;
}

void pl_release(pl_pipeline *p, uint8_t *buf, size_t len) { p->alloc.release(p->alloc.ctx, buf, len ? len : 1); }

pl_stats pl_get_stats(const pl_pipeline *p) { return p->stats; }

void pl_each_stage(const pl_pipeline *p, void (*f)(void *user, const char *name, size_t index), void *user)
{
    for (size_t i = 0; i < p->n; i++)
        f(user, p->stages[i].ops->name, i);
}

void pl_free(pl_pipeline *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        if (p->stages[i].ops->destroy)
            p->stages[i].ops->destroy(p->stages[i].state);
    if (p->stages)
        p->alloc.release(p->alloc.ctx, p->stages, p->cap * sizeof *p->stages);
    pl_allocator a = p->alloc;
    a.release(a.ctx, p, sizeof *p);
}

struct xor_state {
    pl_allocator alloc;
    uint8_t key;
};

static size_t xor_transform(void *state, const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    struct xor_state *x = state;
    size_t n = len < cap ? len : cap;
    for (size_t i = 0; i < n; i++)
        out[i] = in[i] ^ x->key;
    return n;
}

static void xor_destroy(void *state)
{
    struct xor_state *x = state;
    pl_allocator a = x->alloc;
    a.release(a.ctx, x, sizeof *x);
}

const pl_stage_ops pl_xor_ops = {"xor", xor_transform, NULL, xor_destroy};

void *pl_xor_state(pl_pipeline *p, uint8_t key)
{
    struct xor_state *x = p->alloc.alloc(p->alloc.ctx, sizeof *x);
    if (x) {
        x->alloc = p->alloc;
        x->key = key;
    }
    return x;
}
