/* Per-function facts for the checks (DESIGN §2): allocator families, the pointer events of each
 * function and its summary, computed bottom-up. The checks read these; nothing here judges. */
#ifndef FFIGUARD_SUMMARY_H
#define FFIGUARD_SUMMARY_H

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

struct summaries;
struct summary;
struct obj_writes;

enum alloc_role {
	ALLOC_NONE = 0,
	ALLOC_ALLOCATES,   /* returns fresh memory (or, with out_param, stores it there) */
	ALLOC_RELEASES,    /* releases parameter `ptr_arg` */
	ALLOC_REALLOCATES, /* releases `ptr_arg` and returns fresh memory of the same family */
};

struct alloc_fact {
	enum alloc_role role;
	char family[64];      /* "rust", "malloc", "new", "new[]" or a custom alloc-family */
	int ptr_arg;          /* released parameter, or the out-parameter; -1 when none */
	bool out_param;       /* posix_memalign: the allocation is stored through ptr_arg */
	int64_t out_off;      /* at this offset into what ptr_arg points to */
	bool may_return_null; /* malloc family and nothrow new; not Rust's or throwing new */
};

/* Classifies a function (usually a declaration) as an allocation or release function of a
 * family. Returns false and role ALLOC_NONE for anything else. */
bool summary_alloc_classify(LLVMValueRef fn, struct alloc_fact *out);
/* The library models (summary-models.c): what the standard library's functions do with ownership,
 * by demangled path, whether their body is absent (crate-only bitcode) or present (fat LTO).
 * The model of `f`, or NULL; filling a summary with it marks the summary modelled, and the body,
 * if any, is not looked into. */
struct model;
const struct model *summary_model_of(struct ir_fn *f);
void summary_model_fill(struct summaries *s, struct ir_fn *f, const struct model *m,
			struct summary *sum);
/* Whether `f` is std's drop glue of a type that owns bytes and nothing else (CString, String,
 * Vec<u8>, Box<[u8]>): it touches only the buffer it is given, as a release function does. */
bool summary_drops_bytes(struct ir_fn *f);
/* The fact of the callee `af` as seen at one call: a malloc/free that rustc's fat LTO inlined
 * from the Rust allocator shims (__rust_alloc, __rdl_alloc, a #[global_allocator]'s
 * __rg_alloc) is family rust. */
void summary_alloc_at_call(LLVMValueRef call, struct alloc_fact *af);
/* A call of `callee`, no allocator, inlined from Rust's allocator shims: a global allocator's
 * own API in C (mimalloc's mi_zalloc_aligned, mi_free) fulfilling their contract. Its fact,
 * family rust, by the shim (for a call merged from several, which lost its frames, by the
 * shims of the function's other calls): allocates (returning a pointer), reallocates or
 * releases (its first argument; returning nothing). The caller asks only for callees not in
 * Rust. */
bool summary_alloc_inlined(struct summaries *s, LLVMValueRef call, LLVMValueRef callee,
			   struct alloc_fact *out);
/* Whether a call sits in Rust's allocator shims, inlined (__rust_alloc, __rg_dealloc, ...):
 * what it allocates or releases is Rust's, whatever the callee (a #[global_allocator] in C). */
bool summary_in_rust_allocator(LLVMValueRef call);
/* The allocator fact of a function of the program (classified once), or NULL. */
struct summaries;
const struct alloc_fact *summary_allocator(const struct summaries *s, LLVMValueRef fn);

/* A pointer as the analysis names it: an SSA value, or (deref) the pointer stored `off` bytes
 * into the memory an SSA value points to. One level of memory is enough for Rust's by-reference
 * drops (drop_in_place(&mut Box<T>)) and the slots that -O0 canonicalization leaves behind. */
struct vkey {
	LLVMValueRef base;
	int64_t off;
	bool deref;
};

/* A condition on a parameter under which something happens: `param pred value` (EQ or NE with
 * a constant). A write behind `if (destructor == SQLITE_DYNAMIC)` is decided per call site by
 * the argument the caller passes. */
