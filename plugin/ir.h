/* The IR side of ffiguard: provenance, shims, the canonical copy, the program and its FFI edges.
 * Everything here reads LLVM; turning facts into plain report data is ir-program.c's job. */
#ifndef FFIGUARD_IR_H
#define FFIGUARD_IR_H

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

#include "ffiguard/ffiguard.h"
#include "util.h"

/* The function attribute the CLI loader sets from an input module's producer; strongest evidence.
 */
#define IR_LANG_ATTR "ffiguard-lang"

/* Language of a module from its producer (llvm.ident) and source file name; UNKNOWN when the
 * module mixes languages (an llvm-link result) or says nothing. */
enum ffiguard_lang ir_module_lang(LLVMModuleRef module);
enum ffiguard_lang ir_lang_from_name(const char *name);

/* Legacy Rust (_ZN...17h<hash>E) demangling in C; NULL when `symbol` is not legacy Rust. */
char *ir_demangle_rust_legacy(const char *symbol);
/* Rust v0 and Itanium through LLVM's demangler (pass-plugin.cpp); NULL when not mangled. */
char *ir_demangle_llvm(const char *symbol);

/* Why a function is not a trivial shim (DESIGN §5). */
enum ir_shim_verdict {
	IR_SHIM_OK = 0,
	IR_SHIM_DECLARATION,
	IR_SHIM_INTERPOSABLE,
	IR_SHIM_VARARG,
	IR_SHIM_TOO_BIG,
	IR_SHIM_LOOP,
	IR_SHIM_ALLOCA,
	IR_SHIM_INLINE_ASM,
	IR_SHIM_VECTOR,
	IR_SHIM_TARGET_INTRINSIC,
	IR_SHIM_EH_PAD,
	IR_SHIM_RECURSIVE,
	IR_SHIM_MANY_CALLS,
	IR_SHIM_INDIRECT_CALL,
};

const char *ir_shim_verdict_text(enum ir_shim_verdict v);
/* Classifies `fn`, whose instructions are those of `body` (its canonical body, or `fn`); on
 * IR_SHIM_OK *callee is the one function it calls, or NULL if none.
 * `forwarding` (edge discovery) looks past the unwind path: EH pad blocks are ignored and an
 * invoke counts as a call; the inliner passes false and gets DESIGN §5 to the letter. */
enum ir_shim_verdict ir_shim_classify(LLVMValueRef fn, LLVMValueRef body, bool forwarding,
				      LLVMValueRef *callee);

/* The called function of a call/invoke/callbr, looking through aliases; NULL when indirect or
 * inline asm. */
LLVMValueRef ir_called_function(LLVMValueRef call);
bool ir_is_call(LLVMValueRef inst);
/* Whether a call's operands are its callee's parameters one by one. A caller's prototype may pass
 * a small struct by value as one aggregate operand that the definition takes as its scalars
 * (rustc's { i64, i64 } for QuickJS's 16-byte JSValue, clang's two i64), which shifts every
 * later argument: such a call is analysed as a call of unknown code. */
bool ir_call_aligned(LLVMValueRef call, LLVMValueRef callee);
bool ir_is_inline_asm_call(LLVMValueRef call);
/* A call in `caller` to `callee` (directly or through an alias), or NULL. */
LLVMValueRef ir_call_from(LLVMValueRef caller, LLVMValueRef callee);
/* The same in a shim's body, found by walking it (a shim is small; the callee may have tens of
 * thousands of uses). */
LLVMValueRef ir_shim_call(LLVMValueRef shim, LLVMValueRef callee);
/* The enum attribute `name` at `idx` (LLVMAttributeFunctionIndex, or param + 1) of a function,
 * or of a call site when `v` is a call instruction; NULL when absent. */
LLVMAttributeRef ir_attr(LLVMValueRef v, unsigned idx, const char *name);
/* The kind of enum attribute `name` (LLVMGetEnumAttributeKindForName, with the frequent names
 * cached). */
