/* Library models: the ownership contract of standard-library functions, one line per API, found
 * by the function's demangled path. A modelled function gets the model's facts as its summary,
 * whether its body is absent (crate-only bitcode, where std is only declared) or present (fat
 * LTO, where std's code is inlined differently in every build): the contract, not the
 * implementation, as for allocator families. Judging their use is the checks' job. */
#include "summary.h"

#include <stdio.h>
#include <string.h>

/* One fact of a model, in the summary's terms (struct fact). */
struct model_fact {
	enum ev_kind kind; /* EV_ALLOC: fresh memory; EV_RELEASE: releases it; EV_RETURN: returns (a
			      field of) a parameter; EV_USE: reads and writes what it points to;
			      EV_CAPTURE: stores the parameter `off` bytes into what parameter
			      `field` points to (a move into an sret slot) */
	int param;         /* the parameter, or -1 for the return */
	bool deref;        /* its pointee at `off`, not the parameter itself */
	int64_t off;
	int field; /* RETURN: the field of the returned aggregate, or -1; CAPTURE: the parameter
		      whose pointee gets it */
};

struct model {
	const char *path;  /* the demangled name ends with this */
	const char *needs; /* and contains this (the type whose method it is), or NULL */
	struct model_fact facts[4];
	size_t n_facts;
};

/* Layouts (rustc 1.95, x86-64): Result<CString, NulError> is 32 bytes, Ok's buffer pointer at
 * 8 (the Err niche is the NulError's Vec capacity at 0); Vec<u8> is {cap, ptr, len}; CString is
 * returned as { ptr, len }. Add an API: one line here, and a shape in lit/ownership. */
