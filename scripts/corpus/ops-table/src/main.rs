// A Rust wrapper over a small C library configured with function-pointer tables
// (csrc/pipeline.[ch]): an allocator table of Rust callbacks passed by value and kept by C, stage
// ops tables passed by pointer (static, outliving the pipeline) with Rust state boxed into a
// void* that C owns and releases through the table's destroy callback, a struct returned by
// value, output buffers allocated through the Rust allocator callbacks and released through the
// library, a C stage mixed with Rust stages, a visitor callback with user data.
use std::alloc::{alloc, dealloc, realloc, Layout};
use std::ffi::{c_char, c_int, c_void, CStr};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicIsize, Ordering};

#[repr(C)]
#[derive(Clone, Copy)]
struct PlAllocator {
    alloc: unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void,
    realloc: unsafe extern "C" fn(*mut c_void, *mut c_void, usize, usize) -> *mut c_void,
    release: unsafe extern "C" fn(*mut c_void, *mut c_void, usize),
    ctx: *mut c_void,
}

#[repr(C)]
struct PlStageOps {
    name: *const c_char,
    transform: unsafe extern "C" fn(*mut c_void, *const u8, usize, *mut u8, usize) -> usize,
    bound: Option<unsafe extern "C" fn(*mut c_void, usize) -> usize>,
    destroy: Option<unsafe extern "C" fn(*mut c_void)>,
}
unsafe impl Sync for PlStageOps {}

#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
struct PlStats {
    calls: u64,
    bytes_in: u64,
    bytes_out: u64,
}

#[repr(C)]
struct RawPipeline {
    _p: [u8; 0],
}

extern "C" {
    fn pl_new(alloc: PlAllocator) -> *mut RawPipeline;
    fn pl_add_stage(p: *mut RawPipeline, ops: *const PlStageOps, state: *mut c_void) -> c_int;
    fn pl_run(p: *mut RawPipeline, input: *const u8, len: usize, out: *mut *mut u8, out_len: *mut usize) -> c_int;
    fn pl_release(p: *mut RawPipeline, buf: *mut u8, len: usize);
    fn pl_get_stats(p: *const RawPipeline) -> PlStats;
    fn pl_each_stage(p: *const RawPipeline, f: unsafe extern "C" fn(*mut c_void, *const c_char, usize), user: *mut c_void);
    fn pl_free(p: *mut RawPipeline);
    static pl_xor_ops: PlStageOps;
    fn pl_xor_state(p: *mut RawPipeline, key: u8) -> *mut c_void;
}

/// Counts live blocks of the C library's allocations made through Rust.
struct Arena {
    live: AtomicIsize,
    peak: AtomicIsize,
}

const ALIGN: usize = 16;

unsafe extern "C" fn a_alloc(ctx: *mut c_void, size: usize) -> *mut c_void {
    let arena = &*(ctx as *const Arena);
    let n = arena.live.fetch_add(1, Ordering::Relaxed) + 1;
    arena.peak.fetch_max(n, Ordering::Relaxed);
    alloc(Layout::from_size_align(size.max(1), ALIGN).unwrap()) as *mut c_void
}

unsafe extern "C" fn a_realloc(ctx: *mut c_void, p: *mut c_void, old: usize, new: usize) -> *mut c_void {
    if p.is_null() {
        return a_alloc(ctx, new);
    }
    realloc(p as *mut u8, Layout::from_size_align(old.max(1), ALIGN).unwrap(), new.max(1)) as *mut c_void
}

unsafe extern "C" fn a_release(ctx: *mut c_void, p: *mut c_void, size: usize) {
    if p.is_null() {
        return;
    }
    (*(ctx as *const Arena)).live.fetch_sub(1, Ordering::Relaxed);
    dealloc(p as *mut u8, Layout::from_size_align(size.max(1), ALIGN).unwrap());
}

/// A stage implemented in Rust.
trait Stage {
    fn apply(&mut self, input: &[u8], out: &mut [u8]) -> usize;
    fn bound(&self, len: usize) -> usize {
        len
    }
}

struct Upper;
impl Stage for Upper {
    fn apply(&mut self, input: &[u8], out: &mut [u8]) -> usize {
        for (o, i) in out.iter_mut().zip(input) {
            *o = i.to_ascii_uppercase();
        }
        input.len().min(out.len())
    }
}

