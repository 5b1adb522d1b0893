// Near miss of 41: the in-place-friendly signature takes raw pointers and reads the inputs
// before writing the output, so aliasing is allowed.
#[repr(C)]
pub struct Vec3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

#[no_mangle]
pub unsafe extern "C" fn vec3_add(out: *mut Vec3, a: *const Vec3, b: *const Vec3) {
    let (ax, ay, az) = ((*a).x, (*a).y, (*a).z);
    let (bx, by, bz) = ((*b).x, (*b).y, (*b).z);
    (*out).x = ax + bx;
    (*out).y = ay + by;
    (*out).z = az + bz;
}
