// A CString made anew on every turn of a loop, lent to a C callback and dropped at the end of
// the turn: the next turn's CString::new leaves fresh memory in the same slot.
use std::ffi::{c_char, c_int, CString};

#[no_mangle]
pub unsafe extern "C" fn each_word(words: *const *const u8, lens: *const usize, n: usize,
                                   f: Option<unsafe extern "C" fn(*const c_char) -> c_int>) {
    let Some(f) = f else { return };
    for i in 0..n {
        let w = std::slice::from_raw_parts(*words.add(i), *lens.add(i));
        #[cfg(not(bug))]
        let cw = CString::new(w).unwrap();
        #[cfg(not(bug))]
        let p = cw.as_ptr();
        // BUG: the temporary CString is dropped at the end of the statement.
        #[cfg(bug)]
        let p = CString::new(w).unwrap().as_ptr();
        if f(p) != 0 {
            break;
        }
    }
}