struct guard {
	int param; /* -1: no condition */
	LLVMIntPredicate pred;
	LLVMValueRef value;
};

/* Which variant of an enum an out-parameter's pointer belongs to: Rust puts one variant's
 * pointer where another keeps a different one (Result<Handle, Error>: the handle where the
 * error's String has its buffer, the niche in String's capacity marking Ok). The variant is
 * told by its tag, a constant stored at another offset of the same object on the path that
 * stores the pointer (eq), or on every other path (!eq: the pointer is there only when the tag
 * is not that constant). */
struct tag {
	bool set, eq;
	LLVMValueRef object; /* in an event: the object the tag is in; in a fact: NULL (the
				parameter's pointee) */
	/* Bytes into the object; when the object is an aggregate value (the enum a call
	 * returns, object the call), the tag is its field number `off`. */
	int64_t off;
	LLVMValueRef value; /* a ConstantInt */
};

enum ev_kind {
	EV_ALLOC,   /* the key is fresh memory of `family` */
	EV_RELEASE, /* the key is released with `family` */
	EV_USE,     /* dereferenced, or passed on to a call */
	EV_CAPTURE, /* stored where the analysis loses it, merged, or given to unknown code */
	EV_RETURN,  /* returned (field `field` of an aggregate, or -1) */
};

/* Where something really happens, possibly deep in a callee, and the FFI edge crossed to get
 * there from the function holding the event (nearest first); edge NULL when none. */
struct site {
	LLVMValueRef inst;
	struct ir_fn *fn;
	LLVMValueRef edge; /* a call with an FFI edge (summaries_edge_at), or NULL */
};

struct event {
	enum ev_kind kind;
	int field; /* RETURN: aggregate field, or -1 */
	/* Flags as bits: a function of tens of thousands of calls has as many events. */
	bool must : 1;        /* ALLOC/RELEASE: happens whenever `at` returns normally */
	bool may_null : 1;    /* ALLOC: the allocation may be null */
	bool write : 1;       /* USE: writes through the key */
	bool assumed : 1;     /* USE: the write is assumed (code the analysis cannot see) */
	bool write_must : 1;  /* USE: the shown write happens whenever `at` returns normally */
	bool passed_only : 1; /* USE: handed to a callee that neither reads nor writes through it */
	bool lent : 1;        /* ALLOC: returned by a callee whose parameter's object keeps it */
	bool interior : 1;    /* ALLOC: a pointer into the allocation, not to its start; RELEASE: of
				 the allocation the pointer points into */
	bool deferred : 1;    /* RELEASE: handed over to be released later (SQLite's destructor
				 argument): its family counts, not when it happens */
	bool cleared : 1;     /* RELEASE of a pointee: the place holds null or another pointer once
				 `at` returns */
	bool via_place : 1;   /* a callee's event on what an argument points to: it reads the place
				 when called */
	bool escapes : 1;     /* CAPTURE: stored into a global or heap object */
	bool held : 1;        /* CAPTURE: into the fresh object the function returns instead (an
				 encoder keeping its config and picture): escapes if that does */
	struct vkey key;
	LLVMValueRef at;    /* the instruction of this function: call, load, store or ret */
	LLVMValueRef kept;  /* via_place: the call that put the pointer there (an object keeping
			       what it was given), or NULL */
	struct guard guard; /* USE: the write happens only under this condition */
	const char *family; /* ALLOC/RELEASE: interned family name */
	struct tag tag;     /* ALLOC of a pointee: only while the object's tag says so */
	struct site site;
};

