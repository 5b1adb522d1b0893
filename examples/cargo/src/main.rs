// A Rust program that hands a Box to C++, which frees it with `delete`: ffiguard reports it at
// link time, inside `cargo build --release`.
use std::ffi::c_int;

#[repr(C)]
pub struct Point {
    pub x: c_int,
    pub y: c_int,
}

extern "C" {
    fn cpp_take_point(p: *mut Point) -> c_int;
}

fn main() {
    let p = Box::into_raw(Box::new(Point { x: 3, y: 4 }));
    let sum = unsafe { cpp_take_point(p) };
    println!("sum = {sum}");
}