unsigned ir_attr_kind(const char *name);
/* A call that promises not to unwind: nounwind on the call site or on the called function. */
bool ir_call_nounwind(LLVMValueRef call);
/* The inputs of a phi or select (the select's two values); 0 for anything else. */
unsigned ir_merge_count(LLVMValueRef v);
LLVMValueRef ir_merge_input(LLVMValueRef v, unsigned i);
/* The value an extractvalue of one index reads out of the insertvalue chain that built its
 * aggregate (`extractvalue (insertvalue (insertvalue poison, %p, 0), %n, 1), 0` is %p: code
 * that rustc inlined at -O0 packs and unpacks a pair this way, and nothing folds it), or the
 * one extractvalue of that field standing for all (a pair a call returns, read twice where
 * rustc inlined Option::unwrap at -O0: one value, one name); NULL when it reads anything else
 * or is that one. */
LLVMValueRef ir_extracted(LLVMValueRef v);
/* What phi `phi` takes when entered from `pred`, or NULL when `pred` is none of its blocks. */
LLVMValueRef ir_phi_incoming(LLVMValueRef phi, LLVMBasicBlockRef pred);
/* The one terminator that branches to `bb` (perhaps to more than one of its successors), or
 * NULL when none does or several do: a block with a single predecessor. */
LLVMValueRef ir_single_pred_term(LLVMBasicBlockRef bb);
/* Byte offset of a GEP (instruction or constant expression) with constant indices; false when an
 * index is not constant. With `field_of`, also the struct type whose field the last index selects
 * and that field's offset in it (NULL when the last step is not a struct field). */
bool ir_gep_offset(LLVMTargetDataRef layout, LLVMValueRef gep, int64_t *off, LLVMTypeRef *field_of,
		   int64_t *field_off);
/* An intrinsic call whose intrinsic's name starts with `prefix` ("llvm.lifetime."). */
bool ir_intrinsic_named(LLVMValueRef call, const char *prefix);
/* An alloca of function `fn` itself: its stack. */
bool ir_is_local_alloca(LLVMValueRef fn, LLVMValueRef v);

/* Whether `module` has optnone (-O0) functions. */
bool ir_module_unoptimized(LLVMModuleRef module);
/* Whether a defined function is -O0 code: optnone, or a stack slot only loaded and stored
 * (what sroa removes; rustc -Copt-level=0 sets no optnone). */
bool ir_fn_unoptimized(LLVMValueRef fn);
/* The body to analyse `fn` through: `fn` itself when it is optimized (0); otherwise (1) a
 * canonical copy (sroa, instsimplify) in a new internal function that the caller
 * deletes, or with `in_place` (the CLI's own module) `fn` itself, canonicalized. -1 on error. */
/* Function pipelines run on one function at a time with one PassBuilder for all of them
 * (pass-plugin.cpp): ir_passes_run returns 0, or -1 with *err (malloc'ed). */
struct ir_passes;
struct ir_passes *ir_passes_new(void);
int ir_passes_run(struct ir_passes *x, LLVMValueRef fn, const char *pipeline, char **err);
void ir_passes_free(struct ir_passes *x);
int ir_canonical_body(LLVMValueRef fn, bool in_place, struct ir_passes *passes, LLVMValueRef *body,
		      char **err);

/* What a parameter's type promises (ir-params.c): attributes first, Rust debug-info type names
 * at -O0. `call` (may be NULL) adds call-site attributes. */
struct ir_param_info {
	bool nonnull;   /* &T, &mut T, Box<T>, NonNull<T>: nonnull or dereferenceable */
	bool exclusive; /* &mut T: noalias and written through */
	bool readonly;  /* &T without interior mutability: readonly */
	bool rust_ref;  /* the debug info names a Rust reference */
};
struct ir_param_info ir_param_info(LLVMValueRef fn, LLVMValueRef call, unsigned i);

/* Per-function facts of the program being analysed. */
struct ir_fn {
	LLVMValueRef fn;   /* the function: its name, attributes, callers, debug info */
	LLVMValueRef body; /* the instructions analysed: fn, or its canonical -O0 copy */
	enum ffiguard_lang lang;
	const char *symbol; /* owned by LLVM */
	char *name;         /* demangled, lazily; owned by the program */
	bool shim_done;
	enum ir_shim_verdict shim;
	LLVMValueRef shim_callee;
	bool library_done, library;
	bool settled; /* body is final: canonicalized when -O0, or found optimized */
	/* Its body's calls (inline asm aside) and stores of pointers, in order: read from the body
	 * once (ir_fn_scan), again only when the body changes. */
	LLVMValueRef *calls, *stores;
	size_t n_calls, n_stores;
	bool scanned;
	struct summary *summary; /* summary-*.c; NULL for declarations and allocators */
};

