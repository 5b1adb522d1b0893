// Google's brotli C library (brotli-sys builds it with cc) through its raw API: encoder and
// decoder instances made with Rust alloc/free callbacks and an opaque pointer to Rust state,
// streaming with next_in/next_out double pointers and available_* in/out sizes,
// BrotliEncoderTakeOutput/BrotliDecoderTakeOutput returning buffers owned by the instance,
// one-shot compress/decompress with in/out sizes.
use brotli_sys::*;
use std::ffi::{c_void, CStr};

struct Heap {
    live: isize,
    bytes: usize,
}

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

extern "C" fn b_alloc(opaque: *mut c_void, size: usize) -> *mut c_void {
    let h = unsafe { &mut *(opaque as *mut Heap) };
    h.live += 1;
    h.bytes += size;
    unsafe { malloc(size) }
}

extern "C" fn b_free(opaque: *mut c_void, p: *mut c_void) {
    let h = unsafe { &mut *(opaque as *mut Heap) };
    if !p.is_null() {
        h.live -= 1;
    }
    unsafe { free(p) }
}

fn stream_compress(heap: &mut Heap, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    unsafe {
        let enc = BrotliEncoderCreateInstance(Some(b_alloc), Some(b_free), heap as *mut Heap as *mut c_void);
        assert!(!enc.is_null());
        assert_eq!(BrotliEncoderSetParameter(enc, BROTLI_PARAM_QUALITY, 7), 1);
        assert_eq!(BrotliEncoderSetParameter(enc, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT as u32), 1);
        let mut next_in = input.as_ptr();
        let mut avail_in = input.len();
        loop {
            let mut avail_out = 0usize;
            let mut next_out: *mut u8 = std::ptr::null_mut();
            let op = if avail_in > 0 { BROTLI_OPERATION_PROCESS } else { BROTLI_OPERATION_FINISH };
            assert_eq!(BrotliEncoderCompressStream(enc, op, &mut avail_in, &mut next_in, &mut avail_out, &mut next_out, std::ptr::null_mut()), 1);
            while BrotliEncoderHasMoreOutput(enc) != 0 {
                let mut size = 0usize;
                let p = BrotliEncoderTakeOutput(enc, &mut size);
                out.extend_from_slice(std::slice::from_raw_parts(p, size));
            }
            if BrotliEncoderIsFinished(enc) != 0 {
                break;
            }
        }
        BrotliEncoderDestroyInstance(enc);
    }
    out
}

fn stream_decompress(heap: &mut Heap, data: &[u8], expect: usize) -> Vec<u8> {
    let mut out = vec![0u8; expect];
    unsafe {
        let dec = BrotliDecoderCreateInstance(Some(b_alloc), Some(b_free), heap as *mut Heap as *mut c_void);
        let mut next_in = data.as_ptr();
        let mut avail_in = 0usize;
        let mut next_out = out.as_mut_ptr();
        let mut avail_out = out.len();
        let mut total = 0usize;
        let mut fed = 0usize;
        loop {
            if avail_in == 0 && fed < data.len() {
                // Feed the input 1000 bytes at a time.
                let n = (data.len() - fed).min(1000);
                next_in = data.as_ptr().add(fed);
                avail_in = n;
                fed += n;
            }
            let rc = BrotliDecoderDecompressStream(dec, &mut avail_in, &mut next_in, &mut avail_out, &mut next_out, &mut total);
            if rc == BROTLI_DECODER_RESULT_SUCCESS {
                break;
            }
            assert!(rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT, "decoder: {}", CStr::from_ptr(BrotliDecoderErrorString(BrotliDecoderGetErrorCode(dec))).to_string_lossy());
        }
        assert_eq!(total, expect);
        assert_ne!(BrotliDecoderIsFinished(dec), 0);
        BrotliDecoderDestroyInstance(dec);
    }
    out
}

fn main() {
    let input: Vec<u8> = (0..20000u32).flat_map(|i| format!("brotli text line {} {}\n", i, i % 17).into_bytes()).collect();
    let mut heap = Heap { live: 0, bytes: 0 };
    let packed = stream_compress(&mut heap, &input);
    let back = stream_decompress(&mut heap, &packed, input.len());
    assert_eq!(back, input);
    assert_eq!(heap.live, 0);
    unsafe {
        let mut size = BrotliEncoderMaxCompressedSize(input.len());
        let mut buf = vec![0u8; size];
        assert_eq!(BrotliEncoderCompress(5, 22, BROTLI_MODE_GENERIC, input.len(), input.as_ptr(), &mut size, buf.as_mut_ptr()), 1);
        buf.truncate(size);
        let mut n = input.len();
        let mut back = vec![0u8; n];
        assert_eq!(BrotliDecoderDecompress(buf.len(), buf.as_ptr(), &mut n, back.as_mut_ptr()), BROTLI_DECODER_RESULT_SUCCESS);
        assert_eq!(n, input.len());
        assert_eq!(back, input);
        println!("brotli {:x}: stream {} bytes, one-shot {} bytes, {} bytes through the callbacks", BrotliEncoderVersion(), packed.len(), buf.len(), heap.bytes);
    }
}