/* A summary fact: an event on a parameter access (param >= 0) or on the return (param == -1). */
struct fact {
	enum ev_kind kind;
	int param;
	bool deref;
	int64_t off;
	int field;
	bool must;
	bool may_null;
	bool write;      /* USE: may write, assumed writes of unseen code included */
	bool written;    /* USE: a write the IR shows, at write_site */
	bool write_must; /* USE: ... on every path through the function */
	bool escapes;    /* CAPTURE: into a global or heap object; RETURN (param -1): own stack */
	bool held;       /* CAPTURE: into the fresh object the function returns, which keeps it as
			    long as the caller keeps that object */
	bool replaced;   /* RETURN of a pointee: replaced there after it is read (a `take`) */
	bool interior;   /* ALLOC, RETURN: a pointer into the allocation or the parameter's object
			    (Arc::into_raw), not to its start; RELEASE: of the allocation the
			    parameter points into (a size header before it) */
	bool cleared;    /* RELEASE of a pointee: null or another pointer is stored there after
			    it on every path */
	bool left;       /* RELEASE of a pointee: memory the function put there itself and
			    released, left there dangling (a helper that gives a parser a buffer it
			    then drops): callers name it by the place */
	bool lent;       /* ALLOC (param -1): also kept in a parameter's object, which owns it */
	const char *family;
	struct tag tag; /* ALLOC of a pointee: the variant it belongs to */
	struct site site;
	struct site write_site;
	struct guard write_guard; /* USE: the shown write happens only under this condition */
};

/* A pointer that a function stores `off` bytes into what parameter `into` points to: parameter
 * `from` (a Vec built from raw parts in its caller's sret slot), or with `from` -1 the constant
 * `value` (unique_ptr::release() leaving null behind). */
struct stored_param {
	int from, into;
	int64_t off;
	LLVMValueRef value;
	LLVMValueRef at; /* the store, or the call that stores it */
};
/* Bytes the function moves from one parameter's pointee into another's: [from_off, from_off +
 * len) of what parameter `from` points to, copied `into_off` bytes into what `into` points to.
 * std's generic helpers move values so at -O0 (Result::ok copies the Ok payload into its sret
 * slot); callers follow each pointer of the copy from their own memory. */
struct param_copy {
	int from, into;
	int64_t from_off, into_off, len;
};
/* Whether the function puts fresh memory `off` bytes into what parameter `param` points to
 * (-1: into the object it returns). */
bool summary_puts_fresh(const struct summary *sum, int param, int64_t off);
/* Whether the function may write bytes it does not name as a pointer over the 8 bytes at `off`
 * into what parameter `param` points to (a memset clearing a field a pointer was kept in). */
bool summary_writes_blind(const struct summary *sum, int param, int64_t off);
/* Whether the function stores a pointer `off` bytes into what parameter `param` points to. */
bool summary_replaces(const struct summary *sum, int param, int64_t off);
/* What a call to the function stores for `st`: the argument, or the constant; NULL when the call
 * passes no such argument. */
LLVMValueRef summary_stored_value(const struct stored_param *st, LLVMValueRef call);

