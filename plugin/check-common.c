/* What the checks share: the rule registry, family wording, crossing, ordering and edge
 * questions, and turning a finding with IR locations into report data. */
#include "checks.h"
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct ffiguard_rule_info check_rules[] = {
    {"ownership-alloc-mismatch", "Memory released by another allocator family",
     "An allocation of one family (Rust's global allocator, malloc, operator new, new[]) "
     "reaches a release of another family across an FFI edge: a Rust Box freed with C++ "
     "delete or C free, malloc'ed memory adopted by Box::from_raw.",
     "Hand the pointer back to the language that allocated it: export a release function "
     "(e.g. a Rust `extern \"C\" fn widget_free(p)` that drops `Box::from_raw(p)`) and call "
     "that instead of delete/free.",
     FFIGUARD_SEV_ERROR},
    {"ownership-double-free", "Memory released twice across an FFI edge",
     "One allocation is released twice, and at least one release happens on the other side "
     "of an FFI edge: both languages believed they owned it.",
     "Decide which side owns the object; the other side must only borrow it (or take it "
     "with Box::from_raw / std::unique_ptr exactly once).",
     FFIGUARD_SEV_ERROR},
    {"ownership-use-after-free", "Pointer used after its release across an FFI edge",
     "A pointer is dereferenced or passed on after it was released, and the release or the "
     "use is on the other side of an FFI edge. Includes the CString temporary: "
     "`CString::new(..).unwrap().as_ptr()` is freed at the end of the statement, before "
     "the foreign call reads it.",
     "Keep the owner alive until the last use: bind the CString to a variable, or release "
     "after the foreign call returns.",
     FFIGUARD_SEV_ERROR},
    {"ownership-leak", "Ownership handed across an FFI edge and never released",
     "Memory allocated on one side (Box::into_raw, CString::into_raw, malloc, strdup) crosses "
     "an FFI edge and no path releases it, stores it or returns it.",
     "Release it with the allocating language's release function (e.g. the Rust "
     "`widget_free`, CString::from_raw, free) once the other side is done with it.",
     FFIGUARD_SEV_WARNING},
    {"lifetime-stack-escape", "A stack address outlives its frame across an FFI edge",
     "The address of a stack slot crosses an FFI edge and outlives its frame: the foreign "
     "callee stores a local's address in a global or heap object, or a foreign function "
     "returns the address of its own local (a buffer, say) for the caller to read.",
     "Pass heap memory with a clear owner (Box::into_raw / a release function), copy the "
     "value instead of keeping the pointer, or let the caller provide the buffer.",
     FFIGUARD_SEV_ERROR},
    {"aliasing-noalias-violation", "The same memory passed to two parameters, one of them &mut",
     "A foreign caller passes the same or overlapping pointers to two parameters of a Rust "
     "function where one is `&mut` (noalias): Rust and LLVM assume exclusive access, so "
     "reads and writes through the other parameter may be reordered or dropped.",
     "Pass distinct objects, or change the Rust signature to raw pointers (`*mut T`).",
     FFIGUARD_SEV_ERROR},
    {"aliasing-readonly-write", "A foreign function writes through a Rust &T",
     "The caller promises a read-only pointee (a Rust &T of a type without interior "
     "mutability is `readonly`, often `noalias readonly`, on the call) and the foreign "
     "definition writes through it, directly or in a callee. This is how opaque C++ types "
     "behind &T get miscompiled under cross-language LTO.",
     "Declare the parameter `*mut T` (or `&mut T`), or wrap the type in UnsafeCell/Cell so "
     "that Rust does not promise immutability.",
     FFIGUARD_SEV_ERROR},
    {"abi-signature-mismatch", "Caller's prototype disagrees with the definition",
     "The prototype the caller declared for a foreign function differs from the definition "
     "in the other language: number of parameters, integer width, int vs float, pointer vs "
     "integer, aggregate by value vs by pointer, sret, zeroext/signext. Arguments land in "
     "the wrong registers or with garbage in the upper bits.",
     "Make both declarations agree (generate them with cbindgen or bindgen, or use cxx).",
     FFIGUARD_SEV_ERROR},
    {"abi-unwind-into-nounwind", "An exception may unwind through a nounwind FFI edge",
     "A foreign callee that may unwind (it reaches __cxa_throw, a resume, or an unwinding "
     "callee) is called through an edge that promises not to unwind (Rust `extern \"C\"` "
     "imports are nounwind): unwinding through it is undefined behaviour.",
     "Declare the import `extern \"C-unwind\"`, or catch the exception on the C++ side (or "
     "make the function noexcept).",
     FFIGUARD_SEV_ERROR},
    {"abi-null-to-nonnull", "Null passed to a Rust reference parameter",
     "A null pointer, or one that is null on some path (unchecked malloc, new(std::nothrow), "
     "a phi with null), is passed to a Rust parameter that is non-null (&T, &mut T, Box<T>, "
     "NonNull<T>): the Rust side may dereference it and LLVM deletes null checks on it.",
     "Check for null before the call, or make the Rust parameter `Option<&T>` / `*const T`.",
     FFIGUARD_SEV_ERROR},
};
const size_t check_rule_count = sizeof(check_rules) / sizeof(check_rules[0]);

