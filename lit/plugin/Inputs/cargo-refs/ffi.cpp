// Calls the Rust export with null when it is given none.
struct Point {
    int x, y;
};

extern "C" int rs_sum(const Point *p);

extern "C" int cpp_norm(const Point *p) {
    const Point *use = p->x > 100 ? nullptr : p;
    return rs_sum(use);
}