struct summary {
	struct event *events; /* of the function itself, for the checks */
	size_t n_events, cap_events;
	struct fact *facts;
	size_t n_facts, cap_facts;
	int null_test; /* the function returns (param == null) for this param, or -1 */
	/* The fresh object it returns gets a copy of `len` bytes from `off` into what parameter
	 * `param` points to (Box::new(x) at -O0); param -1: none. */
	struct {
		int param;
		int64_t off, len;
	} ret_copy;
	/* The fresh object it returns keeps parameter `param` `off` bytes in, stored there once
	 * (a glib-style source_new(cb, user_data, destroy) keeping its user data). */
	struct ret_held {
		int param;
		int64_t off;
		LLVMValueRef at; /* the store */
	} *ret_held;
	size_t n_ret_held, cap_ret_held;
	/* The pointers it stores into its parameters' pointees: parameters (stored), fresh memory
	 * (ALLOC facts), constants; bit i of ptr_clobbers: into parameter i's pointee it may
	 * also store a pointer it does not name (parameters past 63: always). */
	struct stored_param *stored;
	size_t n_stored, cap_stored;
	uint64_t ptr_clobbers;
	struct param_copy *copies;
	size_t n_copies, cap_copies;
	/* Bytes it may write into its parameters' pointees that are no pointer it names (an
	 * integer, a vector of zeros, a memset clearing a struct of pointers): [from, to) into
	 * what parameter `into` points to. */
	struct blind_write {
		int into;
		int64_t from, to;
	} *blind;
	size_t n_blind, cap_blind;
	/* Two levels down: it releases the pointer stored `off2` bytes into what the pointer
	 * stored `off` bytes into parameter `param`'s pointee points to. Rust's drop glue by
	 * reference at -O0, drop_in_place<Box<T>>(&mut Box<T>), releases the fields T owns so;
	 * a caller whose slot names the Box gets a release one level down. */
	struct release2 {
		int param;
		int64_t off, off2;
		bool must;
		const char *family;
		struct site site;
		LLVMValueRef via; /* while the events are made: the call of a callee releasing it so
				     (a wrapper passing the parameter on), whose must is still to be
				     decided */
	} *rel2;
	size_t n_rel2, cap_rel2;
	/* It returns, on every path, the pointer stored `off2` bytes into what the pointer `off`
	 * bytes into parameter `param`'s pointee points to (an accessor called through a
	 * `&Handle`: `obj_name(h.0)`); param -1: none. */
	struct {
		int param;
		int64_t off, off2;
	} ret2;
	/* A returned pointer may be null: a null constant reaches a `ret` (through phis, selects
	 * and callees that may return null) from here. Allocations say so in their ALLOC fact. */
	LLVMValueRef null_return;
	/* Whether an exception may leave the function (a resume, a throw, a call to a function that
	 * may unwind), whether it does on every path, and where (deepest user site first). */
	bool may_unwind, must_unwind;
	/* Whether it (or a callee) plainly calls code whose unwinding is not known (a declaration
	 * not marked nounwind, an unresolved indirect call): may_unwind does not guess at those. */
	bool unwind_unknown;
	struct site unwind_site;
	struct map slots; /* local alloca -> its slot list: pointers stored into it */
	void **slot_lists;
	size_t n_slot_lists, cap_slot_lists;
	/* Per parameter, the offsets into its pointee where the function (or a callee) puts a
	 * pointer: what can be there besides the caller's (summary-keys.c). */
	struct param_puts {
		int64_t *off;
		size_t n, cap;
	} *param_puts;
	unsigned n_param_puts;
	/* Names already worked out (summary-keys.c): value -> index + 1 into memo_v, so that every
	 * value is named once per computation whatever the shape of the function. */
	struct map memo;
	struct key_memo *memo_v;
	size_t n_memo, cap_memo;
	/* Where the function may put pointers into an object it gets from a call (summary-keys.c):
	 * value -> index + 1 into obj_w, worked out once per object. */
	struct map obj_writes;
	/* Fresh objects: value -> enum escape + 1, | 4 when returned (summary_object_escapes,
	 * worked out once per object). */
	struct map escape;
	/* The fresh object the function returns, once asked while its events are made (NULL:
	 * none). */
	LLVMValueRef ret_object;
	bool ret_object_asked;
	struct obj_writes *obj_w;
	size_t n_obj_w, cap_obj_w;
	struct map
	    block_order; /* basic block -> its reverse postorder number (built on first use) */
	struct flag_live *flag_live; /* which drop flags are still read where (summary-cfg.c) */
	/* The events on one base pointer, by kind, and the events at one instruction (built on
	 * first use once the events are final): map value -> index + 1 of the first, then next[].
	 */
	struct map by_base[EV_RETURN + 1], by_at;
	size_t *next_on_base, *next_at;
	/* Work budget (DESIGN §6): steps counted by key walks and path questions. Once over it the
	 * function's facts are assumed (summary_assume) and its findings are dropped. */
	size_t steps, budget;
	bool exhausted;
	bool modelled; /* facts from the library models, not from the body */
	bool done;     /* its call-graph cycle is solved: the facts are final */
};

