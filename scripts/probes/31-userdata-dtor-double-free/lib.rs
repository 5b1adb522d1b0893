// Pattern: user data attached to a C object with a destructor callback (lua_newuserdata /
// sqlite3_create_function_v2's xDestroy / curl's CURLOPT_PRIVATE with cleanup); the Rust code
// registers a drop-the-Box destructor AND drops the Box itself after destroying the object.
use std::ffi::c_void;

pub struct State {
    pub calls: u64,
    pub log: Vec<String>,
}

extern "C" {
    fn obj_new() -> *mut c_void;
    fn obj_set_data(o: *mut c_void, data: *mut c_void, dtor: unsafe extern "C" fn(*mut c_void));
    fn obj_call(o: *mut c_void) -> i32;
    fn obj_destroy(o: *mut c_void);
}

unsafe extern "C" fn drop_state(p: *mut c_void) {
    drop(Box::from_raw(p as *mut State));
}

#[no_mangle]
pub extern "C" fn rs_session() -> i32 {
    let state = Box::into_raw(Box::new(State { calls: 0, log: Vec::new() }));
    unsafe {
        let o = obj_new();
        obj_set_data(o, state as *mut c_void, drop_state);
        let r = obj_call(o);
        obj_destroy(o); // runs drop_state(state)
        drop(Box::from_raw(state)); // BUG: second release
        r
    }
}
