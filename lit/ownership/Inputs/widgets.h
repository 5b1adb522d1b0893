// The C++ view of Inputs/widgets.rs.
#include <cstdlib>
#include <cstring>

struct Widget {
    int x, y;
};

extern "C" {
Widget *widget_new(int x);
void widget_free(Widget *w);
void rust_take(Widget *w);
void rust_free_fwd(Widget *w);
int rust_peek(const Widget *w);
}
