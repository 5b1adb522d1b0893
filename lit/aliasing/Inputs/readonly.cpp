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
