// The C++ half: releases a Rust Box with delete, and leaks a Rust widget on one path.
#include <cstdio>

struct Widget {
    int x, y;
};

extern "C" Widget *widget_new(int x);
extern "C" void widget_free(Widget *w);
extern "C" int rust_run(int n);

extern "C" int cpp_consume(Widget *w) {
    int x = w->x;
    delete w;
    return x;
}

extern "C" int cpp_print(const char *s) { return std::printf("%s\n", s) > 0; }

__attribute__((noinline)) int peek(int n) {
    Widget *w = widget_new(n);
    int y = w->y;
    if (n > 100)
        widget_free(w);
    return y;
}

int main(int argc, char **) { return rust_run(argc) + peek(argc) == 2 ? 0 : 1; }
