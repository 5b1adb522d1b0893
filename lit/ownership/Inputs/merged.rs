// Correct Rust with no ownership crossing: LLVM merges two identical inlined `free` (or
// `malloc`) calls from different inlined __rdl_dealloc (__rdl_alloc) sites into one call whose
// location has lost the __rdl_* frames (line 0, or core's drop_in_place).
unsafe extern "C" { fn c_twice(x: i32) -> i32; }

pub enum Class { Unicode(Vec<u32>), Bytes(Vec<u8>) }

#[inline(never)]
pub fn make(n: usize) -> Class {
    if n % 2 == 0 { Class::Unicode(vec![7; n]) } else { Class::Bytes(vec![9; n]) }
}

#[inline(never)]
pub fn negate(c: &mut Class) {
    // allocate a new buffer (Rust's allocator), replace the old one (dropped)
    match c {
        Class::Unicode(v) => *v = v.iter().map(|x| !x).collect(),
        Class::Bytes(v) => *v = v.iter().map(|x| !x).collect(),
    }
}

#[inline(never)]
pub fn consume(c: Class) -> usize {
    // drop_in_place::<Class> here: two free calls (one per variant) that LLVM sinks into one
    match &c { Class::Unicode(v) => v.len(), Class::Bytes(v) => v.len() }
}

#[derive(Debug)]
pub enum Kind { A(u64), B(u32), C(u16) }

#[inline(never)]
pub fn boxed_kind(x: u32) -> Result<u32, Box<Kind>> {
    // three Box::new calls in different arms; LLVM hoists/sinks the malloc calls
    match x % 4 {
        0 => Err(Box::new(Kind::A(x as u64))),
        1 => Err(Box::new(Kind::B(x))),
        2 => Err(Box::new(Kind::C(x as u16))),
        _ => Ok(x),
    }
}

#[inline(never)]
pub fn retry(x: u32) -> u32 {
    match boxed_kind(x) {
        Ok(v) => v,
        Err(e) => { let r = match *e { Kind::A(a) => a as u32, Kind::B(b) => b, Kind::C(c) => c as u32 }; drop(e); r }
    }
}

#[no_mangle]
pub extern "C" fn merged_main() -> i32 {
    let n = std::env::args().count() + 4;
    let mut c = make(n);
    negate(&mut c);
    let mut total = consume(c);
    for i in 0..8 { total += retry(i) as usize; }
    unsafe { c_twice(total as i32) }
}
