// A Rust wrapper over a C++ event bus with a C API (cpp/bus.[h,cpp], built with cc): Rust
// closures boxed into the bus's user pointer with a destroy callback that the C++ side calls
// when it drops them (unsubscribe, self-removal, refusal, bus_free), an ops table passed by
// value and copied by C++, subscription ids through an out-param, borrowed payloads during a
// synchronous callback, an snprintf-style two-call string API, interned strings owned by the
// bus, C++ exceptions caught inside the library and turned into status codes.
use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_long, c_void, CStr, CString};
use std::rc::Rc;

#[repr(C)]
struct BusEvent {
    topic: *const c_char,
    payload: *const u8,
    len: usize,
    seq: u64,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct BusHandlerOps {
    on_event: unsafe extern "C" fn(*mut c_void, *const BusEvent) -> c_int,
    destroy: Option<unsafe extern "C" fn(*mut c_void)>,
}

#[repr(C)]
#[derive(Debug, PartialEq, Clone, Copy)]
#[allow(dead_code)]
enum BusStatus {
    Ok = 0,
    NoSuch = 1,
    BadTopic = 2,
    Internal = 3,
}

#[repr(C)]
struct RawBus {
    _p: [u8; 0],
}

extern "C" {
    fn bus_new() -> *mut RawBus;
    fn bus_free(b: *mut RawBus);
    fn bus_subscribe(b: *mut RawBus, topic: *const c_char, ops: BusHandlerOps, user: *mut c_void, id: *mut u64) -> BusStatus;
    fn bus_unsubscribe(b: *mut RawBus, id: u64) -> BusStatus;
    fn bus_publish(b: *mut RawBus, topic: *const c_char, payload: *const u8, len: usize, status: *mut BusStatus) -> c_long;
    fn bus_describe(b: *const RawBus, buf: *mut c_char, cap: usize) -> usize;
    fn bus_intern(b: *mut RawBus, topic: *const c_char) -> *const c_char;
}

pub struct Event<'a> {
    pub topic: &'a str,
    pub payload: &'a [u8],
    pub seq: u64,
}

type Callback = Box<dyn FnMut(&Event) -> bool>;

unsafe extern "C" fn trampoline(user: *mut c_void, ev: *const BusEvent) -> c_int {
    let cb = &mut *(user as *mut Callback);
    let ev = &*ev;
    let e = Event {
        topic: CStr::from_ptr(ev.topic).to_str().unwrap(),
        payload: std::slice::from_raw_parts(ev.payload, ev.len),
        seq: ev.seq,
    };
    // A panic must not unwind into C++: catch it and drop the subscription.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cb(&e))) {
        Ok(keep) => (!keep) as c_int,
        Err(_) => 1,
    }
}

unsafe extern "C" fn destroy(user: *mut c_void) {
    drop(Box::from_raw(user as *mut Callback));
}

const OPS: BusHandlerOps = BusHandlerOps { on_event: trampoline, destroy: Some(destroy) };

pub struct Bus {
    raw: *mut RawBus,
}

impl Bus {
    pub fn new() -> Bus {
        let raw = unsafe { bus_new() };
        assert!(!raw.is_null());
        Bus { raw }
    }

    /// `f` returns whether to stay subscribed.
    pub fn subscribe(&mut self, topic: &str, f: impl FnMut(&Event) -> bool + 'static) -> Result<u64, BusStatus> {
        let topic = CString::new(topic).unwrap();
        let boxed: Box<Callback> = Box::new(Box::new(f));
        let mut id = 0u64;
        let st = unsafe { bus_subscribe(self.raw, topic.as_ptr(), OPS, Box::into_raw(boxed) as *mut c_void, &mut id) };
        if st == BusStatus::Ok {
            Ok(id)
        } else {
            Err(st) // the bus already released the closure
        }
    }

    pub fn unsubscribe(&mut self, id: u64) -> BusStatus {
        unsafe { bus_unsubscribe(self.raw, id) }
    }

