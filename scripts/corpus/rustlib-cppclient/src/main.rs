// A Rust tokenizer library with a C API (include/tok.h) and a C++ client (src/client.cpp,
// built with the cc crate): a lexer handle borrowing the caller's input, tokens returned
// through an out-param holding pointers into that input, a sink struct of C callbacks with
// user data passed by pointer, Rust-allocated strings released by a Rust function from a C++
// unique_ptr deleter, a caller-provided array filled by Rust.
use std::ffi::{c_char, c_int, c_void, CString};

#[repr(C)]
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum TokKind {
    Word = 0,
    Number = 1,
    Punct = 2,
    End = 3,
}

#[repr(C)]
pub struct TokToken {
    kind: TokKind,
    start: *const c_char,
    len: usize,
    number: f64,
}

#[repr(C)]
pub struct TokSink {
    user: *mut c_void,
    on_token: Option<unsafe extern "C" fn(*mut c_void, *const TokToken) -> c_int>,
    on_end: Option<unsafe extern "C" fn(*mut c_void, usize)>,
}

pub struct Lexer {
    input: *const u8,
    len: usize,
    pos: usize,
}

impl Lexer {
    fn bytes(&self) -> &[u8] {
        unsafe { std::slice::from_raw_parts(self.input, self.len) }
    }

    fn next_token(&mut self) -> Option<TokToken> {
        let b = self.bytes();
        let mut i = self.pos;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            self.pos = i;
            return None;
        }
        let start = i;
        let kind = if b[i].is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            TokKind::Word
        } else if b[i].is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            TokKind::Number
        } else {
            i += 1;
            TokKind::Punct
        };
        let number = if kind == TokKind::Number {
            std::str::from_utf8(&b[start..i]).unwrap().parse().unwrap_or(0.0)
        } else {
            0.0
        };
        self.pos = i;
        Some(TokToken { kind, start: unsafe { self.input.add(start) } as *const c_char, len: i - start, number })
    }
}

#[no_mangle]
pub extern "C" fn tok_lexer_new(input: *const c_char, len: usize) -> *mut Lexer {
    Box::into_raw(Box::new(Lexer { input: input as *const u8, len, pos: 0 }))
}

#[no_mangle]
pub unsafe extern "C" fn tok_lexer_free(lx: *mut Lexer) {
    if !lx.is_null() {
        drop(Box::from_raw(lx));
    }
}

#[no_mangle]
pub unsafe extern "C" fn tok_next(lx: *mut Lexer, out: *mut TokToken) -> c_int {
    match (*lx).next_token() {
        Some(t) => {
            out.write(t);
            1
        }
        None => {
            out.write(TokToken { kind: TokKind::End, start: std::ptr::null(), len: 0, number: 0.0 });
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn tok_scan(lx: *mut Lexer, sink: *const TokSink) -> usize {
    let sink = &*sink;
    let mut n = 0;
    while let Some(t) = (*lx).next_token() {
        n += 1;
        if let Some(f) = sink.on_token {
            if f(sink.user, &t) != 0 {
                break;
            }
        }
    }
    if let Some(f) = sink.on_end {
        f(sink.user, n);
    }
    n
}

#[no_mangle]
pub unsafe extern "C" fn tok_lower(t: *const TokToken) -> *mut c_char {
    let t = &*t;
    let bytes = std::slice::from_raw_parts(t.start as *const u8, t.len);
    CString::new(bytes.to_ascii_lowercase()).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn tok_free_string(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}

#[no_mangle]
pub unsafe extern "C" fn tok_histogram(input: *const c_char, len: usize, counts: *mut u32, cap: usize) -> usize {
    let counts = std::slice::from_raw_parts_mut(counts, cap);
    let mut lx = Lexer { input: input as *const u8, len, pos: 0 };
    while let Some(t) = lx.next_token() {
        if let Some(c) = counts.get_mut(t.kind as usize) {
            *c += 1;
        }
    }
    cap.min(4)
}

extern "C" {
    fn cpp_client_run(text: *const c_char) -> c_int;
}

fn main() {
    let text = CString::new("The cat sat on the mat, 10 times; then 20 more. THE END: 30.5").unwrap();
    let rc = unsafe { cpp_client_run(text.as_ptr()) };
    assert_eq!(rc, 0);
    println!("ok");
}
