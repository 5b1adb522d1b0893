// HarfBuzz (harfbuzz-sys `bundled` builds harfbuzz.cc, C++) through its raw C API, without a
// font file: a face made by hb_face_create_for_tables from a Rust table callback, blobs over
// Rust buffers handed to HarfBuzz with a destroy callback that releases them (READONLY mode,
// the buffer kept alive by the blob), hb_font_funcs with Rust nominal-glyph and advance callbacks
// and font_data owned by the font (a Box released by its destroy callback), a buffer message
// callback, glyph info/position arrays returned with out-param lengths, serialization into a
// Rust buffer.
use harfbuzz_sys::*;
use std::ffi::{c_char, c_uint, c_void, CStr};
use std::sync::atomic::{AtomicUsize, Ordering};

static BLOBS_RELEASED: AtomicUsize = AtomicUsize::new(0);
static FONT_DATA_RELEASED: AtomicUsize = AtomicUsize::new(0);

struct Metrics {
    advance_scale: i32,
    lookups: usize,
}

unsafe extern "C" fn release_vec(user: *mut c_void) {
    drop(Box::from_raw(user as *mut Vec<u8>));
    BLOBS_RELEASED.fetch_add(1, Ordering::Relaxed);
}

/// A blob over a Rust buffer: HarfBuzz keeps the buffer until it calls release_vec.
fn blob_of(bytes: Vec<u8>) -> *mut hb_blob_t {
    let boxed = Box::new(bytes);
    let (ptr, len) = (boxed.as_ptr(), boxed.len());
    unsafe { hb_blob_create(ptr as *const c_char, len as c_uint, HB_MEMORY_MODE_READONLY, Box::into_raw(boxed) as *mut c_void, Some(release_vec)) }
}

unsafe extern "C" fn reference_table(_face: *mut hb_face_t, tag: hb_tag_t, user: *mut c_void) -> *mut hb_blob_t {
    let asked = &*(user as *const AtomicUsize);
    asked.fetch_add(1, Ordering::Relaxed);
    if tag == u32::from_be_bytes(*b"RUST") {
        blob_of(b"a table made in Rust".to_vec())
    } else {
        std::ptr::null_mut() // HarfBuzz treats null as the empty blob
    }
}

unsafe extern "C" fn nominal_glyph(_font: *mut hb_font_t, font_data: *mut c_void, unicode: hb_codepoint_t, glyph: *mut hb_codepoint_t, _user: *mut c_void) -> hb_bool_t {
    let m = &mut *(font_data as *mut Metrics);
    m.lookups += 1;
    if (0x20..0x7f).contains(&unicode) {
        *glyph = unicode - 0x1f;
        1
    } else {
        0
    }
}

unsafe extern "C" fn h_advance(_font: *mut hb_font_t, font_data: *mut c_void, glyph: hb_codepoint_t, _user: *mut c_void) -> hb_position_t {
    let m = &*(font_data as *const Metrics);
    m.advance_scale * (1 + glyph as i32 % 7)
}

unsafe extern "C" fn release_metrics(p: *mut c_void) {
    drop(Box::from_raw(p as *mut Metrics));
    FONT_DATA_RELEASED.fetch_add(1, Ordering::Relaxed);
}

unsafe extern "C" fn on_message(_b: *mut hb_buffer_t, _f: *mut hb_font_t, msg: *const c_char, user: *mut c_void) -> hb_bool_t {
    let log = &mut *(user as *mut Vec<String>);
    log.push(CStr::from_ptr(msg).to_string_lossy().into_owned());
    1
}