/* Charges `n` steps of work to `f`'s budget; false (and f exhausted) once it is spent. */
bool summary_charge(struct ir_fn *f, size_t n);
bool summary_exhausted(const struct ir_fn *f);
/* Forgets the names worked out for `f` (its callees' summaries changed) and restarts its budget
 * with `budget` steps. */
void summary_memo_reset(struct ir_fn *f, size_t budget);
/* What is known of a function over its budget: every pointer parameter may be read, written and
 * kept; nothing else. Such facts cause no finding by themselves. */
void summary_assume(struct ir_fn *f);

/* Event indices of a summary: the first event of `kind` on `base` (or at instruction `at`) and
 * the next one; SIZE_MAX at the end. */
size_t summary_first_on(const struct summary *sum, LLVMValueRef base, enum ev_kind kind);
size_t summary_next_on(const struct summary *sum, size_t i);
size_t summary_first_at(const struct summary *sum, LLVMValueRef at);
size_t summary_next_at(const struct summary *sum, size_t i);
void summary_index_release(struct summary *sum);

/* Everything the ownership checks read: the program and one summary per defined function. */
struct summaries {
	struct ir_program *program;
	struct map edge_at;       /* call instruction -> struct ir_edge * */
	struct map interned;      /* family name -> itself */
	struct map allocators;    /* allocator function -> its struct alloc_fact (in `strings`) */
	struct map shim_roles;    /* global allocator API -> its shim row + 2 (summary-alloc.c) */
	struct arena strings;     /* interned family names */
	LLVMTargetDataRef layout; /* the program's (ir_program owns it) */
	/* Whether a callee may unwind under the constants a call passes (summary-unwind.c):
	 * "callee,param=value,..." -> index + 1 into unwind_answers; the steps taken, and
	 * whether they reached the program's budget (then calls are judged by their callees'
	 * summaries). */
	struct map unwind_memo;
	struct unwind_answer {
		bool unwinds;
		struct site where;
	} *unwind_answers;
	size_t n_unwind_answers, cap_unwind_answers;
	size_t unwind_steps;
	bool unwind_cut;
	struct map switch_cases;   /* switch -> its case_maps entry: case value -> successor */
	struct map unwind_regions; /* "function/mask" -> struct region * (summary-unwind.c) */
	struct region **regions;
	size_t n_regions, cap_regions;
	struct map **case_maps;
	size_t n_case_maps, cap_case_maps;
};

/* Which functions get a summary: only those a finding can involve (a function whose reach, with
 * everything it calls, has an FFI crossing or Rust's memory meeting another family, and what such
 * a function calls), or every defined one (for tests of the summaries themselves). */
enum summary_scope { SUMMARY_NEEDED, SUMMARY_ALL };
int summaries_build(struct summaries *s, struct ir_program *p, enum summary_scope scope,
		    char **err);
void summaries_release(struct summaries *s);
/* The summary of a defined function, or NULL for declarations and allocator functions. */
const struct summary *summary_of(const struct ir_fn *f);
/* The summary of the function a call calls (directly, or its resolved indirect target), or NULL.
 */
const struct summary *summary_of_callee(const struct summaries *s, LLVMValueRef call);
/* The fact of `kind` about parameter `param` itself (not its pointee), or about the return
 * when `param` is -1; facts of one kind merge per parameter, so there is at most one. */
const struct fact *summary_fact(const struct summary *sum, enum ev_kind kind, int param);
/* Whether a call that passes `arg` for the guarded parameter can meet the guard: false only when
 * `arg` is a constant that settles the comparison against it. */
bool summary_guard_may_hold(const struct guard *g, LLVMValueRef arg);
/* The FFI edge at a call instruction, or NULL. */
struct ir_edge *summaries_edge_at(const struct summaries *s, LLVMValueRef call);

bool vkey_equal(const struct vkey *a, const struct vkey *b);
/* The key of pointer value `v` in function `f` (summary-keys.c): looks through casts, zero
 * offsets, callees that return a parameter, loads from single-store slots, and phis whose
 * non-null inputs agree. `object` also looks through every GEP, to the object being accessed. */
