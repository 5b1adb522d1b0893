// Near miss of 17: the C client prints the borrowed title before doc_free.
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
