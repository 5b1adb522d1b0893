// SQLite (bundled amalgamation) through rusqlite and through raw libsqlite3-sys:
// binds with SQLITE_STATIC (buffer outlives the statement) and SQLITE_TRANSIENT (SQLite copies),
// a bind with a Rust destructor callback, out-params (sqlite3_open_v2, prepare_v2), incremental
// blob I/O, scalar and aggregate functions with Rust callbacks, a collation, a busy handler, and
// a commit hook holding a pointer to Rust state.
use rusqlite::ffi;
use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, MAIN_DB};
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::io::{Read, Write};
use std::ptr;

unsafe extern "C" fn free_boxed_text(p: *mut c_void) {
    // Text handed to SQLite with this destructor: a CString turned into a raw pointer.
    drop(CString::from_raw(p as *mut c_char));
}

unsafe extern "C" fn rev_func(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    assert_eq!(argc, 1);
    let v = *argv;
    let t = ffi::sqlite3_value_text(v);
    if t.is_null() {
        ffi::sqlite3_result_null(ctx);
        return;
    }
    let s = CStr::from_ptr(t as *const c_char).to_str().unwrap();
    let r: String = s.chars().rev().collect();
    let bytes = r.into_bytes();
    // SQLITE_TRANSIENT: SQLite copies before we drop `bytes`.
    ffi::sqlite3_result_text(ctx, bytes.as_ptr() as *const c_char, bytes.len() as c_int, ffi::SQLITE_TRANSIENT());
}

unsafe extern "C" fn commit_hook(arg: *mut c_void) -> c_int {
    let n = &mut *(arg as *mut u32);
    *n += 1;
    0
}

unsafe extern "C" fn busy(_arg: *mut c_void, _n: c_int) -> c_int {
    0
}

unsafe extern "C" fn nocase_cmp(_arg: *mut c_void, n1: c_int, p1: *const c_void, n2: c_int, p2: *const c_void) -> c_int {
    let a = std::slice::from_raw_parts(p1 as *const u8, n1 as usize).to_ascii_lowercase();
    let b = std::slice::from_raw_parts(p2 as *const u8, n2 as usize).to_ascii_lowercase();
    a.cmp(&b) as c_int
}

