// Pattern: a math library exported from Rust with `&mut` out and `&` inputs, called in place from
// C (`vec3_add(&v, &v, &d)`), as C math APIs allow (glm/cglm style) -- &mut aliasing &.
#[repr(C)]
pub struct Vec3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

#[no_mangle]
pub extern "C" fn vec3_add(out: &mut Vec3, a: &Vec3, b: &Vec3) {
    out.x = a.x + b.x;
    out.y = a.y + b.y;
    out.z = a.z + b.z;
}
