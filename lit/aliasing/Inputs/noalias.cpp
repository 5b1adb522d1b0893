// C++ callers passing one object twice to Rust functions that take &mut.
struct Widget {
    int x, y;
};
struct Pair {
    int a, b;
};

extern "C" {
void rust_swap(int *a, int *b);
void rust_add_into(Widget *dst, const Widget *src);
int rust_sum(const Widget *a, const Widget *b);
}

// A hand-written forwarding shim on the C++ side.
extern "C" void swap_fwd(int *a, int *b) { rust_swap(a, b); }

int same_int(int v) {
    int x = v;
    rust_swap(&x, &x);
    return x;
}

int doubled(Widget *w) {
    rust_add_into(w, w);
    return w->x;
}

int through_shim(int v) {
    int x = v;
    swap_fwd(&x, &x);
    return x;
}

// Near misses: distinct objects; two shared references; two fields of one struct.
int distinct(int v) {
    int x = v, y = v + 1;
    rust_swap(&x, &y);
    return x - y;
}

int shared_twice(const Widget *w) { return rust_sum(w, w); }

int fields(Pair *p) {
    rust_swap(&p->a, &p->b);
    return p->a;
}
