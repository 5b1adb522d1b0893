// LMDB (lmdb-master-sys builds mdb.c/midl.c with cc) through its raw C API, on an environment
// in a temporary directory: handles through out-params (env, txn, dbi, cursor), a custom key
// comparison callback (mdb_set_compare) and a DUPSORT data comparison callback, MDB_val
// out-params pointing into the memory map (borrowed until the transaction ends), MDB_RESERVE
// (LMDB hands out space that Rust fills), cursors, nested transactions, mdb_reader_list with a
// Rust message callback and context, an env user context pointer.
use lmdb_master_sys::*;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ptr;

fn ok(rc: c_int) {
    if rc != 0 {
        panic!("lmdb: {}", unsafe { CStr::from_ptr(mdb_strerror(rc)) }.to_string_lossy());
    }
}

fn val(b: &[u8]) -> MDB_val {
    MDB_val { mv_size: b.len(), mv_data: b.as_ptr() as *mut c_void }
}

unsafe fn bytes<'a>(v: &MDB_val) -> &'a [u8] {
    std::slice::from_raw_parts(v.mv_data as *const u8, v.mv_size)
}

/// Keys are decimal numbers compared numerically.
unsafe extern "C" fn numeric_cmp(a: *const MDB_val, b: *const MDB_val) -> c_int {
    let parse = |v: *const MDB_val| std::str::from_utf8(bytes(&*v)).unwrap().parse::<u64>().unwrap();
    parse(a).cmp(&parse(b)) as c_int
}

/// Duplicates sorted in reverse byte order.
unsafe extern "C" fn reverse_cmp(a: *const MDB_val, b: *const MDB_val) -> c_int {
    bytes(&*b).cmp(bytes(&*a)) as c_int
}

unsafe extern "C" fn collect_msg(msg: *const c_char, ctx: *mut c_void) -> c_int {
    let v = &mut *(ctx as *mut Vec<String>);
    v.push(CStr::from_ptr(msg).to_string_lossy().into_owned());
    0
}

struct AppCtx {
    name: &'static str,
}

fn main() {
    let dir = std::env::temp_dir().join(format!("lmdb-raw-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = CString::new(dir.to_str().unwrap()).unwrap();
    let app = AppCtx { name: "corpus" };
    unsafe {
        let mut env: *mut MDB_env = ptr::null_mut();
        ok(mdb_env_create(&mut env));
        ok(mdb_env_set_mapsize(env, 16 << 20));
        ok(mdb_env_set_maxdbs(env, 4));
        ok(mdb_env_set_userctx(env, &app as *const AppCtx as *mut c_void));
        ok(mdb_env_open(env, path.as_ptr(), 0, 0o644));
        assert_eq!((*(mdb_env_get_userctx(env) as *const AppCtx)).name, "corpus");

        let mut txn: *mut MDB_txn = ptr::null_mut();
        ok(mdb_txn_begin(env, ptr::null_mut(), 0, &mut txn));
        let mut nums: MDB_dbi = 0;
        ok(mdb_dbi_open(txn, c"nums".as_ptr(), MDB_CREATE, &mut nums));
        ok(mdb_set_compare(txn, nums, Some(numeric_cmp)));
        let mut tags: MDB_dbi = 0;
        ok(mdb_dbi_open(txn, c"tags".as_ptr(), MDB_CREATE | MDB_DUPSORT, &mut tags));
        ok(mdb_set_dupsort(txn, tags, Some(reverse_cmp)));
        for i in (0..200u64).rev() {
            let k = i.to_string();
            let mut key = val(k.as_bytes());
            // MDB_RESERVE: LMDB returns space in the map for us to fill.
            let mut data = MDB_val { mv_size: 16, mv_data: ptr::null_mut() };
            ok(mdb_put(txn, nums, &mut key, &mut data, MDB_RESERVE));
            let dst = std::slice::from_raw_parts_mut(data.mv_data as *mut u8, 16);
            dst.copy_from_slice(format!("value-{i:010}").as_bytes());
        }
        for (k, v) in [("fruit", "apple"), ("fruit", "pear"), ("fruit", "fig"), ("veg", "leek")] {
            let mut key = val(k.as_bytes());
            let mut data = val(v.as_bytes());
            ok(mdb_put(txn, tags, &mut key, &mut data, 0));
        }
        // A nested transaction that is aborted leaves nothing behind.
        let mut child: *mut MDB_txn = ptr::null_mut();
        ok(mdb_txn_begin(env, txn, 0, &mut child));
        let mut key = val(b"999");
        let mut data = val(b"discarded");
        ok(mdb_put(child, nums, &mut key, &mut data, 0));
        mdb_txn_abort(child);
        ok(mdb_txn_commit(txn));

        let mut rtxn: *mut MDB_txn = ptr::null_mut();
        ok(mdb_txn_begin(env, ptr::null_mut(), MDB_RDONLY, &mut rtxn));
        let mut key = val(b"42");
        let mut data = MDB_val { mv_size: 0, mv_data: ptr::null_mut() };
        ok(mdb_get(rtxn, nums, &mut key, &mut data));
        assert_eq!(bytes(&data), b"value-0000000042");
        let mut key = val(b"999");
        assert_eq!(mdb_get(rtxn, nums, &mut key, &mut data), MDB_NOTFOUND);

        let mut cur: *mut MDB_cursor = ptr::null_mut();
        ok(mdb_cursor_open(rtxn, nums, &mut cur));
        let mut k = val(b"9");
        let mut d = MDB_val { mv_size: 0, mv_data: ptr::null_mut() };
        ok(mdb_cursor_get(cur, &mut k, &mut d, MDB_SET_RANGE));
        let mut seen = vec![std::str::from_utf8(bytes(&k)).unwrap().to_owned()];
        while mdb_cursor_get(cur, &mut k, &mut d, MDB_NEXT) == 0 && seen.len() < 4 {
            seen.push(std::str::from_utf8(bytes(&k)).unwrap().to_owned());
        }
        assert_eq!(seen, ["9", "10", "11", "12"], "numeric order from the Rust comparator");
        mdb_cursor_close(cur);

        ok(mdb_cursor_open(rtxn, tags, &mut cur));
        let mut k = val(b"fruit");
        let mut d = MDB_val { mv_size: 0, mv_data: ptr::null_mut() };
        ok(mdb_cursor_get(cur, &mut k, &mut d, MDB_SET_RANGE));
        let mut dups = vec![String::from_utf8_lossy(bytes(&d)).into_owned()];
        while mdb_cursor_get(cur, &mut k, &mut d, MDB_NEXT_DUP) == 0 {
            dups.push(String::from_utf8_lossy(bytes(&d)).into_owned());
        }
        assert_eq!(dups, ["pear", "fig", "apple"]);
        mdb_cursor_close(cur);

        let mut st: MDB_stat = std::mem::zeroed();
        ok(mdb_stat(rtxn, nums, &mut st));
        assert_eq!(st.ms_entries, 200);
        let mut msgs: Vec<String> = Vec::new();
        assert!(mdb_reader_list(env, Some(collect_msg), &mut msgs as *mut Vec<String> as *mut c_void) >= 0);
        assert!(!msgs.is_empty());
        mdb_txn_abort(rtxn);
        mdb_env_close(env);
        let (mut ma, mut mi, mut pa) = (0, 0, 0);
        let v = CStr::from_ptr(mdb_version(&mut ma, &mut mi, &mut pa)).to_string_lossy();
        println!("lmdb: {} entries, depth {}, {} reader lines; {v}", st.ms_entries, st.ms_depth, msgs.len());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