static const struct model rust_models[] = {
    /* CString::new(x), for every x: the new C string, written into the sret Result. */
    {">::new::SpecNewImpl>::spec_new_impl", "CString", {{EV_ALLOC, 0, true, 8, -1}}, 1},
    /* CString::_from_vec_unchecked(Vec<u8>) (by reference): the Vec's buffer, grown in place or
     * reallocated by the same allocator, becomes the CString's. */
    {"CString>::_from_vec_unchecked", NULL, {{EV_RETURN, 0, true, 8, 0}}, 1},
    /* RawVecInner::try_allocate_in: Result<RawVecInner, TryReserveError> through sret; Ok's
     * {cap, ptr} at 8 (Vec::with_capacity, vec![x; n] at -O0). */
    {"RawVecInner>::try_allocate_in", NULL, {{EV_ALLOC, 0, true, 16, -1}}, 1},
    /* format!(...): the new String {cap, ptr, len}, written into the sret slot. */
    {"alloc::fmt::format::format_inner", NULL, {{EV_ALLOC, 0, true, 8, -1}}, 1},
    /* String::clone(&self) and str's case mappings, which build a new String the same way. */
    {"<alloc::string::String as core::clone::Clone>::clone", NULL, {{EV_ALLOC, 0, true, 8, -1}}, 1},
    {"::to_lowercase", "alloc::str", {{EV_ALLOC, 0, true, 8, -1}}, 1},
    {"::to_uppercase", "alloc::str", {{EV_ALLOC, 0, true, 8, -1}}, 1},
    /* A Vec's buffer is released by its RawVec ({cap, ptr} at the Vec's start), whose drop and
     * RawVecInner::deallocate std shares as declarations; Vec's own drop only drops the
     * elements and writes nothing of the Vec. */
    {"as core::ops::drop::Drop>::drop",
     "<alloc::raw_vec::RawVec<",
     {{EV_RELEASE, 0, true, 8, -1}},
     1},
    {"RawVecInner>::deallocate", NULL, {{EV_RELEASE, 0, true, 8, -1}}, 1},
    {"as core::ops::drop::Drop>::drop", "<alloc::vec::Vec<", {{0}}, 0},
    /* Growing a Vec (push's RawVec::grow_one, Vec::reserve, which std declares for Vec<u8>):
     * the buffer at 8 is the Vec's own, reallocated by Rust's allocator; nothing is kept. */
    {"::grow_one", "<alloc::raw_vec::RawVec<", {{EV_ALLOC, 0, true, 8, -1}}, 1},
    {"::reserve", "<alloc::vec::Vec<", {{EV_ALLOC, 0, true, 8, -1}}, 1},
    /* fmt::write(&mut dyn Write, Arguments) (format! once fat LTO inlines format_inner): it
     * writes through the writer's vtable, which an indirect call hides. A String writer's buffer
     * may be reallocated, by the same allocator: for ownership it stays the String's buffer, and
     * nothing else is stored into the writer. The arguments are only read. */
    {"core::fmt::write",
     NULL,
     {{EV_USE, 0, false, 0, -1}, {EV_USE, 2, false, 0, -1}, {EV_USE, 3, false, 0, -1}},
     3},
    /* CString::from_raw(p): the CString owns p again. */
    {"CString>::from_raw", NULL, {{EV_RETURN, 0, false, 0, 0}}, 1},
    /* CString::into_string(self) (self as {ptr, len}): the buffer moves into the sret
     * Result<String, IntoStringError>, Ok's String {cap, ptr, len} (Ok when the byte at 24 is
     * 2) or Err's CString {ptr, len} at 0; it stays the memory it was. */
    {"CString>::into_string",
     NULL,
     {{EV_CAPTURE, 1, false, 8, 0}, {EV_CAPTURE, 1, false, 0, 0}},
     2},
    /* CString::into_raw(self): the buffer, handed to the caller. */
    {"CString>::into_raw", NULL, {{EV_RETURN, 0, false, 0, -1}}, 1},
    /* CStr's readers (self as {ptr, len}): to_string_lossy and to_str write their Cow or
     * Result into the sret slot and read the string, which they keep nothing of beyond what
     * they return (a borrow of it, valid while the caller's pointer is: not followed). A C
     * string read through them and never freed is a leak. */
    {"::to_string_lossy",
     "<core::ffi::c_str::CStr>",
     {{EV_USE, 0, false, 0, -1}, {EV_USE, 1, false, 0, -1}},
     2},
    {"::to_str",
     "<core::ffi::c_str::CStr>",
     {{EV_USE, 0, false, 0, -1}, {EV_USE, 1, false, 0, -1}},
     2},
    /* String::from_utf8_lossy(&[u8]), which to_string_lossy is once fat LTO inlines it. */
    {"<alloc::string::String>::from_utf8_lossy",
     NULL,
     {{EV_USE, 0, false, 0, -1}, {EV_USE, 1, false, 0, -1}},
     2},
    /* CStr::to_owned (CString::from(&CStr)): a new CString, returned as {ptr, len}. */
    {"<core::ffi::c_str::CStr as alloc::borrow::ToOwned>::to_owned",
     NULL,
     {{EV_ALLOC, -1, false, 0, 0}, {EV_USE, 0, false, 0, -1}},
     2},
};

/* The C++ standard library's, whose memory is operator new's. */
static const struct model cxx_models[] = {
    /* libstdc++'s std::string {ptr, len, capacity or inline buffer}, declared only at -O0 (an
     * extern template): c_str() and data() return the buffer, valid while the string lives;
     * the destructor releases it (a short string's inline buffer dies with the object, which
     * ends the pointer's life as surely). */
    {"::c_str() const", "std::__cxx11::basic_string<", {{EV_RETURN, 0, true, 0, -1}}, 1},
    {"::data() const", "std::__cxx11::basic_string<", {{EV_RETURN, 0, true, 0, -1}}, 1},
    {"::data()", "std::__cxx11::basic_string<", {{EV_RETURN, 0, true, 0, -1}}, 1},
    {"::~basic_string()", "std::__cxx11::basic_string<", {{EV_RELEASE, 0, true, 0, -1}}, 1},
};