struct Doubler {
    seen: usize,
}
impl Stage for Doubler {
    fn apply(&mut self, input: &[u8], out: &mut [u8]) -> usize {
        self.seen += input.len();
        let mut n = 0;
        for &b in input {
            if n + 2 > out.len() {
                break;
            }
            out[n] = b;
            out[n + 1] = b;
            n += 2;
        }
        n
    }
    fn bound(&self, len: usize) -> usize {
        2 * len
    }
}

unsafe extern "C" fn stage_transform(state: *mut c_void, input: *const u8, len: usize, out: *mut u8, cap: usize) -> usize {
    let stage = &mut *(state as *mut Box<dyn Stage>);
    stage.apply(std::slice::from_raw_parts(input, len), std::slice::from_raw_parts_mut(out, cap))
}

unsafe extern "C" fn stage_bound(state: *mut c_void, len: usize) -> usize {
    (*(state as *const Box<dyn Stage>)).bound(len)
}

unsafe extern "C" fn stage_destroy(state: *mut c_void) {
    drop(Box::from_raw(state as *mut Box<dyn Stage>));
}

static UPPER_OPS: PlStageOps = PlStageOps { name: c"upper".as_ptr(), transform: stage_transform, bound: Some(stage_bound), destroy: Some(stage_destroy) };
static DOUBLE_OPS: PlStageOps = PlStageOps { name: c"double".as_ptr(), transform: stage_transform, bound: Some(stage_bound), destroy: Some(stage_destroy) };

/// The safe wrapper: owns the C pipeline; the arena outlives it (boxed, dropped after).
struct Pipeline<'a> {
    raw: *mut RawPipeline,
    _arena: PhantomData<&'a Arena>,
}

impl<'a> Pipeline<'a> {
    fn new(arena: &'a Arena) -> Self {
        let a = PlAllocator { alloc: a_alloc, realloc: a_realloc, release: a_release, ctx: arena as *const Arena as *mut c_void };
        let raw = unsafe { pl_new(a) };
        assert!(!raw.is_null());
        Pipeline { raw, _arena: PhantomData }
    }

    fn add(&mut self, ops: &'static PlStageOps, stage: Box<dyn Stage>) {
        let state = Box::into_raw(Box::new(stage)) as *mut c_void;
        assert_eq!(unsafe { pl_add_stage(self.raw, ops, state) }, 0);
    }

    fn add_xor(&mut self, key: u8) {
        unsafe {
            let st = pl_xor_state(self.raw, key);
            assert!(!st.is_null());
            assert_eq!(pl_add_stage(self.raw, &pl_xor_ops, st), 0);
        }
    }

    fn run(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out: *mut u8 = std::ptr::null_mut();
        let mut len = 0usize;
        unsafe {
            assert_eq!(pl_run(self.raw, input.as_ptr(), input.len(), &mut out, &mut len), 0);
            let v = std::slice::from_raw_parts(out, len).to_vec();
            pl_release(self.raw, out, len);
            v
        }
    }

    fn stats(&self) -> PlStats {
        unsafe { pl_get_stats(self.raw) }
    }

    fn stage_names(&self) -> Vec<String> {
        unsafe extern "C" fn push(user: *mut c_void, name: *const c_char, index: usize) {
            let v = &mut *(user as *mut Vec<String>);
            assert_eq!(v.len(), index);
            v.push(CStr::from_ptr(name).to_string_lossy().into_owned());
        }
        let mut names: Vec<String> = Vec::new();
        unsafe { pl_each_stage(self.raw, push, &mut names as *mut Vec<String> as *mut c_void) };
        names
    }
}

impl Drop for Pipeline<'_> {
    fn drop(&mut self) {
        unsafe { pl_free(self.raw) }
    }
}

fn main() {
    let arena = Box::new(Arena { live: AtomicIsize::new(0), peak: AtomicIsize::new(0) });
    {
        let mut p = Pipeline::new(&arena);
        p.add(&UPPER_OPS, Box::new(Upper));
        p.add(&DOUBLE_OPS, Box::new(Doubler { seen: 0 }));
        p.add_xor(0x20);
        p.add_xor(0x20);
        let out = p.run(b"hello, ops table");
        assert_eq!(out, b"HHEELLLLOO,,  OOPPSS  TTAABBLLEE");
        let out2 = p.run(b"abc");
        assert_eq!(out2, b"AABBCC");
        let st = p.stats();
        assert_eq!(st.calls, 8);
        assert_eq!(p.stage_names(), ["upper", "double", "xor", "xor"]);
        println!("stats {st:?}, peak {} blocks", arena.peak.load(Ordering::Relaxed));
    }
    assert_eq!(arena.live.load(Ordering::Relaxed), 0, "the pipeline released everything it allocated");
    println!("ok");
}
