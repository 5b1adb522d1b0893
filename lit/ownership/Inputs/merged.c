/* The C half: nothing of Rust's memory crosses. */
int c_twice(int x) { return 2 * x; }
