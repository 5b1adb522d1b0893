// libzmq (C++, zmq-sys builds it with zeromq-src and cc) through the zmq crate and raw zmq-sys,
// over inproc sockets only (no network): PAIR, PUSH/PULL and REQ/REP in threads sharing one
// context, multipart messages, polling, socket options, and zero-copy messages whose Rust
// buffer libzmq keeps until it calls the Rust free callback (zmq_msg_init_data with a hint).
use std::ffi::{c_int, c_void};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use zmq_sys as z;

static FREED: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn free_vec(data: *mut c_void, hint: *mut c_void) {
    // hint carries the length: rebuild the boxed slice and drop it.
    let len = hint as usize;
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(data as *mut u8, len)));
    FREED.fetch_add(1, Ordering::Relaxed);
}

fn raw_zero_copy(ctx: &zmq::Context) {
    let mut a = ctx.socket(zmq::PAIR).unwrap();
    a.bind("inproc://raw").unwrap();
    let mut b = ctx.socket(zmq::PAIR).unwrap();
    b.connect("inproc://raw").unwrap();
    unsafe {
        for i in 0..10u8 {
            let payload: Box<[u8]> = vec![i; 100 + i as usize].into_boxed_slice();
            let len = payload.len();
            let data = Box::into_raw(payload) as *mut u8;
            let mut msg = z::zmq_msg_t::default();
            assert_eq!(z::zmq_msg_init_data(&mut msg, data as *mut c_void, len, Some(free_vec), len as *mut c_void), 0);
            assert_eq!(z::zmq_msg_send(&mut msg, a.as_mut_ptr(), 0), len as c_int);
            // A sent message belongs to libzmq now; no zmq_msg_close.
            let mut got = z::zmq_msg_t::default();
            assert_eq!(z::zmq_msg_init(&mut got), 0);
            let n = z::zmq_msg_recv(&mut got, b.as_mut_ptr(), 0);
            assert_eq!(n as usize, len);
            let bytes = std::slice::from_raw_parts(z::zmq_msg_data(&mut got) as *const u8, z::zmq_msg_size(&got));
            assert!(bytes.iter().all(|&x| x == i));
            assert_eq!(z::zmq_msg_close(&mut got), 0);
        }
    }
    drop(a);
    drop(b);
    assert_eq!(FREED.load(Ordering::Relaxed), 10);
    println!("raw zero-copy: 10 messages, 10 buffers released by libzmq");
}

fn pipeline(ctx: &zmq::Context) {
    let pull = ctx.socket(zmq::PULL).unwrap();
    pull.bind("inproc://work").unwrap();
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let ctx = ctx.clone();
            thread::spawn(move || {
                let push = ctx.socket(zmq::PUSH).unwrap();
                push.set_linger(1000).unwrap();
                push.connect("inproc://work").unwrap();
                for j in 0..50 {
                    push.send_multipart([format!("worker-{w}").as_bytes(), &(j as u32).to_le_bytes()], 0).unwrap();
                }
            })
        })
        .collect();
    let mut total = 0u64;
    for _ in 0..150 {
        let parts = pull.recv_multipart(0).unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts[0].starts_with(b"worker-"));
        total += u32::from_le_bytes(parts[1][..4].try_into().unwrap()) as u64;
    }
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(total, 3 * (0..50).sum::<u64>());
    println!("push/pull: 150 messages from 3 threads, sum {total}");
}

fn req_rep(ctx: &zmq::Context) {
    let rep = ctx.socket(zmq::REP).unwrap();
    rep.bind("inproc://rpc").unwrap();
    let ctx2 = ctx.clone();
    let client = thread::spawn(move || {
        let req = ctx2.socket(zmq::REQ).unwrap();
        req.connect("inproc://rpc").unwrap();
        let mut answers = Vec::new();
        for i in 0..20 {
            req.send(format!("square {i}").as_str(), 0).unwrap();
            answers.push(req.recv_string(0).unwrap().unwrap());
        }
        answers
    });
    let mut served = 0;
    while served < 20 {
        let mut items = [rep.as_poll_item(zmq::POLLIN)];
        zmq::poll(&mut items, 1000).unwrap();
        if !items[0].is_readable() {
            continue;
        }
        let msg = rep.recv_msg(0).unwrap();
        let text = msg.as_str().unwrap();
        let n: u64 = text.strip_prefix("square ").unwrap().parse().unwrap();
        rep.send(zmq::Message::from(&format!("{}", n * n)[..]), 0).unwrap();
        served += 1;
    }
    let answers = client.join().unwrap();
    assert_eq!(answers[7], "49");
    println!("req/rep: {served} requests");
}

fn main() {
    let ctx = zmq::Context::new();
    raw_zero_copy(&ctx);
    pipeline(&ctx);
    req_rep(&ctx);
    let (major, minor, patch) = zmq::version();
    println!("libzmq {major}.{minor}.{patch}");
}
