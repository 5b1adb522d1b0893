// C++ that keeps pointers it was lent, or hands out pointers to its own locals.
#include <cstdio>
#include <vector>

struct Widget {
    int x, y;
};

Widget *registered; // library state other code reads
const int *remembered;
static Widget copied;

struct Queue {
    Widget *items[16];
    int n;
};
static Queue *queue = new Queue();

extern "C" void cpp_register(Widget *w) { registered = w; }
extern "C" void cpp_remember(const int *p) { remembered = p; }
extern "C" void cpp_queue(Widget *w) { queue->items[queue->n++ % 16] = w; }
extern "C" void cpp_fwd_register(Widget *w) { cpp_register(w); }

extern "C" const char *cpp_label(int id) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "widget-%d", id);
    return buf;
}

extern "C" int *cpp_scratch() {
    int local = 42;
    return &local;
}

extern "C" int cpp_read(const Widget *w) { return w->x + w->y; }
extern "C" void cpp_copy(const Widget *w) { copied = *w; }
extern "C" const char *cpp_static_label() { return "static"; }
