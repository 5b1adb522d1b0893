// Ownership handed across the boundary: leaks, and the near misses that keep or release it.
#include "widgets.h"

static Widget *kept;

extern "C" int cpp_read(const Widget *w) { return w->x + w->y; }
extern "C" void cpp_keep(Widget *w) { kept = w; }
extern "C" void cpp_release(Widget *w) { widget_free(w); }

// Leak: Rust allocates, C++ reads and forgets.
int leak_rust_widget() {
    Widget *w = widget_new(1);
    return w->x;
}

// Leak: malloc'ed memory handed to Rust, which only reads it.
int leak_malloc_to_rust() {
    Widget *w = static_cast<Widget *>(std::malloc(sizeof(Widget)));
    if (!w)
        return 0;
    w->x = 3;
    return rust_peek(w);
}

// Leak on some paths: released only when x is positive.
int leak_on_some_path(int x) {
    Widget *w = widget_new(x);
    int y = w->y;
    if (x > 0)
        widget_free(w);
    return y;
}

// Near misses: released, stored, returned.
int no_leak_released() {
    Widget *w = widget_new(2);
    int x = rust_peek(w);
    widget_free(w);
    return x;
}

void no_leak_stored() { kept = widget_new(3); }

Widget *no_leak_returned() { return widget_new(4); }

// Reads a buffer Rust lends for the call.
extern "C" int cpp_sum(const int *v, size_t n) { int s = 0; for (size_t i = 0; i < n; i++) s += v[i]; return s; }
