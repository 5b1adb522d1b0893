// Releases on both sides of the boundary: double frees, uses after free, and the near misses.
#include "widgets.h"
#include <cstdio>

extern "C" void cpp_release(Widget *w) { widget_free(w); }
extern "C" int cpp_read(const Widget *w) { return w->x + w->y; }
extern "C" int c_puts(const char *s) { return std::puts(s); }

static void done(Widget *w) { widget_free(w); }

void free_twice_direct() {
    Widget *w = widget_new(1);
    widget_free(w);
    widget_free(w);
}

void free_twice_helper() {
    Widget *w = widget_new(2);
    done(w);
    rust_take(w);
}

void free_twice_shim() {
    Widget *w = widget_new(3);
    rust_free_fwd(w);
    widget_free(w);
}

int use_after_free() {
    Widget *w = widget_new(4);
    widget_free(w);
    return w->x;
}

int use_after_shim_free() {
    Widget *w = widget_new(5);
    rust_free_fwd(w);
    return rust_peek(w);
}

// Near misses: one release per path; a new object per iteration; use before release.
void free_on_each_branch(bool flag) {
    Widget *w = widget_new(6);
    if (flag)
        widget_free(w);
    else
        rust_take(w);
}

int free_in_loop(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        Widget *w = widget_new(i);
        sum += w->x;
        widget_free(w);
    }
    return sum;
}

int use_then_free() {
    Widget *w = widget_new(7);
    int x = rust_peek(w);
    widget_free(w);
    return x;
}