/* Whether `name` ends with `path`, both read without their '>' (in place: this runs for every
 * function, against every row). */
static bool ends_with_bare(const char *name, const char *path)
{
	size_t i = strlen(name), j = strlen(path);
	for (;;) {
		while (j && path[j - 1] == '>')
			j--;
		while (i && name[i - 1] == '>')
			i--;
		if (!j)
			return true;
		if (!i || name[i - 1] != path[j - 1])
			return false;
		i--;
		j--;
	}
}

const struct model *summary_model_of(struct ir_fn *f)
{
	static const struct {
		enum ffiguard_lang lang;
		const struct model *rows;
		size_t n;
	} tables[] = {
	    {FFIGUARD_LANG_RUST, rust_models, sizeof(rust_models) / sizeof(rust_models[0])},
	    {FFIGUARD_LANG_CXX, cxx_models, sizeof(cxx_models) / sizeof(cxx_models[0])},
	};
	const struct model *table = NULL;
	size_t rows = 0;
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		if (tables[t].lang == f->lang) {
			table = tables[t].rows;
			rows = tables[t].n;
		}
	const char *name = table ? ir_fn_name(f) : "";
	/* Paths compare without their '>': a generic instantiated in the user's crate has a
	 * legacy symbol, `alloc::ffi::c_str::CString::into_raw` where std's own is
	 * `<alloc::ffi::c_str::CString>::into_raw`. */
	for (size_t i = 0; i < rows; i++) {
		const struct model *m = &table[i];
		if (ends_with_bare(name, m->path) && (!m->needs || strstr(name, m->needs)))
			return m;
	}
	return NULL;
}

/* std's drop glue of types that own bytes and nothing else: it writes and releases only the
 * buffer it is given, and runs no user code (no Drop of an element). */
static const char *const byte_drops[] = {
    "core::ptr::drop_in_place<alloc::ffi::c_str::CString>",
    "core::ptr::drop_in_place<alloc::string::String>",
    "core::ptr::drop_in_place<alloc::vec::Vec<u8>>",
    "core::ptr::drop_in_place<alloc::boxed::Box<[u8]>>",
    "core::ptr::drop_in_place<alloc::raw_vec::RawVec<u8>>",
};

bool summary_drops_bytes(struct ir_fn *f)
{
	if (f->lang != FFIGUARD_LANG_RUST)
		return false;
	const char *name = ir_fn_name(f);
	for (size_t i = 0; i < sizeof(byte_drops) / sizeof(byte_drops[0]); i++)
		if (strcmp(name, byte_drops[i]) == 0)
			return true;
	return false;
}

void summary_model_fill(struct summaries *s, struct ir_fn *f, const struct model *m,
			struct summary *sum)
{
	for (size_t j = 0; j < m->n_facts; j++) {
		const struct model_fact *mf = &m->facts[j];
		if (mf->kind == EV_CAPTURE) {
			VEC_RESERVE(sum->stored, sum->cap_stored, sum->n_stored + 1);
			sum->stored[sum->n_stored++] =
			    (struct stored_param){mf->param, mf->field, mf->off, NULL, NULL};
			continue;
		}
		VEC_RESERVE(sum->facts, sum->cap_facts, sum->n_facts + 1);
		struct fact *ft = &sum->facts[sum->n_facts++];
		memset(ft, 0, sizeof(*ft));
		ft->kind = mf->kind;
		ft->param = mf->param;
		ft->deref = mf->deref;
		ft->off = mf->off;
		ft->field = mf->field;
		ft->must = true;
		ft->write = mf->kind == EV_USE && mf->param == 0;
		ft->family = mf->kind == EV_ALLOC || mf->kind == EV_RELEASE
				 ? summary_intern(s, f->lang == FFIGUARD_LANG_CXX ? "new" : "rust")
				 : NULL;
		ft->site = (struct site){NULL, f, NULL};
		ft->write_guard.param = -1;
	}
	sum->modelled = true;
}
