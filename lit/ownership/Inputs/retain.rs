use std::os::raw::c_int;

#[repr(C)]
pub struct Parser {
    _p: [u8; 0],
}
extern "C" {
    fn parser_new() -> *mut Parser;
    fn parser_set_input(p: *mut Parser, input: *const u8, size: usize);
    fn parser_set_copy(p: *mut Parser, input: *const u8, size: usize);
    fn parser_next(p: *mut Parser) -> c_int;
    fn parser_delete(p: *mut Parser);
}

fn normalized(doc: &[u8]) -> Vec<u8> {
    doc.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect()
}

// Bug: the parser keeps a pointer to `buf`, dropped before the parser reads it.
#[no_mangle]
pub unsafe extern "C" fn first_byte_dropped(doc: *const u8, n: usize) -> c_int {
    let p = parser_new();
    let buf = normalized(std::slice::from_raw_parts(doc, n));
    parser_set_input(p, buf.as_ptr(), buf.len());
    drop(buf);
    let c = parser_next(p);
    parser_delete(p);
    c
}

// Near miss: the buffer outlives the reads.
#[no_mangle]
pub unsafe extern "C" fn first_byte_kept(doc: *const u8, n: usize) -> c_int {
    let p = parser_new();
    let buf = normalized(std::slice::from_raw_parts(doc, n));
    parser_set_input(p, buf.as_ptr(), buf.len());
    let c = parser_next(p);
    parser_delete(p);
    drop(buf);
    c
}

// Near miss: the parser copies its input.
#[no_mangle]
pub unsafe extern "C" fn first_byte_copied(doc: *const u8, n: usize) -> c_int {
    let p = parser_new();
    let buf = normalized(std::slice::from_raw_parts(doc, n));
    parser_set_copy(p, buf.as_ptr(), buf.len());
    drop(buf);
    let c = parser_next(p);
    parser_delete(p);
    c
}

// Near miss: the parser is given another input before the first is dropped.
#[no_mangle]
pub unsafe extern "C" fn first_byte_replaced(doc: *const u8, n: usize) -> c_int {
    static DEFAULT: [u8; 2] = *b"[]";
    let p = parser_new();
    let buf = normalized(std::slice::from_raw_parts(doc, n));
    parser_set_input(p, buf.as_ptr(), buf.len());
    parser_set_input(p, DEFAULT.as_ptr(), DEFAULT.len());
    drop(buf);
    let c = parser_next(p);
    parser_delete(p);
    c
}

// Bug: a wrapper drops the buffer when its constructor returns, with the parser still
// pointing at it (found once the constructor is inlined, at -O2; the empty document's path has
// no buffer, so on some path).
pub struct Wrapped {
    raw: *mut Parser,
}

impl Wrapped {
    #[inline]
    fn new(doc: &[u8]) -> Wrapped {
        let raw = unsafe { parser_new() };
        let buf = normalized(doc);
        unsafe { parser_set_input(raw, buf.as_ptr(), buf.len()) };
        Wrapped { raw }
    }

    fn next(&mut self) -> c_int {
        unsafe { parser_next(self.raw) }
    }
}

impl Drop for Wrapped {
    fn drop(&mut self) {
        unsafe { parser_delete(self.raw) }
    }
}

#[no_mangle]
pub unsafe extern "C" fn first_byte_wrapped(doc: *const u8, n: usize) -> c_int {
    let mut p = Wrapped::new(std::slice::from_raw_parts(doc, n));
    p.next()
}

// Bug: a helper gives the caller's parser a buffer and drops it; the caller reads next.
#[inline(never)]
unsafe fn load(p: *mut Parser, doc: &[u8]) {
    let buf = normalized(doc);
    parser_set_input(p, buf.as_ptr(), buf.len());
}

#[no_mangle]
pub unsafe extern "C" fn first_byte_loaded(doc: *const u8, n: usize) -> c_int {
    let p = parser_new();
    load(p, std::slice::from_raw_parts(doc, n));
    let c = parser_next(p);
    parser_delete(p);
    c
}

// Near miss: the caller gives the parser input of its own after the helper.
#[no_mangle]
pub unsafe extern "C" fn first_byte_reloaded(doc: *const u8, n: usize) -> c_int {
    static DEFAULT: [u8; 2] = *b"[]";
    let p = parser_new();
    load(p, std::slice::from_raw_parts(doc, n));
    parser_set_input(p, DEFAULT.as_ptr(), DEFAULT.len());
    let c = parser_next(p);
    parser_delete(p);
    c
}

// The other direction: a Rust tokenizer that borrows its input, as C gives it.
pub struct Tokenizer {
    input: *const u8,
    len: usize,
    pos: usize,
}

#[no_mangle]
pub extern "C" fn tok_new() -> *mut Tokenizer {
    Box::into_raw(Box::new(Tokenizer { input: std::ptr::null(), len: 0, pos: 0 }))
}

#[no_mangle]
pub unsafe extern "C" fn tok_set_input(t: *mut Tokenizer, input: *const u8, len: usize) {
    (*t).input = input;
    (*t).len = len;
    (*t).pos = 0;
}

#[no_mangle]
pub unsafe extern "C" fn tok_next(t: *mut Tokenizer) -> c_int {
    let t = &mut *t;
    if t.pos >= t.len {
        return -1;
    }
    let c = *t.input.add(t.pos);
    t.pos += 1;
    c as c_int
}

#[no_mangle]
pub unsafe extern "C" fn tok_free(t: *mut Tokenizer) {
    drop(Box::from_raw(t));
}

// Near miss: the parser forgets the input before the buffer is dropped.
extern "C" {
    fn parser_reset(p: *mut Parser);
}

#[no_mangle]
pub unsafe extern "C" fn first_byte_after_reset(doc: *const u8, n: usize) -> c_int {
    let p = parser_new();
    let buf = normalized(std::slice::from_raw_parts(doc, n));
    parser_set_input(p, buf.as_ptr(), buf.len());
    parser_reset(p);
    drop(buf);
    let c = parser_next(p);
    parser_delete(p);
    c
}