const struct ffiguard_rule_info *ffiguard_rules(size_t *count)
{
	*count = check_rule_count;
	return check_rules;
}

static const struct {
	const char *family, *alloc, *release;
	enum ffiguard_lang lang;
} families[] = {
    {"rust", "Rust's global allocator (Box, Vec, CString)", "Rust's global allocator (Box drop)",
     FFIGUARD_LANG_RUST},
    {"malloc", "malloc", "free", FFIGUARD_LANG_C},
    {"new", "operator new", "operator delete", FFIGUARD_LANG_CXX},
    {"new[]", "operator new[]", "operator delete[]", FFIGUARD_LANG_CXX},
    {"sqlite3", "sqlite3_malloc (or sqlite3_mprintf)", "sqlite3_free", FFIGUARD_LANG_C},
};

static int family_index(const char *family)
{
	for (size_t i = 0; family && i < sizeof(families) / sizeof(families[0]); i++)
		if (strcmp(families[i].family, family) == 0)
			return (int)i;
	return -1;
}

const char *family_alloc_text(const char *family)
{
	int i = family_index(family);
	return i >= 0 ? families[i].alloc : family;
}

const char *family_release_text(const char *family)
{
	int i = family_index(family);
	return i >= 0 ? families[i].release : family;
}

bool families_cross(const char *a, const char *b)
{
	int i = family_index(a), j = family_index(b);
	if (i < 0 || j < 0)
		return false;
	return (families[i].lang == FFIGUARD_LANG_RUST) != (families[j].lang == FFIGUARD_LANG_RUST);
}

const struct site *site_edge(const struct site *a, const struct site *b)
{
	if (a && a->edge)
		return a;
	if (b && b->edge)
		return b;
	return NULL;
}

bool sites_cross(const struct site *a, const struct site *b)
{
	return site_edge(a, b) || a->fn->lang != b->fn->lang;
}

struct site edge_site(const struct ir_edge *e)
{
	struct site s = {e->call, e->caller, e->call};
	return s;
}

size_t edge_chain(const struct ir_edge *e, struct ir_fn **out)
{
	for (size_t k = 0; k < e->n_via; k++)
		out[k] = e->via[k];
	out[e->n_via] = e->callee;
	return e->n_via + 1;
}

LLVMValueRef edge_arg(const struct ir_edge *e, size_t k, unsigned j)
{
	/* Chain function k is called by chain function k - 1 (a shim), ..., by the edge's call. */
	while (k-- > 0) {
		struct ir_fn *shim = e->via[k];
		struct ir_fn *next = k + 1 < e->n_via ? e->via[k + 1] : e->callee;
		LLVMValueRef call = ir_shim_call(shim->body, next->fn);
		if (!call || j >= LLVMGetNumArgOperands(call))
			return NULL;
		LLVMValueRef v = LLVMGetOperand(call, j);
		if (!LLVMIsAArgument(v) || LLVMGetParamParent(v) != shim->body)
			return NULL;
		unsigned n = LLVMCountParams(shim->fn);
		for (j = 0; j < n && LLVMGetParam(shim->body, j) != v; j++)
			;
	}
	return j < LLVMGetNumArgOperands(e->call) ? LLVMGetOperand(e->call, j) : NULL;
}

