// Pattern: C `int` flag and `int` result imported as Rust `bool` (i8 zeroext vs i32): widths and
// extensions differ (bindgen-vs-handwritten drift, e.g. a `set_nonblocking(int)`).
extern "C" {
    fn sock_set_nonblocking(fd: i32, on: bool) -> bool;
}

#[no_mangle]
pub extern "C" fn rs_nonblock(fd: i32) -> i32 {
    unsafe { sock_set_nonblocking(fd, true) as i32 }
}
