// A realistic C++ program using the STL (strings, vectors, maps, streams, exceptions) with
// correct FFI to Rust (the extern "C" functions Rust calls are noexcept: an exception must not
// unwind into Rust); FFIGUARD_INJECT_BUG plants one mismatch as a positive control.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

struct Widget {
    int id;
    char *name;
};

extern "C" {
Widget *widget_create(int id);
void widget_destroy(Widget *w);
int widget_id(const Widget *w);
double rust_total_area(int n);
int rust_run();
void rust_swap_ints(int *a, int *b);
int rust_describe(const Widget *w);
int rust_read_widget(const Widget *w);
int rust_patterns();
}

struct Pair {
    long long a, b;
};

// Rust declares this extern "C-unwind": it may throw.
extern "C" int cpp_parse(const char *s) { return std::stoi(s); }
extern "C" int cpp_peek(const Widget *w) noexcept { return w->id; }
extern "C" long long cpp_pair_sum(Pair p) noexcept { return p.a + p.b; }


extern "C" int cpp_log(const char *msg) noexcept {
    std::string s(msg);
    std::cerr << "[log] " << s << "\n";
    return static_cast<int>(s.size());
}

extern "C" char *cpp_make_label(int id) noexcept {
    std::string s = "label-" + std::to_string(id);
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

extern "C" void cpp_free_label(char *p) { std::free(p); }

extern "C" int cpp_sum(const int *values, size_t n) noexcept {
    std::vector<int> v(values, values + n);
    return std::accumulate(v.begin(), v.end(), 0);
}

extern "C" int cpp_visit(const Widget *w) { return w->id + (w->name ? 1 : 0); }

struct WidgetDeleter {
    void operator()(Widget *w) const { widget_destroy(w); }
};

static Widget *find(std::vector<std::unique_ptr<Widget, WidgetDeleter>> &ws, int id) {
    for (auto &w : ws)
        if (widget_id(w.get()) == id)
            return w.get();
    return nullptr;
}

// Correct calls into Rust: distinct &mut objects, null only where Option<&T> allows it, a
// lookup that may fail checked before the &T call.
static int patterns(std::vector<std::unique_ptr<Widget, WidgetDeleter>> &ws) {
    int a = 1, b = 2;
    rust_swap_ints(&a, &b);
    int r = rust_describe(nullptr) + a - b;
    if (Widget *w = find(ws, 3))
        r += rust_read_widget(w);
    return r + rust_patterns();
}

static int parse(const std::string &s) {
    int v = std::stoi(s);
    if (v < 0)
        throw std::runtime_error("negative");
    return v;
}

int main(int argc, char **argv) {
    std::map<std::string, int> scores;
    std::vector<std::unique_ptr<Widget, WidgetDeleter>> widgets;
    for (int i = 0; i < 5; i++) {
        widgets.emplace_back(widget_create(i));
        scores["w" + std::to_string(i)] = widget_id(widgets.back().get());
    }
    Widget *raw = widget_create(42);
    std::cout << "raw " << widget_id(raw) << "\n";
#ifdef FFIGUARD_INJECT_BUG
    delete raw; // the positive control: Rust's Box released with operator delete
#else
    widget_destroy(raw);
#endif

    std::ostringstream out;
    for (auto &kv : scores)
        out << kv.first << "=" << kv.second << " ";
    std::cout << out.str() << "\n";
    try {
        parse(argc > 1 ? argv[1] : "-1");
    } catch (const std::exception &e) {
        std::cout << "caught " << e.what() << "\n";
    }
    std::cout << rust_total_area(4) << " " << rust_run() << "\n";
    std::cout << "patterns " << patterns(widgets) << "\n";
    return 0;
}
