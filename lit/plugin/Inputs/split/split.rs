// The Rust half of a program split over many modules (four codegen units, one per module
// here): every bug's two halves sit in different modules, Rust's or C++'s (split.h).
use std::ffi::c_int;

#[repr(C)]
pub struct Item {
    pub id: c_int,
    pub weight: c_int,
}

extern "C" {
    fn cpp_release(it: *mut Item);
    fn cpp_read(it: *const Item) -> c_int;
    fn cpp_keep(it: *mut Item);
    fn cpp_touch(it: &Item) -> c_int;
    fn cpp_check(x: c_int) -> c_int;
}

pub mod make {
    use super::Item;
    #[no_mangle]
    pub extern "C" fn split_item_new(id: super::c_int) -> *mut Item {
        Box::into_raw(Box::new(Item { id, weight: 1 }))
    }
}

pub mod free {
    use super::Item;
    #[no_mangle]
    pub unsafe extern "C" fn split_item_free(it: *mut Item) {
        if !it.is_null() {
            drop(Box::from_raw(it));
        }
    }
}

pub mod lend {
    use super::*;
    // Released by C++ (through Rust's own free function), then read by C++ again.
    #[no_mangle]
    pub extern "C" fn split_release_then_read() -> c_int {
        let it = crate::make::split_item_new(7);
        unsafe {
            cpp_release(it);
            cpp_read(it)
        }
    }
    // A stack address C++ keeps after the call.
    #[no_mangle]
    pub extern "C" fn split_lend_stack() -> c_int {
        let mut local = Item { id: 1, weight: 2 };
        unsafe { cpp_keep(&mut local) };
        local.id
    }
    // A shared reference C++ writes through.
    #[no_mangle]
    pub extern "C" fn split_lend_shared() -> c_int {
        let it = Item { id: 3, weight: 4 };
        unsafe { cpp_touch(&it) + it.weight }
    }
    // A C++ function that throws, declared extern "C" (cannot unwind).
    #[no_mangle]
    pub extern "C" fn split_validate(x: c_int) -> c_int {
        unsafe { cpp_check(x) }
    }
}

pub mod take {
    use super::Item;
    #[no_mangle]
    pub extern "C" fn split_weight(it: &Item) -> super::c_int {
        it.weight
    }
    #[no_mangle]
    pub extern "C" fn split_swap(a: &mut Item, b: &mut Item) {
        std::mem::swap(&mut a.weight, &mut b.weight);
    }
    #[no_mangle]
    pub extern "C" fn split_sum(a: i64, b: i64) -> i64 {
        a + b
    }
}
