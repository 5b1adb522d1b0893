// A cxx bridge over a small C++ key-value store (src/store.cc, include/store.h), cxx 1.0:
// UniquePtr<Store> and SharedPtr<Store>, CxxString in and out (&CxxString, Pin<&mut CxxString>,
// UniquePtr<CxxString>), CxxVector in and out, rust::Str/Slice arguments, a Rust fn pointer
// callback (rust::Fn), an opaque Rust type (Visitor) called back from C++, a rust::Vec of
// shared structs filled by C++, and C++ exceptions turned into Result.
use cxx::{let_cxx_string, CxxVector};

#[cxx::bridge(namespace = "store")]
mod ffi {
    struct Entry {
        key: String,
        len: usize,
    }

    extern "Rust" {
        type Visitor;
        fn visitor_entry(v: &mut Visitor, key: &str, len: usize);
    }

    unsafe extern "C++" {
        include!("cxx-bridge/include/store.h");
        type Store;
        fn new_store(name: &str) -> UniquePtr<Store>;
        fn shared_store(name: &str) -> SharedPtr<Store>;
        fn put(self: Pin<&mut Store>, key: &str, value: &[u8]);
        fn get(self: &Store, key: &str, out: Pin<&mut CxxString>) -> bool;
        fn size(self: &Store) -> u64;
        fn name(self: &Store) -> &CxxString;
        fn keys(self: &Store) -> UniquePtr<CxxVector<CxxString>>;
        fn visit(self: &Store, f: fn(&str, &[u8]) -> bool);
        fn visit_with(self: &Store, v: &mut Visitor);
        fn remove(self: Pin<&mut Store>, key: &str);
        fn parse_number(self: &Store, key: &str) -> Result<i64>;
        fn describe(s: &Store) -> String;
        fn joined_keys(s: &Store, sep: &CxxString) -> UniquePtr<CxxString>;
        fn fill_entries(s: &Store, out: &mut Vec<Entry>);
        fn histogram(values: &CxxVector<i32>, buckets: i32) -> Result<UniquePtr<CxxVector<i32>>>;
    }
}

pub struct Visitor {
    seen: Vec<String>,
    bytes: usize,
}

fn visitor_entry(v: &mut Visitor, key: &str, len: usize) {
    v.seen.push(key.to_owned());
    v.bytes += len;
}

fn print_first(key: &str, value: &[u8]) -> bool {
    println!("first entry: {key} = {}", String::from_utf8_lossy(value));
    false
}

fn main() {
    let mut store = ffi::new_store("corpus");
    assert!(!store.is_null());
    for i in 0..20 {
        let key = format!("k{i:02}");
        let value = format!("{}", i * i);
        store.pin_mut().put(&key, value.as_bytes());
    }
    store.pin_mut().put("text", b"not a number");
    store.pin_mut().put("tail", b"12x");
    assert_eq!(store.size(), 22);
    assert_eq!(store.name().to_str().unwrap(), "corpus");

    let_cxx_string!(out = "");
    assert!(store.get("k07", out.as_mut()));
    assert_eq!(out.to_str().unwrap(), "49");
    assert!(!store.get("missing", out.as_mut()));

    let keys = store.keys();
    assert_eq!(keys.len(), 22);
    let names: Vec<String> = keys.iter().map(|k| k.to_string_lossy().into_owned()).collect();
    assert_eq!(names[0], "k00");

    store.visit(print_first);
    let mut v = Visitor { seen: Vec::new(), bytes: 0 };
    store.visit_with(&mut v);
    assert_eq!(v.seen.len(), 22);
    assert!(v.bytes > 20);

    assert_eq!(store.parse_number("k12").unwrap(), 144);
    let e = store.parse_number("text").unwrap_err();
    println!("expected exception: {}", e.what());
    assert!(store.parse_number("tail").is_err());
    assert!(store.parse_number("nope").unwrap_err().what().contains("no such key"));

    store.pin_mut().remove("text");
    store.pin_mut().remove("tail");
    let d = ffi::describe(&store);
    assert_eq!(d, "corpus with 20 entries");
    let_cxx_string!(sep = ",");
    let joined = ffi::joined_keys(&store, &sep);
    assert!(joined.to_str().unwrap().starts_with("k00,k01,"));
    let mut entries = Vec::new();
    ffi::fill_entries(&store, &mut entries);
    assert_eq!(entries.len(), 20);
    assert_eq!(entries[19].key, "k19");
    assert_eq!(entries[19].len, 3);

    let mut values: cxx::UniquePtr<CxxVector<i32>> = CxxVector::new();
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9] {
        values.pin_mut().push(x);
    }
    let h = ffi::histogram(&values, 3).unwrap();
    assert_eq!(h.iter().sum::<i32>(), 15);
    assert!(ffi::histogram(&values, 0).is_err());

    let shared = ffi::shared_store("shared");
    let again = shared.clone();
    assert_eq!(again.name().to_str().unwrap(), "shared");
    assert_eq!(again.size(), 0);
    println!("{d}; histogram {:?}", h.iter().collect::<Vec<_>>());
}
