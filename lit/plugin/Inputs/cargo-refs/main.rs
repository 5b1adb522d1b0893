// The Cargo example with a Rust export taking `&Point`, which C++ calls with null: in the dev
// profile rustc marks no parameter nonnull, and only the reference type in the debug info says
// what Rust assumes.
use std::ffi::c_int;

#[repr(C)]
pub struct Point {
    pub x: c_int,
    pub y: c_int,
}

extern "C" {
    fn cpp_norm(p: *const Point) -> c_int;
}

#[no_mangle]
pub extern "C" fn rs_sum(p: &Point) -> c_int {
    p.x + p.y
}

fn main() {
    let p = Point { x: 3, y: 4 };
    let n = unsafe { cpp_norm(&p) };
    println!("n = {n}");
}
