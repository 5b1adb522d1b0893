// Near miss of 07: the unique_ptr carries a deleter that calls the exported parser_free.
#[repr(C)]
pub struct Parser {
    pub depth: u32,
    pub errors: u32,
    buf: Vec<u8>,
}

#[no_mangle]
pub extern "C" fn parser_new(cap: usize) -> *mut Parser {
    Box::into_raw(Box::new(Parser { depth: 0, errors: 0, buf: Vec::with_capacity(cap) }))
}

#[no_mangle]
pub unsafe extern "C" fn parser_feed(p: *mut Parser, b: u8) {
    (*p).buf.push(b);
    if b == b'{' {
        (*p).depth += 1;
    }
}

#[no_mangle]
pub unsafe extern "C" fn parser_free(p: *mut Parser) {
    if !p.is_null() {
        drop(Box::from_raw(p));
    }
}
