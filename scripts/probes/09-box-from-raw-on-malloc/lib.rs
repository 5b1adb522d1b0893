// Pattern: a C constructor's malloc'd struct adopted as Box::from_raw, so Rust's allocator frees
// it (seen in hand-written bindings to C "new" functions, e.g. wrapping a point/rect/event).
#[repr(C)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

extern "C" {
    fn point_new(x: f64, y: f64) -> *mut Point;
}

pub fn norm1(x: f64, y: f64) -> f64 {
    let p: Box<Point> = unsafe { Box::from_raw(point_new(x, y)) }; // BUG: malloc'd
    p.x.abs() + p.y.abs()
}

#[no_mangle]
pub extern "C" fn rs_norm1(x: f64, y: f64) -> f64 {
    norm1(x, y)
}