char *param_label(LLVMValueRef fn, unsigned j)
{
	size_t len = 0;
	const char *name = LLVMGetValueName2(LLVMGetParam(fn, j), &len);
	return len ? xasprintf("'%.*s'", (int)len, name) : xasprintf("#%u", j + 1);
}

/* Instructions after which `key` names another object: its definition, and for a slot in
 * memory every write into that memory (an allocation left there included) except at
 * `except_a`/`except_b` and at a take that returns what `key` names (unique_ptr::release(): its
 * result is the slot's old pointer). Caller frees. */
static size_t key_redefinitions(struct summaries *s, struct ir_fn *f, const struct vkey *key,
				LLVMValueRef except_a, LLVMValueRef except_b, LLVMValueRef **out)
{
	const struct summary *sum = summary_of(f);
	LLVMValueRef *v = NULL;
	size_t n = 0, cap = 0;
	if (LLVMIsAInstruction(key->base)) {
		VEC_RESERVE(v, cap, 1);
		v[n++] = key->base;
	}
	for (size_t i = key->deref ? summary_first_on(sum, key->base, EV_USE) : SIZE_MAX;
	     i != SIZE_MAX; i = summary_next_on(sum, i)) {
		const struct event *e = &sum->events[i];
		if (!e->write || e->key.deref || e->at == except_a || e->at == except_b)
			continue;
		if (ir_is_call(e->at) &&
		    LLVMGetTypeKind(LLVMTypeOf(e->at)) == LLVMPointerTypeKind) {
			struct vkey taken = summary_key(s, f, e->at, false);
			if (vkey_equal(&taken, key))
				continue;
		}
		VEC_RESERVE(v, cap, n + 1);
		v[n++] = e->at;
	}
	/* A callee that always leaves a fresh allocation in that memory wrote it, though its
	 * summary may say no more (CString::new into the loop's slot, each iteration). */
	for (size_t i = key->deref ? summary_first_on(sum, key->base, EV_ALLOC) : SIZE_MAX;
	     i != SIZE_MAX; i = summary_next_on(sum, i)) {
		const struct event *e = &sum->events[i];
		if (!e->must || !e->key.deref || e->at == except_a || e->at == except_b)
			continue;
		VEC_RESERVE(v, cap, n + 1);
		v[n++] = e->at;
	}
	*out = v;
	return n;
}

struct reach_walk {
	struct summaries *s;
	struct ir_fn *f;
	struct map avoid; /* blocks a path from the entry reaches without the key's definition */
	bool avoid_known;
	const struct summary *sum;
	const struct event *from;
	bool (*visit)(void *data, const struct event *from, size_t i);
	void *data;
};

static bool reach_visit(void *data, LLVMValueRef inst)
{
	struct reach_walk *w = data;
	for (size_t i = summary_first_at(w->sum, inst); i != SIZE_MAX;
	     i = summary_next_at(w->sum, i)) {
		const struct event *e = &w->sum->events[i];
		/* After a release that leaves its place null, a callee given the object reads
		 * null there (a pointer read before the release still points to the memory). */
		if (w->from->cleared && e->via_place)
			continue;
		if (e->at != w->from->at && vkey_equal(&e->key, &w->from->key) &&
		    w->visit(w->data, w->from, i))
			return true;
	}
	return false;
}

/* An edge on which a merge that `key` names (an SSA pointer, Rust's Vec buffer kept as an
 * address) takes the constant it merges with, null or the dangling address of an empty Vec,
 * from a block that the key's definition does not dominate: past it, the merge holds no object,
 * and every other use of the key is after its definition again (a redefinition). A loop that
 * allocates only when the size is non-zero, then frees, is no use after free on its next turn. */
static bool const_edge(void *data, LLVMBasicBlockRef pred, LLVMBasicBlockRef bb)
{
	struct reach_walk *w = data;
	const struct vkey *k = &w->from->key;
	if (k->deref || !LLVMIsAInstruction(k->base))
		return false;
	for (LLVMValueRef phi = LLVMGetFirstInstruction(bb); phi && LLVMIsAPHINode(phi);
	     phi = LLVMGetNextInstruction(phi)) {
		LLVMValueRef in = ir_phi_incoming(phi, pred);
		if (!in || !(LLVMIsAConstantInt(in) || LLVMIsAConstantPointerNull(in)) ||
		    !summary_merge_names(w->s, w->f, phi, k))
			continue;
		/* Some path from the entry to the end of `pred` avoids the definition: `pred` is
		 * reached without entering the definition's block (one walk per query). */
		if (!w->avoid_known) {
			map_init(&w->avoid, false);
			w->avoid_known = true;
			cfg_blocks_avoiding(w->f, LLVMGetInstructionParent(k->base), &w->avoid);
		}
		return map_get(&w->avoid, pred) != NULL;
	}
	return false;
}