fn raw_api() {
    unsafe {
        let mut db: *mut ffi::sqlite3 = ptr::null_mut();
        let name = CString::new(":memory:").unwrap();
        let rc = ffi::sqlite3_open_v2(name.as_ptr(), &mut db, ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE, ptr::null());
        assert_eq!(rc, ffi::SQLITE_OK);
        ffi::sqlite3_busy_handler(db, Some(busy), ptr::null_mut());
        let mut commits: u32 = 0;
        ffi::sqlite3_commit_hook(db, Some(commit_hook), &mut commits as *mut u32 as *mut c_void);

        let rc = ffi::sqlite3_create_function_v2(
            db,
            c"rev".as_ptr(),
            1,
            ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC,
            ptr::null_mut(),
            Some(rev_func),
            None,
            None,
            None,
        );
        assert_eq!(rc, ffi::SQLITE_OK);
        let rc = ffi::sqlite3_create_collation_v2(db, c"MYNOCASE".as_ptr(), ffi::SQLITE_UTF8, ptr::null_mut(), Some(nocase_cmp), None);
        assert_eq!(rc, ffi::SQLITE_OK);

        let sql = CString::new("CREATE TABLE t(a TEXT, b BLOB, c INTEGER)").unwrap();
        let mut err: *mut c_char = ptr::null_mut();
        let rc = ffi::sqlite3_exec(db, sql.as_ptr(), None, ptr::null_mut(), &mut err);
        assert_eq!(rc, ffi::SQLITE_OK, "{:?}", err);

        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let ins = "INSERT INTO t VALUES (?1, ?2, ?3)";
        let rc = ffi::sqlite3_prepare_v2(db, ins.as_ptr() as *const c_char, ins.len() as c_int, &mut stmt, ptr::null_mut());
        assert_eq!(rc, ffi::SQLITE_OK);

        // SQLITE_STATIC: these buffers outlive every step and the finalize below.
        let static_text = String::from("static-Text");
        let static_blob: Vec<u8> = (0u8..64).collect();
        for i in 0..10 {
            ffi::sqlite3_reset(stmt);
            if i % 2 == 0 {
                ffi::sqlite3_bind_text(stmt, 1, static_text.as_ptr() as *const c_char, static_text.len() as c_int, ffi::SQLITE_STATIC());
            } else if i % 3 == 0 {
                // A buffer that dies right after the bind: SQLITE_TRANSIENT copies it.
                let tmp = format!("transient-{i}");
                ffi::sqlite3_bind_text(stmt, 1, tmp.as_ptr() as *const c_char, tmp.len() as c_int, ffi::SQLITE_TRANSIENT());
                drop(tmp);
            } else {
                // Ownership handed to SQLite, released by our destructor callback.
                let owned = CString::new(format!("owned-{i}")).unwrap();
                ffi::sqlite3_bind_text(stmt, 1, owned.into_raw(), -1, Some(free_boxed_text));
            }
            ffi::sqlite3_bind_blob(stmt, 2, static_blob.as_ptr() as *const c_void, static_blob.len() as c_int, ffi::SQLITE_STATIC());
            ffi::sqlite3_bind_int64(stmt, 3, i);
            assert_eq!(ffi::sqlite3_step(stmt), ffi::SQLITE_DONE);
        }
        ffi::sqlite3_finalize(stmt);
        drop(static_text);
        drop(static_blob);

        let q = CString::new("SELECT rev(a), length(b), c FROM t WHERE a = 'STATIC-text' COLLATE MYNOCASE ORDER BY c").unwrap();
        let rc = ffi::sqlite3_prepare_v2(db, q.as_ptr(), -1, &mut stmt, ptr::null_mut());
        assert_eq!(rc, ffi::SQLITE_OK);
        let mut rows = 0;
        while ffi::sqlite3_step(stmt) == ffi::SQLITE_ROW {
            let t = CStr::from_ptr(ffi::sqlite3_column_text(stmt, 0) as *const c_char).to_str().unwrap().to_owned();
            assert_eq!(t, "txeT-citats");
            assert_eq!(ffi::sqlite3_column_int(stmt, 1), 64);
            assert_eq!(ffi::sqlite3_column_int64(stmt, 2) % 2, 0);
            rows += 1;
        }
        assert_eq!(rows, 5);
        ffi::sqlite3_finalize(stmt);

        let cnt = CString::new("SELECT count(*) FROM t WHERE a LIKE 'owned-%'").unwrap();
        ffi::sqlite3_prepare_v2(db, cnt.as_ptr(), -1, &mut stmt, ptr::null_mut());
        assert_eq!(ffi::sqlite3_step(stmt), ffi::SQLITE_ROW);
        assert_eq!(ffi::sqlite3_column_int(stmt, 0), 3);
        ffi::sqlite3_finalize(stmt);

        let msg = CStr::from_ptr(ffi::sqlite3_errmsg(db)).to_string_lossy().into_owned();
        assert!(!msg.is_empty());
        assert!(commits >= 1);
        let bad = CString::new("SELECT * FROM nosuch").unwrap();
        let rc = ffi::sqlite3_exec(db, bad.as_ptr(), None, ptr::null_mut(), &mut err);
        assert_ne!(rc, ffi::SQLITE_OK);
        assert!(!err.is_null());
        ffi::sqlite3_free(err as *mut c_void);
        assert_eq!(ffi::sqlite3_close(db), ffi::SQLITE_OK);
        println!("raw api: ok ({commits} commits)");
    }
}

fn high_level() -> rusqlite::Result<()> {
    let mut conn = Connection::open_in_memory()?;
    conn.create_scalar_function("plus_k", 2, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let a: i64 = ctx.get(0)?;
        let b: i64 = ctx.get(1)?;
        Ok(a + b * 1000)
    })?;
    conn.create_collation("REVCMP", |a, b| b.cmp(a))?;
    conn.execute_batch("CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB NOT NULL)")?;
    let tx = conn.transaction()?;
    for i in 0..50 {
        tx.execute("INSERT INTO kv VALUES (?1, zeroblob(?2))", params![format!("key{i:02}"), 32 + i])?;
    }
    tx.commit()?;
    {
        let rowid: i64 = conn.query_row("SELECT rowid FROM kv WHERE k = 'key07'", [], |r| r.get(0))?;
        let mut blob = conn.blob_open(MAIN_DB, c"kv", c"v", rowid, false)?;
        blob.write_all(b"hello blob").unwrap();
        drop(blob);
        let mut blob = conn.blob_open(MAIN_DB, c"kv", c"v", rowid, true)?;
        let mut buf = [0u8; 10];
        blob.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"hello blob");
    }
    let x: i64 = conn.query_row("SELECT plus_k(3, 4)", [], |r| r.get(0))?;
    assert_eq!(x, 4003);
    let first: String = conn.query_row("SELECT k FROM kv ORDER BY k COLLATE REVCMP LIMIT 1", [], |r| r.get(0))?;
    assert_eq!(first, "key49");
    let total: i64 = conn.query_row("SELECT sum(length(v)) FROM kv", [], |r| r.get(0))?;
    assert_eq!(total, (0..50).map(|i| 32 + i).sum::<i64>());
    let mut stmt = conn.prepare_cached("SELECT k FROM kv WHERE length(v) > ?1 ORDER BY k")?;
    let keys: Vec<String> = stmt.query_map([75], |r| r.get(0))?.collect::<Result<_, _>>()?;
    assert_eq!(keys.len(), 6);
    println!("high level: ok ({})", rusqlite::version());
    Ok(())
}

fn main() {
    raw_api();
    high_level().unwrap();
}
