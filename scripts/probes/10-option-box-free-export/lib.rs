// Near miss of 07/09: the idiomatic cbindgen pair -- constructor returns Box<T>, destructor
// takes Option<Box<T>> (Box in an extern "C" signature is a non-null pointer, Option makes
// NULL allowed); the C client calls both.
pub struct Counter {
    hits: u64,
    name: String,
}

#[no_mangle]
pub extern "C" fn counter_new() -> Box<Counter> {
    Box::new(Counter { hits: 0, name: String::from("requests") })
}

#[no_mangle]
pub extern "C" fn counter_hit(c: &mut Counter) -> u64 {
    c.hits += 1;
    c.hits + c.name.len() as u64
}

#[no_mangle]
pub extern "C" fn counter_free(_c: Option<Box<Counter>>) {}
