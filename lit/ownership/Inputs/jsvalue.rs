// A Box kept as a QuickJS-style object's opaque data (jsvalue.c) and released by the class
// finalizer: correct. The handle goes by value before the pointer: rustc passes it as one
// { i64, i64 } operand where clang's definition takes two i64 parameters.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Val {
    ptr: u64,
    tag: i64,
}
extern "C" {
    fn register_finalizer(f: unsafe extern "C" fn(Val));
    fn obj_new() -> Val;
    fn obj_set_opaque(v: Val, p: *mut u8) -> i32;
    fn obj_get_opaque(v: Val) -> *mut u8;
    fn obj_free(v: Val);
}

unsafe extern "C" fn finalizer(v: Val) {
    drop(Box::from_raw(obj_get_opaque(v) as *mut String));
}

#[inline(never)]
fn make(s: String) -> Val {
    unsafe {
        let v = obj_new();
        obj_set_opaque(v, Box::into_raw(Box::new(s)) as *mut u8);
        v
    }
}

#[no_mangle]
pub extern "C" fn run() {
    unsafe {
        register_finalizer(finalizer);
        let v = make(String::from("state"));
        obj_free(v);
    }
}