struct ir_edge {
	LLVMValueRef call;
	bool indirect; /* through a function pointer whose one target the module shows */
	struct ir_fn *caller;
	struct ir_fn *callee; /* the end of the shim chain */
	struct ir_fn **via;   /* shims crossed, in call order */
	size_t n_via;
};

struct ir_program {
	LLVMModuleRef module;
	int canon;                /* enum ir_canon: how -O0 bodies are canonicalized */
	struct ir_passes *passes; /* what canonicalizes them, made on first need */
	LLVMTargetDataRef layout; /* the module's data layout: sizes and field offsets */
	struct map by_value; /* LLVMValueRef function (or its canonical copy) -> struct ir_fn * */
	struct ir_fn **fns;
	size_t n_fns, cap_fns;
	struct ir_edge *edges;
	size_t n_edges, cap_edges;
	size_t n_defined;
	size_t n_indirect;   /* indirect calls left unresolved */
	struct map indirect; /* indirect call -> its one target (ir-indirect.c) */
	bool indirect_cut;   /* resolution stopped at its budget */
};

/* How -O0 functions get their canonical bodies: copies that ir_program_release deletes, in the
 * module itself (the CLI's own), or not at all (the shim inliner, which leaves -O0 alone). */
enum ir_canon {
	IR_CANON_COPY,
	IR_CANON_IN_PLACE,
	IR_CANON_NONE,
};
/* Builds the program's functions, each with its body as the module has it. */
int ir_program_init(struct ir_program *p, LLVMModuleRef module, enum ir_canon canon, char **err);
/* Gives `f` its canonical body when it is -O0 code (ir_canonical_body), once: 1 when its body
 * changed (the edges must then be found again), 0 when not, -1 on error. Only the functions a
 * finding can involve are canonicalized (summaries_build decides which). */
int ir_program_settle(struct ir_program *p, struct ir_fn *f, char **err);
void ir_program_release(struct ir_program *p);
/* The facts of a function, created on first use. */
struct ir_fn *ir_program_fn(struct ir_program *p, LLVMValueRef fn);
/* Lists `f`'s calls and pointer stores (ir_fn.calls, .stores) unless they are listed already. */
void ir_fn_scan(struct ir_fn *f);
const char *ir_fn_name(struct ir_fn *f);
/* Defined in the Rust standard library or a system C/C++ header (by its DISubprogram file):
 * findings point at the user's call into it, not into it. */
bool ir_fn_is_library(struct ir_fn *f);
/* Resolves the indirect calls whose one target the module shows (ir-indirect.c): loads from a
 * constant ops table or a global every store of which stores the same function, from a struct
 * field every store and initialiser of which holds the same function, from a stack slot only
 * loaded and stored, or a callback parameter every caller passes the same function for. On the
 * way (one walk over the bodies) it lists every body's calls. */
void ir_resolve_indirect(struct ir_program *p);
/* The function a trampoline call really runs, and the operand its first parameter is: rustc's
 * `__rust_try(f, data, catch)` runs `f(data)` (catch_unwind at -O0: one __rust_try serves every
 * catch_unwind of a codegen unit, so its own indirect call has many targets; `catch` runs only
 * on a panic). NULL for other calls. */
LLVMValueRef ir_trampoline_target(LLVMValueRef call, unsigned *first);
/* The function a call calls: its direct callee or its resolved target; NULL when unknown. */
LLVMValueRef ir_program_callee(const struct ir_program *p, LLVMValueRef call);
/* Finds the FFI edges of the program (ir-edges.c), after resolving indirect calls; again from
 * scratch when called again (after bodies changed). */
void ir_find_edges(struct ir_program *p);
/* The function an edge's call instruction calls: its first shim, or the callee. */
struct ir_fn *ir_edge_direct(const struct ir_edge *e);

/* Plain-data views for the report. Strings point into LLVM or the program: copy before freeing. */
struct ffiguard_fn ir_fn_ref(struct ir_fn *f);
/* Location of an instruction, or of a function's DISubprogram; file NULL when unknown. `scratch`
 * holds the joined path when one is needed and is released by the caller. */
struct ffiguard_loc ir_inst_loc(LLVMValueRef inst, struct buf *scratch);
struct ffiguard_loc ir_fn_loc(LLVMValueRef fn, struct buf *scratch);

#endif