struct vkey summary_key(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object);
/* The name of field `field` of what `call` returns, when its callee says which argument (or
 * what it points to) that is; false otherwise. */
bool summary_field_key(struct summaries *s, struct ir_fn *f, LLVMValueRef call, int field,
		       struct vkey *out);
/* Whether phi `phi` (a pointer, or an integer a pointer round-trips through) is named `k` by
 * those rules: its inputs that name nothing (null, Rust's dangling address) left aside. */
bool summary_merge_names(struct summaries *s, struct ir_fn *f, LLVMValueRef phi,
			 const struct vkey *k);
/* The key of the pointer stored at `addr` + `off` as a callee called at `at` sees it (what a
 * local slot holds just before `at`, when that is certain); with `at` NULL, the slot's name for
 * whatever it holds. False when there is nothing to name: a null pointer stored there. `*by`
 * (when `by` is not NULL) is the call that put it there (an object keeping what it is given),
 * or NULL. */
bool summary_key_load(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, int64_t off,
		      LLVMValueRef at, struct vkey *out, LLVMValueRef *by);
/* The offsets into parameter `param`'s pointee where `f` (or a callee) puts a pointer. */
int64_t summary_param_puts(const struct ir_fn *f, unsigned param, const int64_t **offs);
/* The pointer `f` leaves `off` bytes into parameter `param`'s pointee at return `ret`, when it
 * put it there itself on every path; NULL otherwise. */
LLVMValueRef summary_left_at(struct summaries *s, struct ir_fn *f, unsigned param, int64_t off,
			     LLVMValueRef ret);
/* The memory `len` bytes read at `src` come from, through local slots that only relay one copy
 * of other memory (Result::ok at -O0 copies its argument into a local, then the local into its
 * sret slot): the pointer whose pointee holds them, *off bytes in. When that is a parameter,
 * nothing in `f` may have put a pointer into those bytes first. */
LLVMValueRef summary_copy_origin(struct summaries *s, struct ir_fn *f, LLVMValueRef src,
				 int64_t len, int64_t *off);
/* The memory local slot `a` is copied from whole, or NULL. */
LLVMValueRef summary_slot_copy_source(struct ir_fn *f, LLVMValueRef a);
/* Whether nothing puts a pointer `off` bytes into local slot `a`: only integers are there. */
bool summary_slot_no_pointer(struct ir_fn *f, LLVMValueRef a, int64_t off);
/* Whether a store to `addr` lands in a local slot whose loads are named by the stored value. */
bool summary_slot_tracked(struct summaries *s, struct ir_fn *f, LLVMValueRef addr);
/* Whether nothing in `f` may put another pointer `off` bytes into the object `obj` points to
 * (besides the store `except`, when not NULL), nor hand the object to code that could: its uses
 * are loads, null tests, returns, stores into its other fields, constant GEPs to its fields (so
 * followed), releases, and calls that neither keep it nor put a pointer at that offset. */
bool summary_field_kept(struct summaries *s, struct ir_fn *f, LLVMValueRef obj, int64_t off,
			LLVMValueRef except);
/* Whether the object `obj` points to (a call's fresh result) may outlive the call to `f`, and
 * whatever it keeps with it: shown to (stored into a global, a heap object or a caller's memory,
 * kept there by a callee), or may (stored into a local slot, merged, copied out whole, given to
 * code that may keep it: unknown code, a declaration); *returned when `f` returns it. Reads,
 * null tests, stores into it, releases and callees that do not keep it leave it in `f`. */
enum escape { ESCAPE_NONE, ESCAPE_MAY, ESCAPE_SHOWN };
enum escape summary_object_escapes(struct summaries *s, struct ir_fn *f, LLVMValueRef obj,
				   bool *returned);
/* Whether two values are fields of one aggregate or of one object in memory: the pointer and
 * length of a Rust Box<[u8]>, say. */