static void walk_release(struct reach_walk *w)
{
	if (w->avoid_known)
		map_release(&w->avoid);
}

/* Another release of the walk's key that always happens. */
static bool at_release(void *data, LLVMValueRef inst)
{
	struct reach_walk *w = data;
	for (size_t i = summary_first_at(w->sum, inst); i != SIZE_MAX;
	     i = summary_next_at(w->sum, i)) {
		const struct event *e = &w->sum->events[i];
		if (e->kind == EV_RELEASE && e->must && inst != w->from->at &&
		    vkey_equal(&e->key, &w->from->key))
			return true;
	}
	return false;
}

void key_reach_events(struct summaries *s, struct ir_fn *f, const struct event *from,
		      bool past_releases,
		      bool (*visit)(void *data, const struct event *from, size_t i), void *data)
{
	LLVMValueRef *blockers;
	size_t n = key_redefinitions(s, f, &from->key, from->at, NULL, &blockers);
	struct reach_walk w = {
	    .s = s, .f = f, .sum = summary_of(f), .from = from, .visit = visit, .data = data};
	struct cfg_query q = {.from = from->at,
			      .blockers = blockers,
			      .n_blockers = n,
			      .visit = reach_visit,
			      .stop = past_releases ? NULL : at_release,
			      .cross = const_edge,
			      .data = &w};
	cfg_path_exists(s, f, &q);
	walk_release(&w);
	free(blockers);
}

bool tags_exclusive(const struct tag *a, const struct tag *b)
{
	return a->set && b->set && a->object && a->object == b->object && a->off == b->off &&
	       a->value == b->value && a->eq != b->eq;
}

bool key_reaches(struct summaries *s, struct ir_fn *f, const struct event *from, LLVMValueRef to)
{
	LLVMValueRef *blockers;
	size_t n = key_redefinitions(s, f, &from->key, from->at, to, &blockers);
	struct reach_walk w = {.s = s, .f = f, .sum = summary_of(f), .from = from};
	struct cfg_query q = {.from = from->at,
			      .to = to,
			      .blockers = blockers,
			      .n_blockers = n,
			      .tag = &from->tag,
			      .cross = const_edge,
			      .data = &w};
	bool r = cfg_path_exists(s, f, &q);
	walk_release(&w);
	free(blockers);
	return r;
}

bool cfg_release_dominates(struct summaries *s, struct ir_fn *f, const struct event *through,
			   LLVMValueRef to)
{
	struct cfg_query q = {.to = to,
			      .blockers = &through->at,
			      .n_blockers = 1,
			      .guard = &through->key,
			      .guard_blocker_args = true};
	return !cfg_path_exists(s, f, &q);
}

void check_note(struct check_finding *cf, LLVMValueRef inst, struct ir_fn *fn, const char *fmt, ...)
{
	if (cf->n_notes == CHECK_MAX_NOTES)
		return;
	struct buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	struct check_note *n = &cf->notes[cf->n_notes++];
	n->inst = inst;
	n->fn = fn;
	n->message = buf_steal(&b);
}

static struct ffiguard_loc where(LLVMValueRef inst, struct ir_fn *fn, struct buf *scratch)
{
	struct ffiguard_loc loc = {NULL, 0, 0};
	if (inst)
		loc = ir_inst_loc(inst, scratch);
	if (!loc.file)
		loc = ir_fn_loc(fn->fn, scratch);
	return loc;
}

static void finding_release(struct check_finding *cf)
{
	for (size_t i = 0; i < cf->n_notes; i++)
		free(cf->notes[i].message);
	free(cf->message);
	memset(cf, 0, sizeof(*cf));
}