fn main() {
    unsafe {
        let asked = AtomicUsize::new(0);
        let face = hb_face_create_for_tables(Some(reference_table), &asked as *const AtomicUsize as *mut c_void, None);
        let rust_table = hb_face_reference_table(face, u32::from_be_bytes(*b"RUST"));
        let mut len: c_uint = 0;
        let data = hb_blob_get_data(rust_table, &mut len);
        assert_eq!(std::slice::from_raw_parts(data as *const u8, len as usize), b"a table made in Rust");
        hb_blob_destroy(rust_table);
        assert_eq!(BLOBS_RELEASED.load(Ordering::Relaxed), 1);

        let funcs = hb_font_funcs_create();
        hb_font_funcs_set_nominal_glyph_func(funcs, Some(nominal_glyph), std::ptr::null_mut(), None);
        hb_font_funcs_set_glyph_h_advance_func(funcs, Some(h_advance), std::ptr::null_mut(), None);
        hb_font_funcs_make_immutable(funcs);
        let font = hb_font_create(face);
        let metrics = Box::into_raw(Box::new(Metrics { advance_scale: 64, lookups: 0 }));
        hb_font_set_funcs(font, funcs, metrics as *mut c_void, Some(release_metrics));
        hb_font_funcs_destroy(funcs); // the font holds a reference

        let text = "Hello, HarfBuzz from Rust!";
        let buf = hb_buffer_create();
        let mut log: Vec<String> = Vec::new();
        hb_buffer_set_message_func(buf, Some(on_message), &mut log as *mut Vec<String> as *mut c_void, None);
        hb_buffer_add_utf8(buf, text.as_ptr() as *const c_char, text.len() as i32, 0, text.len() as i32);
        hb_buffer_guess_segment_properties(buf);
        assert_eq!(hb_buffer_get_direction(buf), HB_DIRECTION_LTR);
        hb_shape(font, buf, std::ptr::null(), 0);

        let mut n: c_uint = 0;
        let infos = hb_buffer_get_glyph_infos(buf, &mut n);
        let infos = std::slice::from_raw_parts(infos, n as usize);
        let mut m: c_uint = 0;
        let pos = hb_buffer_get_glyph_positions(buf, &mut m);
        let pos = std::slice::from_raw_parts(pos, m as usize);
        assert_eq!(n as usize, text.len());
        assert_eq!(n, m);
        for (i, (gi, gp)) in infos.iter().zip(pos).enumerate() {
            assert_eq!(gi.codepoint, text.as_bytes()[i] as u32 - 0x1f);
            assert_eq!(gp.x_advance, 64 * (1 + gi.codepoint as i32 % 7));
        }
        assert!((*metrics).lookups >= text.len());

        let mut out = vec![0u8; 4096];
        let mut consumed: c_uint = 0;
        let written = hb_buffer_serialize_glyphs(buf, 0, n, out.as_mut_ptr() as *mut c_char, out.len() as c_uint, &mut consumed, font, HB_BUFFER_SERIALIZE_FORMAT_TEXT, HB_BUFFER_SERIALIZE_FLAG_DEFAULT);
        assert_eq!(written, n);
        let s = CStr::from_ptr(out.as_ptr() as *const c_char).to_string_lossy().into_owned();
        assert!(s.starts_with('[') && s.contains("+"), "{s}");

        // A face over a blob of Rust bytes (not a font: zero glyphs), released with the face.
        let junk = blob_of(vec![0u8; 64]);
        let face2 = hb_face_create(junk, 0);
        hb_blob_destroy(junk);
        assert_eq!(hb_face_get_glyph_count(face2), 0);
        hb_face_destroy(face2);

        hb_buffer_destroy(buf);
        hb_font_destroy(font);
        hb_face_destroy(face);
        assert_eq!(FONT_DATA_RELEASED.load(Ordering::Relaxed), 1);
        assert_eq!(BLOBS_RELEASED.load(Ordering::Relaxed), 2);
        assert!(asked.load(Ordering::Relaxed) >= 1);
        println!("shaped {} glyphs, {} table requests, {} messages: {}", n, asked.load(Ordering::Relaxed), log.len(), &s[..s.len().min(60)]);
        println!("harfbuzz {}", CStr::from_ptr(hb_version_string()).to_string_lossy());
    }
}