    pub fn publish(&mut self, topic: &str, payload: &[u8]) -> Result<usize, BusStatus> {
        let topic = CString::new(topic).unwrap();
        let mut st = BusStatus::Internal;
        let n = unsafe { bus_publish(self.raw, topic.as_ptr(), payload.as_ptr(), payload.len(), &mut st) };
        if n < 0 {
            Err(st)
        } else {
            Ok(n as usize)
        }
    }

    pub fn describe(&self) -> String {
        unsafe {
            let need = bus_describe(self.raw, std::ptr::null_mut(), 0);
            let mut buf = vec![0u8; need + 1];
            let n = bus_describe(self.raw, buf.as_mut_ptr() as *mut c_char, buf.len());
            assert_eq!(n, need);
            buf.truncate(n);
            String::from_utf8(buf).unwrap()
        }
    }

    pub fn intern(&mut self, topic: &str) -> &str {
        let t = CString::new(topic).unwrap();
        let p = unsafe { bus_intern(self.raw, t.as_ptr()) };
        assert!(!p.is_null(), "out of memory");
        unsafe { CStr::from_ptr(p).to_str().unwrap() }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        unsafe { bus_free(self.raw) }
    }
}

struct DropCounter(Rc<RefCell<u32>>);
impl Drop for DropCounter {
    fn drop(&mut self) {
        *self.0.borrow_mut() += 1;
    }
}

fn main() {
    let dropped = Rc::new(RefCell::new(0u32));
    let log: Rc<RefCell<Vec<String>>> = Rc::new(RefCell::new(Vec::new()));
    {
        let mut bus = Bus::new();
        let l = log.clone();
        let guard = DropCounter(dropped.clone());
        let all = bus
            .subscribe("sensor.*", move |e| {
                let _ = &guard;
                l.borrow_mut().push(format!("{}#{}:{}", e.topic, e.seq, e.payload.len()));
                true
            })
            .unwrap();
        let guard = DropCounter(dropped.clone());
        let mut remaining = 2;
        bus.subscribe("sensor.temp", move |e| {
            let _ = &guard;
            assert!(e.payload.starts_with(b"t="));
            remaining -= 1;
            remaining > 0
        })
        .unwrap();
        let guard = DropCounter(dropped.clone());
        assert_eq!(bus.subscribe("bad topic", move |_| {
            let _ = &guard;
            true
        }), Err(BusStatus::BadTopic));
        assert_eq!(*dropped.borrow(), 1, "a refused closure is released by the bus");

        for i in 0..3 {
            let payload = format!("t={}", 20 + i).into_bytes();
            let n = bus.publish("sensor.temp", &payload).unwrap();
            assert_eq!(n, if i < 2 { 2 } else { 1 });
        }
        assert_eq!(*dropped.borrow(), 2, "a closure that asked to leave is released");
        assert_eq!(bus.publish("sensor.humidity", b"h=40").unwrap(), 1);
        assert_eq!(bus.publish("other", b"x").unwrap(), 0);
        assert_eq!(bus.publish("no good", b"x"), Err(BusStatus::BadTopic));

        let guard = DropCounter(dropped.clone());
        let panicky = bus
            .subscribe("panic", move |_| {
                let _ = &guard;
                panic!("handler failure")
            })
            .unwrap();
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        assert_eq!(bus.publish("panic", b"!").unwrap(), 1);
        std::panic::set_hook(prev);
        assert_eq!(bus.unsubscribe(panicky), BusStatus::NoSuch, "dropped after its panic");
        assert_eq!(*dropped.borrow(), 3);

        let d = bus.describe();
        assert_eq!(d, "1 handlers, 6 events, 7 deliveries");
        let a = bus.intern("sensor.temp").as_ptr();
        let b = bus.intern("sensor.temp").as_ptr();
        assert_eq!(a, b);
        assert_eq!(bus.unsubscribe(all), BusStatus::Ok);
        assert_eq!(*dropped.borrow(), 4);
        bus.subscribe("late", |_| true).unwrap();
        println!("bus: {d}");
    }
    assert_eq!(log.borrow().len(), 4);
    println!("events: {:?}", log.borrow());
}