void check_emit(struct check_ctx *c, struct check_finding *cf)
{
	/* A path question cut short by the budget proves nothing. The standard library's own
	 * code is not linted: without an FFI edge, a finding inside it is about how LLVM merged
	 * its calls (a free whose inlined allocator frames were lost), not about the program. */
	/* A crossing into a global allocator written in C, from Rust's allocator shims, is the
	 * allocator, not the program's FFI: std's code behind it is still std's. */
	bool allocator_edge =
	    cf->edge && cf->edge->edge && summary_in_rust_allocator(cf->edge->edge);
	if (c->within && (summary_exhausted(c->within) ||
			  ((!cf->edge || allocator_edge) && ir_fn_is_library(c->within)))) {
		finding_release(cf);
		return;
	}
	/* A site's edge is a call with an FFI edge: its caller, and the function the user's code
	 * calls there (not the end of its shim chain). */
	struct ir_edge *ie = cf->edge ? summaries_edge_at(c->s, cf->edge->edge) : NULL;
	struct ir_fn *edge_callee = ie ? ir_edge_direct(ie) : NULL;
	if (ie) {
		/* Name the callee as the call does: rustc merges identical functions into aliases.
		 */
		LLVMValueRef called = LLVMGetCalledValue(ie->call);
		size_t len;
		char *alias = LLVMIsAGlobalAlias(called)
				  ? ffiguard_demangle(LLVMGetValueName2(called, &len))
				  : NULL;
		/* Through shims (drop_in_place, a Drop impl) the other language is at the end. */
		struct ir_fn *end = ie->callee != edge_callee ? ie->callee : NULL;
		char *via = end ? xasprintf(", which reaches '%s'", ir_fn_name(end)) : NULL;
		check_note(
		    cf, ie->call, ie->caller, "%s crosses from %s to %s here: '%s' calls '%s'%s",
		    cf->edge_is_call ? "the call" : "the pointer",
		    ffiguard_lang_name(ie->caller->lang),
		    ffiguard_lang_name((end ? end : edge_callee)->lang), ir_fn_name(ie->caller),
		    alias ? alias : ir_fn_name(edge_callee), via ? via : "");
		free(via);
		free(alias);
	}
	struct buf scratch[CHECK_MAX_NOTES + 1] = {0};
	struct ffiguard_note notes[CHECK_MAX_NOTES];
	struct ffiguard_finding out = {0};
	out.rule = cf->rule;
	out.severity = cf->severity;
	out.message = cf->message;
	out.function = ir_fn_ref(cf->fn);
	out.loc = where(cf->inst, cf->fn, &scratch[0]);
	if (ie) {
		out.has_edge = true;
		out.edge_caller = ir_fn_ref(ie->caller);
		out.edge_callee = ir_fn_ref(edge_callee);
	}
	for (size_t i = 0; i < cf->n_notes; i++) {
		notes[i].message = cf->notes[i].message;
		notes[i].function = ir_fn_ref(cf->notes[i].fn);
		notes[i].loc = where(cf->notes[i].inst, cf->notes[i].fn, &scratch[i + 1]);
	}
	out.notes = notes;
	out.n_notes = cf->n_notes;

	/* Two paths to one release (two callers freeing twice through the same function) are two
	 * findings: the notes tell them apart. Two that read the same (a drop on the normal path
	 * and its twin on the unwind path, at one line) are one. */
	struct buf k = {0};
	buf_printf(&k, "%s|%s|%u|%u|%s|%s", out.rule, out.loc.file ? out.loc.file : "",
		   out.loc.line, out.loc.column, out.function.symbol, out.message);
	for (size_t i = 0; i < cf->n_notes; i++) {
		if (notes[i].loc.file && notes[i].loc.line)
			buf_printf(&k, "|%s|%u|%u|%s", notes[i].loc.file, notes[i].loc.line,
				   notes[i].loc.column, notes[i].message);
		else /* without a line of its own, the instruction tells them apart */
			buf_printf(&k, "|%p", (void *)cf->notes[i].inst);
	}
	char *key = buf_steal(&k);
	if (!map_get(&c->seen, key)) {
		map_put(&c->seen, key, key);
		VEC_RESERVE(c->seen_keys, c->cap_seen, c->n_seen + 1);
		c->seen_keys[c->n_seen++] = key;
		ffiguard_report_add_finding(c->report, &out);
	} else {
		free(key);
	}
	for (size_t i = 0; i <= CHECK_MAX_NOTES; i++)
		buf_release(&scratch[i]);
	finding_release(cf);
}
