// The C++ half of the Cargo example: takes ownership of a Rust Box and releases it with the
// wrong allocator.
struct Point {
    int x, y;
};

extern "C" int cpp_take_point(Point *p) {
    int sum = p->x + p->y;
    delete p;
    return sum;
}
