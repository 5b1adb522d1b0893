// Pattern: a safe wrapper with both an explicit `close(self)` and a Drop impl that each call the
// C destructor, without mem::forget in close -- double free (fixed in e.g. rusqlite's
// Connection::close, ssh2/libgit2 wrappers). Two un-inlined levels, as at -O0.
#[repr(C)]
pub struct RawDb {
    _p: [u8; 0],
}

extern "C" {
    fn rawdb_open(flags: i32) -> *mut RawDb;
    fn rawdb_query(db: *mut RawDb, q: i32) -> i32;
    fn rawdb_close(db: *mut RawDb) -> i32;
}

pub struct Db {
    raw: *mut RawDb,
}

impl Db {
    #[inline(never)]
    pub fn open(flags: i32) -> Db {
        Db { raw: unsafe { rawdb_open(flags) } }
    }
    #[inline(never)]
    pub fn close(self) -> i32 {
        unsafe { rawdb_close(self.raw) } // BUG: Drop runs after this and closes again
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        unsafe { rawdb_close(self.raw) };
    }
}

#[no_mangle]
pub extern "C" fn rs_query_once(q: i32) -> i32 {
    let db = Db::open(1);
    let r = unsafe { rawdb_query(db.raw, q) };
    db.close();
    r
}
