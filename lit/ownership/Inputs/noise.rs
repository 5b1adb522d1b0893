// A realistic Rust library using std broadly (fs, env, CString, threads, collections,
// Box<dyn Trait>) with correct FFI to C++: ffiguard must report nothing on it.
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::ffi::{c_char, c_int, CStr, CString};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

#[repr(C)]
pub struct Widget {
    pub id: c_int,
    pub name: *mut c_char,
}

extern "C" {
    fn cpp_log(msg: *const c_char) -> c_int;
    fn cpp_make_label(id: c_int) -> *mut c_char; // malloc'ed by C++
    fn cpp_free_label(p: *mut c_char);
    fn cpp_sum(values: *const c_int, n: usize) -> c_int;
    fn cpp_visit(w: *const Widget) -> c_int;
}

extern "C-unwind" {
    // May throw (std::stoi): declared C-unwind, so unwinding through this call is allowed.
    fn cpp_parse(s: *const c_char) -> c_int;
}

extern "C" {
    fn cpp_peek(w: &Widget) -> c_int; // reads only, during the call
    fn cpp_pair_sum(p: Pair) -> i64; // the same prototype on both sides, by value
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Pair {
    pub a: i64,
    pub b: i64,
}

#[no_mangle]
pub extern "C" fn rust_swap_ints(a: &mut c_int, b: &mut c_int) {
    std::mem::swap(a, b);
}

#[no_mangle]
pub extern "C" fn rust_describe(w: Option<&Widget>) -> c_int {
    w.map_or(-1, |w| w.id)
}

#[no_mangle]
pub extern "C" fn rust_read_widget(w: &Widget) -> c_int {
    w.id
}

/// Correct uses of the patterns the lifetime, aliasing and ABI rules look for.
#[no_mangle]
pub extern "C" fn rust_patterns() -> c_int {
    let digits = CString::new("42").unwrap();
    let parsed = unsafe { cpp_parse(digits.as_ptr()) };
    let local = Widget { id: 9, name: std::ptr::null_mut() };
    let peeked = unsafe { cpp_peek(&local) };
    let sum = unsafe { cpp_pair_sum(Pair { a: 1, b: 2 }) };
    parsed + peeked + sum as c_int
}

trait Shape {
    fn area(&self) -> f64;
}
struct Square(f64);
struct Circle(f64);
impl Shape for Square {
    fn area(&self) -> f64 { self.0 * self.0 }
}
impl Shape for Circle {
    fn area(&self) -> f64 { 3.14159 * self.0 * self.0 }
}

#[no_mangle]
pub extern "C" fn widget_create(id: c_int) -> *mut Widget {
    let name = CString::new(format!("widget-{id}")).unwrap();
    Box::into_raw(Box::new(Widget { id, name: name.into_raw() }))
}

#[no_mangle]
pub extern "C" fn widget_destroy(w: *mut Widget) {
    if w.is_null() {
        return;
    }
    let w = unsafe { Box::from_raw(w) };
    if !w.name.is_null() {
        drop(unsafe { CString::from_raw(w.name) });
    }
}

#[no_mangle]
pub extern "C" fn widget_id(w: *const Widget) -> c_int {
    unsafe { (*w).id }
}

#[no_mangle]
pub extern "C" fn rust_total_area(n: c_int) -> f64 {
    let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
    for i in 0..n {
        if i % 2 == 0 {
            shapes.push(Box::new(Square(i as f64)));
        } else {
            shapes.push(Box::new(Circle(i as f64)));
        }
    }
    shapes.iter().map(|s| s.area()).sum()
}

#[no_mangle]
pub extern "C" fn rust_run() -> c_int {
    // env + fs + io
    let key = std::env::var("FFIGUARD_DEMO").unwrap_or_else(|_| "default".to_string());
    let path = std::env::temp_dir().join(format!("ffiguard-noise-{}.txt", std::process::id()));
    {
        let mut f = std::fs::File::create(&path).unwrap();
        writeln!(f, "key={key}").unwrap();
    }
    let mut text = String::new();
    std::fs::File::open(&path).unwrap().read_to_string(&mut text).unwrap();
    let _ = std::fs::remove_file(&path);

    // CString kept in a binding across the call
    let msg = CString::new(text.trim()).unwrap();
    unsafe { cpp_log(msg.as_ptr()) };

    // collections
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        *counts.entry(word.to_string()).or_default() += 1;
    }
    let ordered: BTreeMap<_, _> = counts.iter().collect();
    let mut queue: VecDeque<c_int> = (1..=10).collect();
    queue.rotate_left(3);
    let values: Vec<c_int> = queue.into_iter().collect();
    let sum = unsafe { cpp_sum(values.as_ptr(), values.len()) };

    // threads
    let shared = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.lock().unwrap().push(i * 2))
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let total: i32 = shared.lock().unwrap().iter().sum();

    // memory from C++, handed back to C++'s release function
    let label = unsafe { cpp_make_label(7) };
    let len = unsafe { CStr::from_ptr(label) }.to_bytes().len();
    unsafe { cpp_free_label(label) };

    // a Rust object lent to C++ for reading only, dropped by Rust
    let w = widget_create(3);
    let seen = unsafe { cpp_visit(w) };
    widget_destroy(w);

    let boxed: Box<dyn Shape> = Box::new(Square(2.0));
    (sum + total + len as c_int + seen + ordered.len() as c_int + boxed.area() as c_int) as c_int
}
