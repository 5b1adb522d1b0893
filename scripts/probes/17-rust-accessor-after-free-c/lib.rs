// Pattern (C calling Rust): a Rust library exports `doc_title(d)` returning a pointer into the
// document's CString and `doc_free(d)`; the C client uses the title after doc_free (the C-side
// mirror of 15, as with a cbindgen'd parser whose node names are borrowed).
use std::ffi::{c_char, CString};

pub struct Doc {
    title: CString,
    words: usize,
}

#[no_mangle]
pub extern "C" fn doc_parse(words: usize) -> *mut Doc {
    let title = CString::new(format!("doc of {} words", words)).unwrap();
    Box::into_raw(Box::new(Doc { title, words }))
}

#[no_mangle]
pub unsafe extern "C" fn doc_title(d: *const Doc) -> *const c_char {
    (*d).title.as_ptr()
}

#[no_mangle]
pub unsafe extern "C" fn doc_words(d: *const Doc) -> usize {
    (*d).words
}

#[no_mangle]
pub unsafe extern "C" fn doc_free(d: *mut Doc) {
    drop(Box::from_raw(d));
}
