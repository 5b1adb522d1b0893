// Rust callers of encoder.c with a config and a picture on their stack.
use std::ffi::c_int;

#[repr(C)]
pub struct Config {
    quality: c_int,
}
#[repr(C)]
pub struct Picture {
    width: c_int,
    height: c_int,
}
#[repr(C)]
pub struct Encoder {
    _p: [u8; 0],
}
extern "C" {
    fn encode(config: *const Config, pic: *const Picture) -> c_int;
    fn encode_keep(config: *const Config, pic: *const Picture) -> c_int;
    fn encoder_new(config: *const Config, pic: *const Picture) -> *mut Encoder;
    fn encoder_delete(enc: *mut Encoder);
    fn encoder_bytes(enc: *const Encoder) -> c_int;
    fn encode_stream(config: *const Config, pic: *const Picture, threads: c_int) -> c_int;
}

// Fine: encode() deletes its encoder before it returns.
#[no_mangle]
pub extern "C" fn encode_once(w: c_int, h: c_int) -> c_int {
    let config = Config { quality: 80 };
    let pic = Picture { width: w, height: h };
    unsafe { encode(&config, &pic) }
}

// Fine: the encoder is deleted before the frame that owns config and picture ends.
#[no_mangle]
pub extern "C" fn encode_scoped(w: c_int, h: c_int) -> c_int {
    let config = Config { quality: 80 };
    let pic = Picture { width: w, height: h };
    unsafe {
        let enc = encoder_new(&config, &pic);
        let n = encoder_bytes(enc);
        encoder_delete(enc);
        n
    }
}

// Bug: the global encoder keeps the addresses of this frame's locals.
#[no_mangle]
pub extern "C" fn encode_cached(w: c_int, h: c_int) -> c_int {
    let config = Config { quality: 80 };
    let pic = Picture { width: w, height: h };
    unsafe { encode_keep(&config, &pic) }
}

// Bug: the encoder returned keeps the addresses of this frame's locals.
#[no_mangle]
pub extern "C" fn open_encoder(w: c_int, h: c_int) -> *mut Encoder {
    let config = Config { quality: 80 };
    let pic = Picture { width: w, height: h };
    unsafe { encoder_new(&config, &pic) }
}

// Fine: the stream encoder's encoders, kept in its workers' parameters on its stack and run
// through a worker interface it may swap, die before it returns (libwebp's WebPEncode).
#[no_mangle]
pub extern "C" fn encode_threads(w: c_int, h: c_int) -> c_int {
    let config = Config { quality: 80 };
    let pic = Picture { width: w, height: h };
    unsafe { encode_stream(&config, &pic, 2) }
}
