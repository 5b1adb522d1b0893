// C++ functions that receive a Rust &T; some write through it.
#include <cstring>

struct Widget {
    int x, y;
};

extern "C" int cpp_touch(Widget *w) {
    w->x += 1;
    return w->x;
}

static void reset(Widget *w) { w->y = 0; }
extern "C" void cpp_reset(Widget *w) { reset(w); }

extern "C" void cpp_clear(Widget *w) { std::memset(w, 0, sizeof(*w)); }

// A forwarding shim to a writer.
extern "C" int cpp_fwd_touch(Widget *w) { return cpp_touch(w); }

extern "C" int cpp_peek(const Widget *w) { return w->x + w->y; }
extern "C" void cpp_bump_cell(int *c) { *c += 1; }
extern "C" void cpp_bump_raw(Widget *w) { w->x += 1; }

// A pool allocator whose release threads freed blocks on a list through their first bytes.
#include <cstdlib>
static struct Pool { void *free_list; alignas(8) char blocks[256]; } pool;
__attribute__((noinline)) static void pool_free(void *p) {
    if ((char *)p >= pool.blocks && (char *)p < pool.blocks + sizeof(pool.blocks)) {
        *(void **)p = pool.free_list;
        pool.free_list = p;
        return;
    }
    std::free(p);
}
static unsigned char copy[64];
extern "C" int c_bind_blob(const unsigned char *z, size_t n, long destructor) {
    if (destructor == -1) { // transient: copy now
        std::memcpy(copy, z, n < sizeof(copy) ? n : sizeof(copy));
        return 0;
    }
    if (n > sizeof(copy)) { // too big: release it as the destructor says
        pool_free((void *)z);
        return 1;
    }
    return 0;
}

extern "C" int c_mark(unsigned char *z, int flags) {
    if (flags == 1) {
        z[0] = 0;
        return 1;
    }
    return z[0];
}

static void dynamic_destructor(void *) {}
extern "C" int c_bind_text(const char *z, size_t n, void (*destructor)(void *)) {
    if (destructor == dynamic_destructor) { // ownership passes: mark it taken
        ((char *)z)[0] = 0;
        return 1;
    }
    return (int)n;
}
