// mozjpeg (libjpeg-turbo C, built by mozjpeg-sys with cc and -fexceptions, no SIMD) through the
// raw libjpeg API: jpeg_error_mgr filled by jpeg_std_error with error_exit replaced by a Rust
// "C-unwind" callback that panics, caught by catch_unwind around the C calls (how the mozjpeg
// crate reports errors), jpeg_mem_dest with a libjpeg-malloc'ed output buffer released with
// free(), a custom jpeg_source_mgr (a table of Rust callbacks over a Rust buffer, kept by the
// decompressor), scanlines in and out, client_data pointing at Rust state.
use mozjpeg_sys::*;
use std::ffi::{c_long, c_ulong, c_void};
use std::mem;
use std::panic::{catch_unwind, AssertUnwindSafe};

const W: u32 = 96;
const H: u32 = 64;

extern "C" {
    fn free(p: *mut c_void);
}

struct JpegError(i32);

unsafe extern "C-unwind" fn error_exit(cinfo: &mut jpeg_common_struct) {
    let code = (*cinfo.err).msg_code;
    std::panic::resume_unwind(Box::new(JpegError(code)));
}

unsafe extern "C-unwind" fn quiet(_cinfo: &mut jpeg_common_struct, _level: std::ffi::c_int) {}

/// A source manager over a Rust slice; `client_data` counts refills.
#[repr(C)]
struct SliceSource {
    mgr: jpeg_source_mgr, // first, so that cinfo.src can point at the whole struct
    data: *const u8,
    len: usize,
    given: bool,
}

const EOI: [u8; 2] = [0xFF, 0xD9];

unsafe extern "C-unwind" fn src_init(_cinfo: &mut jpeg_decompress_struct) {}

unsafe extern "C-unwind" fn src_fill(cinfo: &mut jpeg_decompress_struct) -> boolean {
    let src = &mut *(cinfo.src as *mut SliceSource);
    *(cinfo.common.client_data as *mut u32) += 1;
    if src.given {
        // Past the end: feed a fake EOI, as libjpeg's own sources do.
        src.mgr.next_input_byte = EOI.as_ptr();
        src.mgr.bytes_in_buffer = 2;
    } else {
        src.mgr.next_input_byte = src.data;
        src.mgr.bytes_in_buffer = src.len;
        src.given = true;
    }
    1
}

unsafe extern "C-unwind" fn src_skip(cinfo: &mut jpeg_decompress_struct, n: c_long) {
    let src = &mut *(cinfo.src as *mut SliceSource);
    let n = (n.max(0) as usize).min(src.mgr.bytes_in_buffer);
    src.mgr.next_input_byte = src.mgr.next_input_byte.add(n);
    src.mgr.bytes_in_buffer -= n;
}

unsafe extern "C-unwind" fn src_term(_cinfo: &mut jpeg_decompress_struct) {}

fn encode(rgb: &[u8]) -> Vec<u8> {
    unsafe {
        let mut err: jpeg_error_mgr = mem::zeroed();
        let mut cinfo: jpeg_compress_struct = mem::zeroed();
        cinfo.common.err = jpeg_std_error(&mut err);
        err.error_exit = Some(error_exit);
        err.emit_message = Some(quiet);
        jpeg_create_compress(&mut cinfo);
        let mut outbuf: *mut u8 = std::ptr::null_mut();
        let mut outsize: c_ulong = 0;
        let r = catch_unwind(AssertUnwindSafe(|| {
            jpeg_mem_dest(&mut cinfo, &mut outbuf, &mut outsize);
            cinfo.image_width = W;
            cinfo.image_height = H;
            cinfo.input_components = 3;
            cinfo.in_color_space = J_COLOR_SPACE::JCS_RGB;
            jpeg_set_defaults(&mut cinfo);
            jpeg_set_quality(&mut cinfo, 85, 1);
            jpeg_start_compress(&mut cinfo, 1);
            while cinfo.next_scanline < H {
                let row = rgb.as_ptr().add((cinfo.next_scanline * W * 3) as usize);
                let rows = [row];
                jpeg_write_scanlines(&mut cinfo, rows.as_ptr(), 1);
            }
            jpeg_finish_compress(&mut cinfo);
        }));
        assert!(r.is_ok());
        let out = std::slice::from_raw_parts(outbuf, outsize as usize).to_vec();
        jpeg_destroy_compress(&mut cinfo);
        free(outbuf as *mut c_void);
        out
    }
}

fn decode(data: &[u8]) -> Result<(Vec<u8>, u32), i32> {
    unsafe {
        let mut err: jpeg_error_mgr = mem::zeroed();
        let mut cinfo: jpeg_decompress_struct = mem::zeroed();
        cinfo.common.err = jpeg_std_error(&mut err);
        err.error_exit = Some(error_exit);
        err.emit_message = Some(quiet);
        jpeg_create_decompress(&mut cinfo);
        let mut refills: u32 = 0;
        cinfo.common.client_data = &mut refills as *mut u32 as *mut c_void;
        let mut src = SliceSource {
            mgr: jpeg_source_mgr {
                next_input_byte: std::ptr::null(),
                bytes_in_buffer: 0,
                init_source: Some(src_init),
                fill_input_buffer: Some(src_fill),
                skip_input_data: Some(src_skip),
                resync_to_restart: Some(jpeg_resync_to_restart),
                term_source: Some(src_term),
            },
            data: data.as_ptr(),
            len: data.len(),
            given: false,
        };
        cinfo.src = &mut src.mgr;
        let r = catch_unwind(AssertUnwindSafe(|| {
            jpeg_read_header(&mut cinfo, 1);
            cinfo.out_color_space = J_COLOR_SPACE::JCS_RGB;
            jpeg_start_decompress(&mut cinfo);
            let stride = (cinfo.output_width * cinfo.output_components as u32) as usize;
            let mut pixels = vec![0u8; stride * cinfo.output_height as usize];
            while cinfo.output_scanline < cinfo.output_height {
                let row = pixels.as_mut_ptr().add(cinfo.output_scanline as usize * stride);
                let mut rows = [row];
                jpeg_read_scanlines(&mut cinfo, rows.as_mut_ptr(), 1);
            }
            jpeg_finish_decompress(&mut cinfo);
            pixels
        }));
        jpeg_destroy_decompress(&mut cinfo);
        match r {
            Ok(p) => Ok((p, refills)),
            Err(e) => Err(e.downcast::<JpegError>().map(|j| j.0).unwrap_or(-1)),
        }
    }
}

fn main() {
    let mut rgb = Vec::with_capacity((W * H * 3) as usize);
    for y in 0..H {
        for x in 0..W {
            rgb.extend_from_slice(&[(x * 2) as u8, (y * 3) as u8, 128]);
        }
    }
    let jpeg = encode(&rgb);
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let (pixels, refills) = decode(&jpeg).unwrap_or_else(|c| panic!("decode failed: libjpeg message {c}"));
    assert_eq!(pixels.len(), rgb.len());
    let err: u64 = pixels.iter().zip(&rgb).map(|(a, b)| (*a as i32 - *b as i32).unsigned_abs() as u64).sum();
    assert!(err / (pixels.len() as u64) < 6, "mean error {}", err / pixels.len() as u64);
    // Not a JPEG: error_exit unwinds out of libjpeg into catch_unwind.
    let bad = decode(b"definitely not a jpeg file").unwrap_err();
    assert_ne!(bad, -1);
    println!("mozjpeg: {} bytes, {refills} refills, mean error {}, bad input -> libjpeg message {bad}", jpeg.len(), err / pixels.len() as u64);
}