bool summary_sibling_fields(struct summaries *s, LLVMValueRef a, LLVMValueRef b);
/* The object `v` points into and the constant byte offset; NULL when an index is variable. */
LLVMValueRef summary_base_offset(struct summaries *s, LLVMValueRef v, int64_t *off);
/* Records the pointers stored into local allocas of `f`, before keys are asked for. */
void summary_scan_slots(struct summaries *s, struct ir_fn *f);
/* Events and summary of one function, from its instructions and its callees' summaries
 * (summary-events.c); called bottom-up, again for each member of a recursive cycle. */
void summary_compute(struct summaries *s, struct ir_fn *f);
const char *summary_intern(struct summaries *s, const char *family);
/* The unwinding part of the summary (summary-unwind.c), after the events. */
void summary_unwind(struct summaries *s, struct ir_fn *f);
/* Whether the callee of a call may unwind, given the constants the call passes (a switch on an
 * option that never reaches the code that throws), whatever the call site promises; and where:
 * `*where` is the deepest user site found, or the call itself (its fn NULL) when the callee
 * throws or panics itself. */
bool summary_callee_may_unwind(struct summaries *s, LLVMValueRef call, struct site *where);
void summary_unwind_release(struct summaries *s);

/* Whether a call may store into what its argument `arg` points to a pointer its callee's summary
 * does not name. */
bool summary_call_clobbers(const struct summaries *s, LLVMValueRef call, unsigned arg);
/* Whether a call may keep what its argument `arg` points to beyond the call (so that later code
 * may write there without being given it). */
bool summary_call_captures(const struct summaries *s, LLVMValueRef call, unsigned arg);
/* Values stored into local alloca `a` (for captures of the whole slot). */
size_t summary_slot_values(struct ir_fn *f, LLVMValueRef a, LLVMValueRef *out, size_t max);
void summary_slots_release(struct summary *sum);

/* Control-flow questions about one function; `guard` names the pointer whose null (or zero
 * size) test prunes the branch on which a release is a no-op (summary-cfg.c). */
struct cfg_query {
	LLVMValueRef from; /* start after this instruction (an invoke: at its normal destination);
			      NULL: function entry */
	LLVMValueRef to;   /* goal instruction; NULL: any `ret` */
	const LLVMValueRef *blockers; /* paths through these do not count */
	size_t n_blockers;
	const struct vkey *guard; /* its null test prunes the null side; may be NULL */
	const struct tag *tag;    /* a test of this tag prunes the side it rules out; may be NULL */
	bool guard_blocker_args;  /* so does a null/zero test of a blocking call's argument */
	bool keep_null_side;      /* prune the non-null side instead: "may it still be null?" */
	/* When set, called on every instruction reached (a blocker too, before it blocks); the walk
	 * has no other goal and stops when it returns true. */
	bool (*visit)(void *data, LLVMValueRef inst);
	/* When set, paths do not go past an instruction for which it returns true (after `visit`
	 * has seen it). */
	bool (*stop)(void *data, LLVMValueRef inst);
	/* When set, paths do not take the edge from `pred` into `bb` when it returns true. */
	bool (*cross)(void *data, LLVMBasicBlockRef pred, LLVMBasicBlockRef bb);
	void *data;
};
/* Answers false once `f` is over its budget: its findings are dropped and its facts assumed. */
bool cfg_path_exists(struct summaries *s, struct ir_fn *f, const struct cfg_query *q);
void cfg_release(struct summary *sum);
/* Puts into `out` (block -> block) every block some path reaches from the end of `bb`, with
 * no pruning; false once `f` is over its budget. */
bool cfg_blocks_after(struct ir_fn *f, LLVMBasicBlockRef bb, struct map *out);
/* Puts into `out` every block a path from the entry reaches without entering `avoid`; false
 * once `f` is over its budget. */
bool cfg_blocks_avoiding(struct ir_fn *f, LLVMBasicBlockRef avoid, struct map *out);

#endif
