// C++ callers of Rust functions with non-null parameters.
#include <cstdlib>
#include <new>

struct Widget {
    int x, y;
};

extern "C" {
int rust_read(const Widget *w);
void rust_bump(Widget *w);
int rust_opt(const Widget *w);
int rust_raw(const Widget *w);
}

int null_literal() { return rust_read(nullptr); }

int unchecked_malloc() {
    Widget *w = static_cast<Widget *>(std::malloc(sizeof(Widget)));
    rust_bump(w);
    int x = w->x;
    std::free(w);
    return x;
}

int nothrow_new() {
    Widget *w = new (std::nothrow) Widget{1, 2};
    int r = rust_read(w);
    delete w;
    return r;
}

int maybe_null(bool c, const Widget *w) {
    const Widget *p = c ? w : nullptr;
    return rust_read(p);
}

// Near misses: checked first; Option<&T>; a raw pointer parameter.
int checked_malloc() {
    Widget *w = static_cast<Widget *>(std::malloc(sizeof(Widget)));
    if (!w)
        return 0;
    w->x = 1;
    w->y = 2;
    int r = rust_read(w);
    std::free(w);
    return r;
}

int optional() { return rust_opt(nullptr) + rust_raw(nullptr); }

// Near miss: dereferenced before the call (a null one would already have crashed), unchecked.
int deref_first() {
    Widget *w = static_cast<Widget *>(std::malloc(sizeof(Widget)));
    w->x = 1;
    w->y = 2;
    int r = rust_read(w);
    std::free(w);
    return r;
}

// Accessors in another translation unit (noinline). One that is null only when its argument is
// (a defensive `h ? h->w : nullptr`) passes no null of its own: silent. One that is null when
// the holder has no widget is a warning.
struct Holder {
    Widget *w;
    bool set;
};

__attribute__((noinline)) const Widget *holder_widget(const Holder *h) { return h ? h->w : nullptr; }

__attribute__((noinline)) const Widget *holder_widget_if_set(const Holder *h) {
    return h->set ? h->w : nullptr;
}

int through_accessor(const Holder *h) { return rust_read(holder_widget(h)); }

int through_accessor_if_set(const Holder *h) { return rust_read(holder_widget_if_set(h)); }
