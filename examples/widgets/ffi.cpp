// The C++ half of the bundled example. cpp_register takes ownership of a Rust Box and releases
// it with `delete` instead of handing it back to widget_free: allocator families differ.
#include <cstdint>
#include <cstdio>

struct Widget {
  uint32_t id;
  double weight;
};

extern "C" Widget *widget_new(uint32_t id, double weight);
extern "C" void widget_free(Widget *w);
extern "C" int widgets_run(uint32_t n);

extern "C" void cpp_log(const char *msg) { std::printf("[log] %s\n", msg); }

extern "C" int cpp_register(Widget *w) {
  int id = static_cast<int>(w->id);
  delete w; // BUG: allocated by Rust's global allocator
  return id;
}

int main() {
  Widget *w = widget_new(42, 2.0);
  widget_free(w); // correct: handed back to Rust
  return widgets_run(3) == 3 ? 0 : 1;
}
