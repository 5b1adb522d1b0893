/* One function's pointer events (allocations, releases, uses, captures, returns) and the
 * summary its callers see. Reads callees' summaries; the rules that judge events are check-*.c. */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* libc functions that read their pointer arguments during the call, keep nothing and return
 * no alias of them; at -O0 clang leaves their declarations without captures(none). (strcpy and
 * memcpy return their destination, so they stay unknown.) */
static const char *const noncapturing[] = {
    "strlen",  "strnlen",  "strcmp",    "strncmp", "strcasecmp", "strncasecmp", "memcmp",
    "puts",    "fputs",    "printf",    "fprintf", "dprintf",    "sprintf",     "snprintf",
    "vprintf", "vfprintf", "vsnprintf", "perror",  "write",      "read",        "pread",
    "pwrite",  "send",     "recv",      "fwrite",  "fread",      "atoi",        "atol",
    "atoll",   "strtol",   "strtoul",   "strtoll", "strtoull",   "strtod",      "strtof",
    "open",    "open64",   "fopen",     "stat",    "stat64",     "lstat",       "access",
    "unlink",  "mkdir",    "rmdir",     "getenv",  "setenv",     "unsetenv",    "sscanf",
    "fflush",  "fclose",
};

static bool is_ptr(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
}

const char *summary_intern(struct summaries *s, const char *family)
{
	const char *k = map_get(&s->interned, family);
	if (!k) {
		k = arena_strdup(&s->strings, family);
		map_put(&s->interned, k, (void *)k);
	}
	return k;
}

static int param_index(struct ir_fn *f, LLVMValueRef v);
static int param_at(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, int64_t *off);

/* Largest object whose copy is followed pointer by pointer. */
#define MAX_COPY 256

/* The length of a memcpy or memmove of constant length; -1 for any other instruction. */
static int64_t copy_length(LLVMValueRef c)
{
	if (!LLVMIsAIntrinsicInst(c) ||
	    !(ir_intrinsic_named(c, "llvm.memcpy") || ir_intrinsic_named(c, "llvm.memmove")) ||
	    !LLVMIsAConstantInt(LLVMGetOperand(c, 2)))
		return -1;
	return (int64_t)LLVMConstIntGetZExtValue(LLVMGetOperand(c, 2));
}

/* Whether call `c` is a memcpy (or memmove) of one parameter's pointee into another's, directly
 * or through local slots that only relay it: *out says which bytes. */
static bool copy_to_param(struct summaries *s, struct ir_fn *f, LLVMValueRef c,
			  struct param_copy *out)
{
	out->len = copy_length(c);
	if (out->len < 0 || out->len > MAX_COPY)
		return false;
	out->into = param_at(s, f, LLVMGetOperand(c, 0), &out->into_off);
	if (out->into < 0)
		return false;
	LLVMValueRef origin =
	    summary_copy_origin(s, f, LLVMGetOperand(c, 1), out->len, &out->from_off);
	out->from = origin ? param_index(f, origin) : -1;
	return out->from >= 0 && out->from != out->into;
}

/* The condition on a parameter that decides whether `inst` runs: the nearest conditional branch
 * up the chain of single predecessors, if it compares a parameter with a constant. */
static struct guard block_guard(struct ir_fn *f, LLVMValueRef inst)
{
	struct guard g = {-1, LLVMIntEQ, NULL};
	LLVMBasicBlockRef bb = LLVMGetInstructionParent(inst);
	for (int depth = 0; depth < 8 && bb; depth++) {
		LLVMValueRef term = ir_single_pred_term(bb); /* a merge has no single condition */
		if (!term || !LLVMIsABranchInst(term))
			return g;
		if (!LLVMIsConditional(term)) {
			bb = LLVMGetInstructionParent(term);
			continue;
		}
		LLVMValueRef cond = LLVMGetCondition(term);
		bool taken = LLVMGetSuccessor(term, 0) == bb;
		if (LLVMGetSuccessor(term, 1) == bb && taken)
			return g;
		if (!LLVMIsAICmpInst(cond))
			return g;
		LLVMIntPredicate pred = LLVMGetICmpPredicate(cond);
		LLVMValueRef a = LLVMGetOperand(cond, 0), b = LLVMGetOperand(cond, 1);
		while (LLVMIsAPtrToIntInst(a) || LLVMIsABitCastInst(a))
			a = LLVMGetOperand(a, 0);
		int param = param_index(f, a);
		if ((pred != LLVMIntEQ && pred != LLVMIntNE) || param < 0 || !LLVMIsAConstant(b))
			return g;
		g.param = param;
		g.value = b;
		g.pred = (pred == LLVMIntEQ) == taken ? LLVMIntEQ : LLVMIntNE;
		return g;
	}
	return g;
}

static bool guard_equal(const struct guard *a, const struct guard *b)
{
	return a->param == b->param &&
	       (a->param < 0 || (a->pred == b->pred && a->value == b->value));
}

static struct event *add(struct summary *sum, enum ev_kind kind, struct vkey key, LLVMValueRef at,
			 struct site site)
{
	VEC_RESERVE(sum->events, sum->cap_events, sum->n_events + 1);
	struct event *e = &sum->events[sum->n_events++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->key = key;
	e->at = at;
	e->must = true;
	e->field = -1;
	e->site = site;
	e->guard.param = -1;
	e->write_must = true;
	return e;
}

/* The site of something `f` does itself at `inst`; a call that is an FFI edge crosses it. */
static struct site through(struct summaries *s, struct ir_fn *f, LLVMValueRef inst,
			   const struct site *deep)
{
	struct site r = {inst, f, NULL};
	if (deep && deep->fn && deep->inst && !ir_fn_is_library(deep->fn)) {
		r = *deep;
	} else if (deep && deep->fn) {
		/* Inside the standard library: point at the user's call, keep the edge. */
		r.edge = deep->edge;
	}
	struct ir_edge *e = ir_is_call(inst) ? summaries_edge_at(s, inst) : NULL;
	if (e) {
		/* The function the user's code calls, not the end of its shim chain. */
		r.edge = inst;
	}
	return r;
}

static struct vkey key_of(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object)
{
	return summary_key(s, f, v, object);
}

/* A declaration (or unknown code: `callee` NULL) keeps argument `i` only if nothing says
 * otherwise. */
static bool declaration_captures(LLVMValueRef call, LLVMValueRef callee, unsigned i)
{
	LLVMAttributeRef a = callee ? ir_attr(callee, i + 1, "captures") : NULL;
	if (!a)
		a = ir_attr(call, i + 1, "captures");
	/* CaptureInfo packs two CaptureComponents (other << 4 | ret); bits 2-3 are provenance. */
	if (a && (LLVMGetEnumAttributeValue(a) & 0xcc) == 0)
		return false;
	if (!callee)
		return true;
	size_t n;
	const char *name = LLVMGetValueName2(callee, &n);
	for (size_t k = 0; k < sizeof(noncapturing) / sizeof(noncapturing[0]); k++)
		if (strcmp(name, noncapturing[k]) == 0)
			return false;
	return true;
}

static void alloc_events(struct summaries *s, struct ir_fn *f, LLVMValueRef c,
			 const struct alloc_fact *af)
{
	struct summary *sum = f->summary;
	const char *family = summary_intern(s, af->family);
	struct site here = {c, f, NULL};
	unsigned n = LLVMGetNumArgOperands(c);
	for (unsigned i = 0; i < n; i++) {
		LLVMValueRef arg = LLVMGetOperand(c, i);
		if (!is_ptr(arg))
			continue;
		if ((int)i == af->ptr_arg && af->role != ALLOC_ALLOCATES) {
			struct event *e = add(sum, EV_RELEASE, key_of(s, f, arg, false), c, here);
			e->family = family;
		} else {
			/* What an allocator returning its memory is given (strdup's string, a
			 * format and its arguments) is only read; out-parameters are written. */
			add(sum, EV_USE, key_of(s, f, arg, true), c, here)->write =
			    af->role != ALLOC_ALLOCATES || af->out_param;
		}
	}
	if ((af->role == ALLOC_ALLOCATES && !af->out_param) || af->role == ALLOC_REALLOCATES) {
		struct event *e = add(sum, EV_ALLOC, (struct vkey){c, 0, false}, c, here);
		e->family = family;
		e->may_null = af->may_return_null;
	} else if (af->out_param && af->ptr_arg >= 0 && (unsigned)af->ptr_arg < n) {
		/* Fresh memory stored through a pointer argument: CString::new's result. */
		struct vkey k;
		if (summary_key_load(s, f, LLVMGetOperand(c, (unsigned)af->ptr_arg), af->out_off,
				     NULL, &k, NULL)) {
			struct event *e = add(sum, EV_ALLOC, k, c, here);
			e->family = family;
			e->may_null = af->may_return_null;
		}
	}
}

/* Fresh memory a callee returns, or memory it released and returns all the same: the call
 * itself, or the extractvalue of that field. */
static void returned_event(struct summary *sum, LLVMValueRef c, const struct fact *ft,
			   const char *family, const struct site *site)
{
	for (LLVMUseRef u = ft->field < 0 ? NULL : LLVMGetFirstUse(c); ft->field < 0 || u;
	     u = LLVMGetNextUse(u)) {
		LLVMValueRef v = c;
		if (ft->field >= 0) {
			v = LLVMGetUser(u);
			if (!LLVMIsAExtractValueInst(v) || LLVMGetNumIndices(v) != 1 ||
			    (int)LLVMGetIndices(v)[0] != ft->field)
				continue;
		}
		/* A field is fresh (or released) from its extractvalue on (the key's own
		 * definition, which otherwise ends the walks from the call); a field read twice
		 * is one name. */
		LLVMValueRef name = ir_extracted(v);
		struct event *e =
		    add(sum, ft->kind, (struct vkey){name ? name : v, 0, false}, v, *site);
		e->family = family;
		e->may_null = ft->may_null;
		e->must = ft->must;
		e->interior = ft->interior;
		e->lent = ft->lent;
		/* Only in its variant of the returned enum: the call's field tag.off. */
		if (ft->field >= 0 && ft->tag.set) {
			e->tag = ft->tag;
			e->tag.object = c;
		}
		if (ft->field < 0)
			return;
	}
}

/* The allocation event that `k` names, or NULL. */
static const struct event *alloc_named(const struct summary *sum, const struct vkey *k)
{
	for (size_t i = 0; i < sum->n_events; i++)
		if (sum->events[i].kind == EV_ALLOC && vkey_equal(&sum->events[i].key, k))
			return &sum->events[i];
	return NULL;
}

/* The allocation event that `k` names where `at` reads it: of the variants a place holds (a
 * Result's Ok handle and Err String at one offset), one whose tag some path from it to `at`
 * keeps (`?` moves the Err side's String on where the tag test said Err); the first when none
 * tells them apart. */
static const struct event *alloc_named_at(struct summaries *s, struct ir_fn *f,
					  const struct vkey *k, LLVMValueRef at)
{
	struct summary *sum = f->summary;
	const struct event *first = alloc_named(sum, k);
	if (!first || !at)
		return first;
	for (size_t i = (size_t)(first - sum->events); i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind != EV_ALLOC || !vkey_equal(&e->key, k))
			continue;
		if (e == first && !e->tag.set)
			return first;
		if (!e->tag.set || e->at == at ||
		    cfg_path_exists(s, f,
				    &(struct cfg_query){.from = e->at, .to = at, .tag = &e->tag}))
			return e;
	}
	return first;
}

/* Fresh memory `off` bytes into the object call `c` returns. */
static void held_alloc(struct summary *sum, LLVMValueRef c, int64_t off, bool must, bool may_null,
		       const char *family, struct site site)
{
	struct event *e = add(sum, EV_ALLOC, (struct vkey){c, off, true}, c, site);
	e->must = must;
	e->may_null = may_null;
	e->family = family;
}

struct copy_at {
	struct summary *sum;
	LLVMValueRef call;
};

static void put_copied(void *data, int64_t o, const struct event *e)
{
	struct copy_at *c = data;
	if (o >= 0)
		held_alloc(c->sum, c->call, o, true, e->may_null, e->family, e->site);
}

static void copied_allocs(struct summaries *s, struct ir_fn *f, LLVMValueRef src, int64_t from,
			  int64_t len, LLVMValueRef at,
			  void (*put)(void *, int64_t, const struct event *), void *data);
static void kept_where(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, struct event *cap);

/* A callee's copy into what argument `dst` points to, `off` bytes in. */
struct copy_into {
	struct summaries *s;
	struct ir_fn *f;
	LLVMValueRef call, dst;
	int64_t off;
};

/* Fresh memory copied into a local slot or a parameter's pointee: named by the place from now
 * on, and moved out of the allocation's own name as a store there would move it. */
static void put_into(void *data, int64_t o, const struct event *alloc)
{
	struct copy_into *ci = data;
	struct summary *sum = ci->f->summary;
	struct event e = *alloc; /* `alloc` is among the events that add() may move */
	int64_t at;
	LLVMValueRef place = summary_base_offset(ci->s, ci->dst, &at);
	if (o >= 0 && place && (LLVMIsAArgument(place) || ir_is_local_alloca(ci->f->body, place))) {
		struct event *a = add(sum, EV_ALLOC, (struct vkey){place, at + ci->off + o, true},
				      ci->call, e.site);
		a->may_null = e.may_null;
		a->family = e.family;
	}
	struct event *cap = add(sum, EV_CAPTURE, e.key, ci->call, e.site);
	kept_where(ci->s, ci->f, ci->dst, cap);
}

/* The parameter `v` was loaded from the pointee of, `*off` bytes in; -1 when `v` is no such
 * load. What it points to is two levels below the parameter, which one key cannot name. */
static int pointee_load(struct summaries *s, struct ir_fn *f, LLVMValueRef v, int64_t *off)
{
	if (!v || !LLVMIsALoadInst(v))
		return -1;
	struct vkey lk = key_of(s, f, v, false);
	*off = lk.off;
	return lk.deref ? param_index(f, lk.base) : -1;
}

/* The place `off` bytes into what `arg` points to, when `arg` was loaded from a parameter's
 * pointee: named by the load, for derive_facts to make a release two levels down of it. */
static bool two_levels(struct summaries *s, struct ir_fn *f, LLVMValueRef arg, int64_t off,
		       struct vkey *out)
{
	int64_t o, lo;
	LLVMValueRef load = summary_base_offset(s, arg, &o);
	if (pointee_load(s, f, load, &lo) < 0)
		return false;
	*out = (struct vkey){load, o + off, true};
	return true;
}

/* The facts of `gs` at call `c`, whose operand `first` + i is the callee's parameter i. */
static void summary_events(struct summaries *s, struct ir_fn *f, LLVMValueRef c,
			   const struct summary *gs, unsigned first)
{
	struct summary *sum = f->summary;
	unsigned n = LLVMGetNumArgOperands(c) - first;
	/* A C global allocator's functions called from Rust's allocator shims: their memory is
	 * Rust's (asked once per call). */
	int rust_shim = -1;
	for (size_t k = 0; k < gs->n_facts; k++) {
		const struct fact *ft = &gs->facts[k];
		if (ft->kind == EV_RETURN)
			continue;
		const char *family = ft->family;
		if ((ft->kind == EV_ALLOC || ft->kind == EV_RELEASE) && family &&
		    strcmp(family, "rust") != 0) {
			if (rust_shim < 0)
				rust_shim = summary_in_rust_allocator(c);
			if (rust_shim)
				family = summary_intern(s, "rust");
		}
		struct site site = through(s, f, c, &ft->site);
		if (ft->param < 0) {
			if (ft->kind == EV_ALLOC && ft->deref)
				held_alloc(sum, c, ft->off, ft->must, ft->may_null, family, site);
			else if (ft->kind == EV_ALLOC || ft->kind == EV_RELEASE)
				returned_event(sum, c, ft, family, &site);
			continue;
		}
		if ((unsigned)ft->param >= n || ft->kind == EV_RETURN ||
		    (ft->kind == EV_USE && !ft->deref))
			continue;
		LLVMValueRef arg = LLVMGetOperand(c, first + (unsigned)ft->param);
		/* A release names the pointer itself, unless it releases the allocation the
		 * pointer points into. */
		struct vkey key = key_of(s, f, arg, ft->kind != EV_RELEASE || ft->interior);
		/* A callee's view of what the argument points to: as it is before the call, except
		 * for fresh memory the call puts there, named by the place. */
		LLVMValueRef kept = NULL;
		if (ft->deref &&
		    !summary_key_load(s, f, arg, ft->off,
				      ft->kind == EV_ALLOC || ft->left ? NULL : c, &key, &kept) &&
		    !(ft->kind == EV_RELEASE && !ft->left && two_levels(s, f, arg, ft->off, &key)))
			continue;
		struct event *e = add(sum, ft->kind, key, c, site);
		e->kept = kept;
		e->must = ft->must;
		e->may_null = ft->may_null;
		e->cleared = ft->cleared && key.deref;
		e->via_place = ft->deref;
		e->family = family;
		e->interior = ft->kind == EV_RELEASE && ft->interior;
		int64_t at_off;
		e->tag = ft->tag;
		e->tag.object = ft->tag.set ? summary_base_offset(s, arg, &at_off) : NULL;
		e->tag.set = e->tag.object != NULL;
		e->tag.off += e->tag.set ? at_off : 0;
		e->write = ft->write;
		e->assumed = ft->write && !ft->written;
		e->escapes = ft->escapes;
		if (ft->kind == EV_CAPTURE && ft->held && !ft->escapes) {
			/* Kept in the object the call returns: as long as this function keeps it.
			 */
			bool returned = false;
			enum escape esc = summary_object_escapes(s, f, c, &returned);
			e->escapes = esc == ESCAPE_SHOWN;
			e->held = esc == ESCAPE_NONE && returned;
		}
		if (ft->written)
			e->site = through(s, f, c, &ft->write_site);
	}
	for (size_t k = 0; k < gs->n_rel2; k++) {
		const struct release2 *r = &gs->rel2[k];
		struct vkey held;
		if ((unsigned)r->param >= n ||
		    !summary_key_load(s, f, LLVMGetOperand(c, first + (unsigned)r->param), r->off,
				      c, &held, NULL))
			continue;
		if (held.deref) {
			/* Still two levels below one of this function's parameters (a wrapper
			 * passing it on): released so by this function too. */
			int p = param_index(f, held.base);
			if (p >= 0) {
				VEC_RESERVE(sum->rel2, sum->cap_rel2, sum->n_rel2 + 1);
				sum->rel2[sum->n_rel2++] = (struct release2){
				    p,       held.off,  r->off2,
				    r->must, r->family, through(s, f, c, &r->site),
				    c};
			}
			continue;
		}
		struct event *e =
		    add(sum, EV_RELEASE, (struct vkey){held.base, held.off + r->off2, true}, c,
			through(s, f, c, &r->site));
		e->must = r->must;
		e->via_place = true;
		e->family = r->family;
	}
	/* The object the call returns holds a copy of what an argument points to (Box::new(x) at
	 * -O0): the fresh memory there is in the object. */
	if (gs->ret_copy.param >= 0 && (unsigned)gs->ret_copy.param < n) {
		struct copy_at ca = {sum, c};
		copied_allocs(s, f, LLVMGetOperand(c, first + (unsigned)gs->ret_copy.param),
			      gs->ret_copy.off, gs->ret_copy.len, c, put_copied, &ca);
	}
	/* It copies what one argument points to into what another does (Result::ok at -O0). */
	for (size_t k = 0; k < gs->n_copies; k++) {
		const struct param_copy *cp = &gs->copies[k];
		if ((unsigned)cp->from >= n || (unsigned)cp->into >= n)
			continue;
		struct copy_into ci = {s, f, c, LLVMGetOperand(c, first + (unsigned)cp->into),
				       cp->into_off};
		copied_allocs(s, f, LLVMGetOperand(c, first + (unsigned)cp->from), cp->from_off,
			      cp->len, c, put_into, &ci);
	}
}

/* The summary of the function a trampoline call runs (__rust_try's closure) and the operand its
 * first parameter is, or NULL (and *first 0) for other calls. */
static const struct summary *trampoline_summary(const struct summaries *s, LLVMValueRef call,
						unsigned *first)
{
	LLVMValueRef target = ir_trampoline_target(call, first);
	struct ir_fn *t = target ? map_get(&s->program->by_value, target) : NULL;
	if (t && summary_of(t))
		return summary_of(t);
	*first = 0;
	return NULL;
}

/* C APIs that take a buffer together with the function that will release it (SQLite's
 * destructor argument): with a release function there (free, sqlite3_free), the call hands the
 * buffer over to be released by that function's family. SQLite calls it even when the bind
 * fails; SQLITE_STATIC (0) and SQLITE_TRANSIENT (-1) are constants, not functions. */
static const struct {
	const char *name;
	unsigned buffer, destructor;
} released_by_argument[] = {
    {"sqlite3_bind_text", 2, 4},     {"sqlite3_bind_text64", 2, 4},
    {"sqlite3_bind_blob", 2, 4},     {"sqlite3_bind_blob64", 2, 4},
    {"sqlite3_bind_pointer", 2, 4},  {"sqlite3_result_text", 1, 3},
    {"sqlite3_result_text64", 1, 3}, {"sqlite3_result_blob", 1, 3},
    {"sqlite3_result_blob64", 1, 3},
};

static void destructor_release(struct summaries *s, struct ir_fn *f, LLVMValueRef c,
			       LLVMValueRef callee)
{
	size_t len;
	const char *name = LLVMGetValueName2(callee, &len);
	unsigned n = LLVMGetNumArgOperands(c);
	for (size_t i = 0; i < sizeof(released_by_argument) / sizeof(released_by_argument[0]);
	     i++) {
		if (strcmp(name, released_by_argument[i].name) != 0 ||
		    released_by_argument[i].destructor >= n)
			continue;
		/* The function itself, or at -O0 what a slot holding it names. */
		LLVMValueRef d =
		    key_of(s, f, LLVMGetOperand(c, released_by_argument[i].destructor), false).base;
		const struct alloc_fact *af = LLVMIsAFunction(d) ? summary_allocator(s, d) : NULL;
		if (!af || af->role != ALLOC_RELEASES)
			return;
		LLVMValueRef buf = LLVMGetOperand(c, released_by_argument[i].buffer);
		struct event *e = add(f->summary, EV_RELEASE, key_of(s, f, buf, false), c,
				      through(s, f, c, NULL));
		e->family = summary_intern(s, af->family);
		e->must = true;
		e->deferred = true;
		return;
	}
}

static void call_events(struct summaries *s, struct ir_fn *f, LLVMValueRef c)
{
	struct summary *sum = f->summary;
	LLVMValueRef callee = ir_program_callee(s->program, c);
	unsigned n = LLVMGetNumArgOperands(c);
	struct alloc_fact af;

	if (callee && LLVMGetIntrinsicID(callee)) {
		size_t len;
		if (strncmp(LLVMGetValueName2(callee, &len), "llvm.lifetime.", 14) == 0)
			return;
		/* memcpy and friends: the destination is written, and what the source holds may
		 * now live elsewhere too, unless the copy is followed: into a local slot that is
		 * copied from it (slot_captures gives the source away with the slot), or from
		 * one parameter's pointee into another's (a param_copy). */
		struct site here = {c, f, NULL};
		int64_t o;
		struct param_copy cp;
		LLVMValueRef dst = n ? summary_base_offset(s, LLVMGetOperand(c, 0), &o) : NULL;
		bool followed = (dst && ir_is_local_alloca(f->body, dst) && n > 1 &&
				 summary_slot_copy_source(f, dst) == LLVMGetOperand(c, 1)) ||
				copy_to_param(s, f, c, &cp);
		for (unsigned i = 0; i < n; i++) {
			LLVMValueRef arg = LLVMGetOperand(c, i);
			if (!is_ptr(arg))
				continue;
			add(sum, EV_USE, key_of(s, f, arg, true), c, here)->write = i == 0;
			if (i > 0 && !followed)
				add(sum, EV_CAPTURE, key_of(s, f, arg, true), c, here);
		}
		return;
	}
	const struct alloc_fact *known = summary_allocator(s, callee);
	if (known) {
		af = *known;
		summary_alloc_at_call(c, &af);
		alloc_events(s, f, c, &af);
		return;
	}
	/* Rust's allocator shims are inlined only into Rust. */
	struct ir_fn *callee_fn =
	    callee && f->lang == FFIGUARD_LANG_RUST ? map_get(&s->program->by_value, callee) : NULL;
	if (callee_fn && callee_fn->lang != FFIGUARD_LANG_RUST &&
	    summary_alloc_inlined(s, c, callee, &af)) {
		alloc_events(s, f, c, &af);
		return;
	}
	unsigned first = 0;
	const struct summary *gs = trampoline_summary(s, c, &first);
	if (!gs) {
		struct ir_fn *g = callee ? map_get(&s->program->by_value, callee) : NULL;
		gs = g ? summary_of(g) : NULL;
	}
	bool unknown = !callee || ir_is_inline_asm_call(c) ||
		       (!first && !ir_call_aligned(c, callee)) ||
		       (!gs && !LLVMIsDeclaration(callee));
	if (unknown)
		gs = NULL;
	for (unsigned i = first; i < n; i++) {
		LLVMValueRef arg = LLVMGetOperand(c, i);
		if (!is_ptr(arg) || LLVMIsAConstantPointerNull(arg))
			continue;
		struct vkey k = key_of(s, f, arg, true);
		const struct fact *use = summary_fact(gs, EV_USE, (int)(i - first));
		const struct site *deep =
		    use ? (use->written ? &use->write_site : &use->site) : NULL;
		struct event *e = add(sum, EV_USE, k, c, through(s, f, c, deep));
		e->write = use ? use->write : !gs;
		e->assumed = use ? use->write && !use->written : !gs;
		e->write_must = use && use->write_must;
		e->passed_only = gs && !use;
		if (use && use->written) {
			/* The callee writes only under a condition on one of its parameters: what
			 * this call passes for it may settle it, or make it this function's. */
			const struct guard *cg = &use->write_guard;
			LLVMValueRef garg = cg->param >= 0 && first + (unsigned)cg->param < n
						? LLVMGetOperand(c, first + (unsigned)cg->param)
						: NULL;
			int mine = garg ? param_index(f, garg) : -1;
			if (garg && !summary_guard_may_hold(cg, garg))
				e->assumed = true; /* never written through this call */
			else if (mine >= 0)
				e->guard = (struct guard){mine, cg->pred, cg->value};
			else
				e->guard = block_guard(f, c);
		}
		if (unknown || (!gs && declaration_captures(c, callee, i)))
			add(sum, EV_CAPTURE, k, c, through(s, f, c, NULL));
	}
	if (gs)
		summary_events(s, f, c, gs, first);
	if (callee)
		destructor_release(s, f, c, callee);
}

/* Whether `k` names memory the function allocates itself (an object it makes). */
static bool fresh_object(struct ir_fn *f, const struct vkey *k)
{
	for (size_t i = 0; !k->deref && i < f->summary->n_events; i++) {
		const struct event *e = &f->summary->events[i];
		if (e->kind == EV_ALLOC && vkey_equal(&e->key, k))
			return true;
	}
	return false;
}

static const struct event *returned_fresh(struct summaries *s, struct ir_fn *f);

/* Whether `addr` points into the fresh object `f` returns (which object that is, asked once per
 * computation, when first needed). */
static bool in_returned_object(struct summaries *s, struct ir_fn *f, LLVMValueRef addr)
{
	struct summary *sum = f->summary;
	if (!sum->ret_object_asked) {
		const struct event *o = returned_fresh(s, f);
		sum->ret_object = o && !o->key.deref && !o->interior ? o->key.base : NULL;
		sum->ret_object_asked = true;
	}
	struct vkey k = key_of(s, f, addr, true);
	return sum->ret_object && !k.deref && k.base == sum->ret_object;
}

/* Where a pointer stored at `addr` is kept (`cap`, its capture): in a global, or in a fresh
 * object of the function shown to outlive it (escapes); in the fresh object the function returns
 * (held: as long as the caller keeps that object). In a fresh object that dies here, or that
 * only may outlive the function (kept in a local slot, given to unknown code), neither. */
static void kept_where(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, struct event *cap)
{
	struct vkey k = key_of(s, f, addr, true);
	if (LLVMIsAGlobalVariable(k.base)) {
		cap->escapes = true;
		return;
	}
	if (!fresh_object(f, &k))
		return;
	bool returned;
	cap->held = in_returned_object(s, f, addr);
	cap->escapes =
	    !cap->held && summary_object_escapes(s, f, k.base, &returned) == ESCAPE_SHOWN;
}

/* What a call does with `v` it is given: keeps it where it escapes (a callee whose facts show
 * the store), may keep it (unknown code, a declaration, a callee keeping it in the object it
 * returns), or neither. */
static enum escape call_escape(struct summaries *s, LLVMValueRef call, LLVMValueRef v)
{
	LLVMValueRef callee = ir_program_callee(s->program, call);
	if (callee && LLVMGetIntrinsicID(callee))
		return ir_intrinsic_named(call, "llvm.lifetime.") ? ESCAPE_NONE
								  : ESCAPE_MAY; /* a copy of it */
	const struct alloc_fact *af = callee ? summary_allocator(s, callee) : NULL;
	const struct summary *gs = summary_of_callee(s, call);
	enum escape worst = ESCAPE_NONE;
	for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n; i++) {
		if (LLVMGetOperand(call, i) != v)
			continue;
		enum escape here = ESCAPE_NONE;
		const struct fact *cap = gs ? summary_fact(gs, EV_CAPTURE, (int)i) : NULL;
		if (af)
			here = af->role != ALLOC_RELEASES ? ESCAPE_MAY : ESCAPE_NONE;
		else if (!gs)
			here = declaration_captures(call, callee, i) ? ESCAPE_MAY : ESCAPE_NONE;
		else if (cap && cap->escapes)
			here = ESCAPE_SHOWN;
		else if (cap && cap->held)
			here = ESCAPE_MAY;
		worst = here > worst ? here : worst;
	}
	return worst;
}

/* Whether `addr` points into local slots: a slot, or a choice among slots (a pointer to one of
 * two workers' parameters, `i == 0 ? &main : &side`). */
static bool on_stack(struct summaries *s, LLVMValueRef addr, int depth)
{
	int64_t off;
	LLVMValueRef base = summary_base_offset(s, addr, &off);
	if (!base || depth > 4)
		return false;
	if (LLVMIsAAllocaInst(base))
		return true;
	if (LLVMIsASelectInst(base))
		return on_stack(s, LLVMGetOperand(base, 1), depth + 1) &&
		       on_stack(s, LLVMGetOperand(base, 2), depth + 1);
	if (!LLVMIsAPHINode(base))
		return false;
	for (unsigned i = 0, n = LLVMCountIncoming(base); i < n; i++)
		if (!on_stack(s, LLVMGetIncomingValue(base, i), depth + 1))
			return false;
	return true;
}

/* summary_object_escapes for `v`, `depth` constant GEPs into the object. */
static enum escape object_escapes(struct summaries *s, struct ir_fn *f, LLVMValueRef v, int depth,
				  bool *returned)
{
	enum escape worst = ESCAPE_NONE;
	for (LLVMUseRef u = LLVMGetFirstUse(v); u && worst != ESCAPE_SHOWN; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		enum escape here = ESCAPE_NONE;
		if (!summary_charge(f, 1))
			return ESCAPE_MAY;
		if (LLVMIsALoadInst(user) || LLVMIsAICmpInst(user)) {
			continue;
		} else if (LLVMIsAStoreInst(user)) {
			/* Into a global, a heap object or a caller's memory; into a local slot it
			 * goes wherever the slot goes, which is not followed. */
			if (LLVMGetOperand(user, 0) == v)
				here = on_stack(s, LLVMGetOperand(user, 1), 0) ? ESCAPE_MAY
									       : ESCAPE_SHOWN;
		} else if (LLVMIsAReturnInst(user)) {
			*returned = true;
		} else if (LLVMIsAGetElementPtrInst(user) && LLVMGetOperand(user, 0) == v) {
			here = depth >= 3 ? ESCAPE_MAY
					  : object_escapes(s, f, user, depth + 1, returned);
		} else if (!ir_is_call(user) || LLVMGetCalledValue(user) == v) {
			here = ESCAPE_MAY; /* merged, or an address turned into an integer */
		} else {
			here = call_escape(s, user, v);
		}
		worst = here > worst ? here : worst;
	}
	return worst;
}

enum escape summary_object_escapes(struct summaries *s, struct ir_fn *f, LLVMValueRef obj,
				   bool *returned)
{
	/* Asked for every store into the object and every read of it: worked out once. */
	struct summary *sum = f->summary;
	uintptr_t known = (uintptr_t)map_get(&sum->escape, obj);
	if (!known) {
		bool ret = false;
		enum escape esc = object_escapes(s, f, obj, 0, &ret);
		known = ((uintptr_t)esc + 1) | (uintptr_t)ret << 2;
		map_put(&sum->escape, obj, (void *)known);
	}
	*returned = (known >> 2) & 1;
	return (enum escape)((known & 3) - 1);
}

static bool address_checks_only(LLVMValueRef v)
{
	for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (LLVMIsAICmpInst(user))
			continue;
		/* Rust's debug assertions print the address and panic. */
		LLVMValueRef next = ir_is_call(user) ? LLVMGetNextInstruction(user) : NULL;
		if (next && LLVMIsAUnreachableInst(next))
			continue;
		if (LLVMGetInstructionOpcode(user) != LLVMAnd)
			return false;
		for (LLVMUseRef w = LLVMGetFirstUse(user); w; w = LLVMGetNextUse(w))
			if (!LLVMIsAICmpInst(LLVMGetUser(w)))
				return false;
	}
	return true;
}

/* Pointers an instruction other than a call hands to memory or merges away. */
static void inst_events(struct summaries *s, struct ir_fn *f, LLVMValueRef inst)
{
	struct summary *sum = f->summary;
	struct site here = {inst, f, NULL};
	switch (LLVMGetInstructionOpcode(inst)) {
	case LLVMLoad: {
		/* A read of a local slot itself concerns no check: a slot is never released nor
		 * null, and what it holds is named by its loads (a function of tens of thousands
		 * of reads of one slot kept as many events). */
		struct vkey k = key_of(s, f, LLVMGetOperand(inst, 0), true);
		if (!k.deref && LLVMIsAAllocaInst(k.base))
			return;
		add(sum, EV_USE, k, inst, here);
		return;
	}
	case LLVMStore: {
		LLVMValueRef v = LLVMGetOperand(inst, 0), addr = LLVMGetOperand(inst, 1);
		struct event *w = add(sum, EV_USE, key_of(s, f, addr, true), inst, here);
		w->write = true;
		w->guard = block_guard(f, inst);
		if (is_ptr(v) && !LLVMIsAConstantPointerNull(v) &&
		    !summary_slot_tracked(s, f, addr)) {
			struct event *cap = add(sum, EV_CAPTURE, key_of(s, f, v, true), inst, here);
			kept_where(s, f, addr, cap);
		}
		return;
	}
	case LLVMAtomicRMW:
	case LLVMAtomicCmpXchg:
		add(sum, EV_USE, key_of(s, f, LLVMGetOperand(inst, 0), true), inst, here)->write =
		    true;
		for (unsigned i = 1; i < (unsigned)LLVMGetNumOperands(inst); i++)
			if (is_ptr(LLVMGetOperand(inst, i)))
				add(sum, EV_CAPTURE, key_of(s, f, LLVMGetOperand(inst, i), true),
				    inst, here);
		return;
	case LLVMRet: {
		if (!LLVMGetNumOperands(inst))
			return;
		LLVMValueRef v = LLVMGetOperand(inst, 0);
		if (is_ptr(v) && !LLVMIsAConstantPointerNull(v))
			add(sum, EV_RETURN, key_of(s, f, v, false), inst, here);
		for (; LLVMIsAInsertValueInst(v); v = LLVMGetOperand(v, 0)) {
			LLVMValueRef elem = LLVMGetOperand(v, 1);
			if (is_ptr(elem) && !LLVMIsAConstantPointerNull(elem) &&
			    LLVMGetNumIndices(v) == 1)
				add(sum, EV_RETURN, key_of(s, f, elem, false), inst, here)->field =
				    (int)LLVMGetIndices(v)[0];
		}
		return;
	}
	case LLVMPHI:
	case LLVMSelect: {
		if (!is_ptr(inst))
			return;
		struct vkey k = key_of(s, f, inst, false);
		if (k.base != inst)
			return;
		for (unsigned i = 0, n = ir_merge_count(inst); i < n; i++) {
			LLVMValueRef in = ir_merge_input(inst, i);
			if (is_ptr(in) && !LLVMIsAConstantPointerNull(in))
				add(sum, EV_CAPTURE, key_of(s, f, in, true), inst, here);
		}
		return;
	}
	case LLVMInsertValue: {
		LLVMValueRef elem = LLVMGetOperand(inst, 1);
		if (!is_ptr(elem) || LLVMIsAConstantPointerNull(elem))
			return;
		/* Fine when the aggregate only grows into a return (inst_events(ret) sees it), or
		 * into fields read out again (each named by what was put there). */
		LLVMValueRef v = inst;
		for (int step = 0; step < 64; step++) {
			LLVMUseRef u = LLVMGetFirstUse(v);
			LLVMValueRef user = u ? LLVMGetUser(u) : NULL;
			if (!user)
				break;
			if (!LLVMGetNextUse(u) && LLVMIsAReturnInst(user))
				return;
			if (!LLVMGetNextUse(u) && LLVMIsAInsertValueInst(user) &&
			    LLVMGetOperand(user, 0) == v) {
				v = user;
				continue;
			}
			for (; u && LLVMIsAExtractValueInst(LLVMGetUser(u)) &&
			       LLVMGetNumIndices(LLVMGetUser(u)) == 1;
			     u = LLVMGetNextUse(u))
				;
			if (!u)
				return;
			break;
		}
		add(sum, EV_CAPTURE, key_of(s, f, elem, true), inst, here);
		return;
	}
	case LLVMPtrToInt:
		/* Alignment and null checks look at the address only; anything else may hide the
		 * pointer in an integer (tagged pointers). */
		if (!address_checks_only(inst))
			add(sum, EV_CAPTURE, key_of(s, f, LLVMGetOperand(inst, 0), true), inst,
			    here);
		return;
	case LLVMICmp:
	case LLVMIntToPtr:
	case LLVMGetElementPtr:
	case LLVMBitCast:
	case LLVMAddrSpaceCast:
	case LLVMExtractValue:
	case LLVMFreeze:
		return;
	default:
		for (unsigned i = 0; i < (unsigned)LLVMGetNumOperands(inst); i++) {
			LLVMValueRef op = LLVMGetOperand(inst, i);
			if (is_ptr(op) && !LLVMIsAConstant(op) && !LLVMIsABasicBlock(op))
				add(sum, EV_CAPTURE, key_of(s, f, op, true), inst, here);
		}
	}
}

/* A whole slot given away gives away what was stored in it. */
static void slot_captures(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	size_t n = sum->n_events;
	/* Fresh memory a callee wrote into a slot (an out-parameter) goes with the slot too. */
	size_t *filled = NULL, n_filled = 0, cap_filled = 0;
	for (size_t i = 0; i < n; i++) {
		if (sum->events[i].kind == EV_ALLOC && sum->events[i].key.deref) {
			VEC_RESERVE(filled, cap_filled, n_filled + 1);
			filled[n_filled++] = i;
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct event e = sum->events[i];
		if (e.kind != EV_CAPTURE || e.key.deref || !LLVMIsAAllocaInst(e.key.base))
			continue;
		LLVMValueRef stored[16];
		size_t k = summary_slot_values(f, e.key.base, stored, 16);
		for (size_t j = 0; j < k; j++)
			add(sum, EV_CAPTURE, key_of(s, f, stored[j], true), e.at, e.site);
		LLVMValueRef copied = summary_slot_copy_source(f, e.key.base);
		if (copied)
			add(sum, EV_CAPTURE, key_of(s, f, copied, true), e.at, e.site);
		for (size_t j = 0; j < n_filled; j++) {
			struct vkey fk = sum->events[filled[j]].key;
			if (fk.base == e.key.base)
				add(sum, EV_CAPTURE, fk, e.at, e.site);
		}
	}
	free(filled);
}

static int param_index(struct ir_fn *f, LLVMValueRef v)
{
	if (!LLVMIsAArgument(v) || LLVMGetParamParent(v) != f->body)
		return -1;
	unsigned n = LLVMCountParams(f->fn);
	for (unsigned i = 0; i < n; i++)
		if (LLVMGetParam(f->body, i) == v)
			return (int)i;
	return -1;
}

/* The fact of `kind` on the place `k` names through parameter `param` (of `family`, unless
 * NULL), or NULL. */
static struct fact *find_fact(struct summary *sum, enum ev_kind kind, int param,
			      const struct vkey *k, int field, const char *family)
{
	for (size_t i = 0; i < sum->n_facts; i++) {
		struct fact *ft = &sum->facts[i];
		if (ft->kind == kind && ft->param == param && ft->deref == k->deref &&
		    (!k->deref || ft->off == k->off) && ft->field == field &&
		    (!family || ft->family == family))
			return ft;
	}
	return NULL;
}

static struct fact *new_fact(struct summary *sum, const struct event *e, int param)
{
	VEC_RESERVE(sum->facts, sum->cap_facts, sum->n_facts + 1);
	struct fact *ft = &sum->facts[sum->n_facts++];
	memset(ft, 0, sizeof(*ft));
	ft->kind = e->kind;
	ft->param = param;
	ft->deref = e->key.deref;
	ft->off = e->key.deref ? e->key.off : 0;
	ft->field = e->field;
	ft->must = e->must;
	ft->may_null = e->may_null;
	ft->write = e->write;
	ft->written = e->write && !e->assumed;
	ft->escapes = e->escapes;
	ft->held = e->held;
	ft->interior = e->interior;
	ft->family = e->family;
	ft->site = e->site;
	ft->write_guard.param = -1;
	if (ft->written) {
		ft->write_site = e->site;
		ft->write_guard = e->guard;
	}
	return ft;
}

/* Whether the releases of `key` among the events (those of `family`, unless NULL) happen on
 * every path to a return. */
static bool release_must(struct summaries *s, struct ir_fn *f, const struct vkey *key,
			 const char *family)
{
	struct summary *sum = f->summary;
	LLVMValueRef *at = NULL;
	size_t n = 0, cap = 0;
	bool must = true;
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind != EV_RELEASE || !vkey_equal(&e->key, key) ||
		    (family && e->family != family))
			continue;
		must = must && e->must;
		VEC_RESERVE(at, cap, n + 1);
		at[n++] = e->at;
	}
	struct cfg_query q = {
	    .blockers = at, .n_blockers = n, .guard = key, .guard_blocker_args = true};
	must = must && n && !cfg_path_exists(s, f, &q);
	free(at);
	return must;
}

/* Whether the place `key` names (a parameter's pointee) no longer holds what each of its
 * releases released when the function returns: null or another pointer is stored there after
 * it on every path to a return, or the release leaves it null itself. C that frees a field and
 * nulls it (`history_root_free`), so a second call finds null, or frees it and stores a fresh
 * copy (curl's `free(h->copied); h->copied = strdup(data)`), so a second call frees the copy. */
static bool release_cleared(struct summaries *s, struct ir_fn *f, const struct vkey *key)
{
	struct summary *sum = f->summary;
	int param = param_index(f, key->base);
	LLVMValueRef *nulls = NULL;
	size_t n = 0, cap = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); param >= 0 && bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in)) {
			int64_t off;
			if (!LLVMIsAStoreInst(in) || !is_ptr(LLVMGetOperand(in, 0)) ||
			    param_at(s, f, LLVMGetOperand(in, 1), &off) != param || off != key->off)
				continue;
			struct vkey stored = key_of(s, f, LLVMGetOperand(in, 0), false);
			if (LLVMIsAConstantPointerNull(LLVMGetOperand(in, 0)) ||
			    !vkey_equal(&stored, key)) {
				VEC_RESERVE(nulls, cap, n + 1);
				nulls[n++] = in;
			}
		}
	bool cleared = param >= 0;
	for (size_t i = 0; cleared && i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind != EV_RELEASE || !vkey_equal(&e->key, key) || e->cleared)
			continue;
		struct cfg_query q = {.from = e->at, .blockers = nulls, .n_blockers = n};
		cleared = n && !cfg_path_exists(s, f, &q) && !summary_exhausted(f);
	}
	free(nulls);
	return cleared;
}

/* Whether the shown writes through `key` happen on every path to a return. */
static bool write_must(struct summaries *s, struct ir_fn *f, const struct vkey *key)
{
	struct summary *sum = f->summary;
	LLVMValueRef *at = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = summary_first_on(sum, key->base, EV_USE); i != SIZE_MAX;
	     i = summary_next_on(sum, i)) {
		const struct event *e = &sum->events[i];
		if (!e->write || e->assumed || !e->write_must || !vkey_equal(&e->key, key))
			continue;
		VEC_RESERVE(at, cap, n + 1);
		at[n++] = e->at;
	}
	struct cfg_query q = {.blockers = at, .n_blockers = n};
	bool must = n && !cfg_path_exists(s, f, &q);
	free(at);
	return must;
}

/* The value a `ret` hands back in `field` (-1: the whole value), through insertvalue chains. */
static LLVMValueRef field_value(LLVMValueRef ret, int field)
{
	LLVMValueRef v = LLVMGetNumOperands(ret) ? LLVMGetOperand(ret, 0) : NULL;
	if (!v || field < 0)
		return v;
	for (; LLVMIsAInsertValueInst(v); v = LLVMGetOperand(v, 0))
		if (LLVMGetNumIndices(v) == 1 && (int)LLVMGetIndices(v)[0] == field)
			return LLVMGetOperand(v, 1);
	return NULL;
}

/* A pointer that is no allocation and needs no release: null, or an address made from an
 * integer that no pointer became (Rust's NonNull::dangling() for zero-sized allocations). */
static bool nothing_owned(struct summaries *s, struct ir_fn *f, LLVMValueRef v)
{
	if (LLVMIsAIntToPtrInst(v))
		return key_of(s, f, v, false).base == v;
	return LLVMIsAConstantPointerNull(v) || LLVMIsAUndefValue(v) || LLVMIsAPoisonValue(v) ||
	       LLVMIsAConstantExpr(v);
}

/* The allocation `v` is, if it is fresh memory of one family on every path (merging e.g.
 * __rust_alloc and __rust_alloc_zeroed); NULL otherwise. `at`, when not NULL, is where it is
 * used (the variant of a place that reaches there). */
static const struct event *fresh(struct summaries *s, struct ir_fn *f, LLVMValueRef v,
				 LLVMValueRef at, int depth)
{
	struct vkey k = key_of(s, f, v, false);
	const struct event *named = alloc_named_at(s, f, &k, at);
	if (named)
		return named;
	v = k.base;
	if (depth > 4 || !ir_merge_count(v))
		return NULL;
	const struct event *found = NULL;
	for (unsigned i = 0, n = ir_merge_count(v); i < n; i++) {
		LLVMValueRef in = ir_merge_input(v, i);
		if (nothing_owned(s, f, in))
			continue;
		const struct event *e = fresh(s, f, in, at, depth + 1);
		if (!e || (found && found->family != e->family))
			return NULL;
		found = e;
	}
	return found;
}

/* A function that returns the address of its own local: the first such return. */
static void own_stack_return(struct summaries *s, struct ir_fn *f)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t) || !LLVMGetNumOperands(t))
			continue;
		struct vkey k = key_of(s, f, LLVMGetOperand(t, 0), true);
		if (k.deref || !ir_is_local_alloca(f->body, k.base))
			continue;
		struct event e = {.kind = EV_RETURN, .key = k, .field = -1, .site = {t, f, NULL}};
		new_fact(f->summary, &e, -1)->escapes = true;
		return;
	}
}

/* Whether an instruction stores a pointer `off` bytes into what parameter `param` points to. */
static bool stores_at(struct summaries *s, struct ir_fn *f, LLVMValueRef in, int param, int64_t off)
{
	int64_t o;
	if (LLVMIsAStoreInst(in))
		return is_ptr(LLVMGetOperand(in, 0)) &&
		       param_at(s, f, LLVMGetOperand(in, 1), &o) == param && o == off;
	if (!ir_is_call(in))
		return false;
	const struct summary *gs = summary_of_callee(s, in);
	for (unsigned i = 0, n = LLVMGetNumArgOperands(in); i < n; i++) {
		LLVMValueRef arg = LLVMGetOperand(in, i);
		if (is_ptr(arg) && param_at(s, f, arg, &o) == param &&
		    (summary_call_clobbers(s, in, i) ||
		     (gs && summary_replaces(gs, (int)i, off - o))))
			return true;
	}
	return false;
}

/* Whether what `field` returns, read from what parameter `param` points to at `off`, is replaced
 * there after it is read (unique_ptr::release(), Option::take): the caller's slot then holds
 * something else, and the result is not named by it. */
static bool replaced_after_read(struct summaries *s, struct ir_fn *f, int field, int param,
				int64_t off)
{
	LLVMValueRef *stores = NULL;
	size_t n = 0, cap = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in))
			if (stores_at(s, f, in, param, off)) {
				VEC_RESERVE(stores, cap, n + 1);
				stores[n++] = in;
			}
	bool replaced = false;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); n && !replaced && bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		LLVMValueRef v = t && LLVMIsAReturnInst(t) ? field_value(t, field) : NULL;
		for (size_t i = 0; v && !replaced && i < n; i++) {
			/* The call that reads it replaces it: a wrapper of a take. */
			if (v == stores[i]) {
				replaced = true;
				break;
			}
			struct cfg_query q = {.from = LLVMIsAInstruction(v) ? v : NULL,
					      .to = stores[i]};
			replaced = cfg_path_exists(s, f, &q);
		}
	}
	free(stores);
	return replaced;
}

/* Whether the function returns a pointer into the object a parameter points to. */
static bool returns_interior(const struct summary *sum)
{
	for (size_t i = 0; sum && i < sum->n_facts; i++)
		if (sum->facts[i].kind == EV_RETURN && sum->facts[i].param >= 0 &&
		    sum->facts[i].interior && sum->facts[i].field < 0)
			return true;
	return false;
}

/* The two parameters (or what they point to) a merged return value is one of, when each of its
 * inputs is one of them or null: Result::unwrap_or(self, default) at -O0, whose caller passes
 * null for one of them. Different parameters only; false otherwise. */
static bool either_param(struct summaries *s, struct ir_fn *f, LLVMValueRef v, struct vkey out[2])
{
	size_t n = 0;
	for (unsigned i = 0, m = ir_merge_count(v); i < m; i++) {
		LLVMValueRef in = ir_merge_input(v, i);
		if (LLVMIsAConstantPointerNull(in))
			continue;
		struct vkey k = key_of(s, f, in, false);
		if (param_index(f, k.base) < 0)
			return false;
		if (n && vkey_equal(&out[0], &k))
			continue;
		if (n == 2 || (n && k.base == out[0].base))
			return false;
		out[n++] = k;
	}
	return n == 2;
}

/* The call whose aggregate a `ret` returns whole (`ret %call`, a forwarder of a Result once its
 * re-packing is folded), or NULL. */
static LLVMValueRef whole_call(LLVMValueRef ret)
{
	LLVMValueRef v = LLVMGetNumOperands(ret) ? LLVMGetOperand(ret, 0) : NULL;
	while (v && LLVMIsAInsertValueInst(v))
		v = LLVMGetOperand(v, 0);
	return v && ir_is_call(v) ? v : NULL;
}

/* Fresh memory that call `v`, returned whole, returns in `field`: described in `out`. */
static const struct event *returned_whole(struct summaries *s, struct ir_fn *f, LLVMValueRef v,
					  int field, struct event *out)
{
	const struct summary *gs = v ? summary_of_callee(s, v) : NULL;
	for (size_t i = 0; gs && i < gs->n_facts; i++) {
		const struct fact *ft = &gs->facts[i];
		if (ft->kind != EV_ALLOC || ft->param != -1 || ft->deref || ft->field != field)
			continue;
		*out = (struct event){.kind = EV_ALLOC,
				      .key = {v, 0, false},
				      .at = v,
				      .must = ft->must,
				      .may_null = ft->may_null,
				      .interior = ft->interior,
				      .field = -1,
				      .family = ft->family,
				      .site = through(s, f, v, &ft->site)};
		return out;
	}
	return NULL;
}

static bool empty_value(LLVMValueRef v)
{
	return LLVMIsAUndefValue(v) || LLVMIsAPoisonValue(v) || LLVMIsAConstantPointerNull(v);
}

/* Whether the returned pointer `p` holds nothing on the edge from `pred` into the `ret`'s
 * merge: the merge of `p` takes undef or null from there, or (`p` defined before the merge) no
 * path from its definition to the end of `pred` leaves it non-null. */
static bool empty_edge(struct summaries *s, struct ir_fn *f, LLVMValueRef p,
		       LLVMBasicBlockRef merge, LLVMBasicBlockRef pred)
{
	if (LLVMIsAPHINode(p) && LLVMGetInstructionParent(p) == merge) {
		LLVMValueRef v = ir_phi_incoming(p, pred);
		return v && empty_value(v);
	}
	if (!LLVMIsAInstruction(p) && !LLVMIsAArgument(p))
		return empty_value(p);
	struct vkey k = key_of(s, f, p, false);
	struct cfg_query q = {.from = LLVMIsAInstruction(p) ? p : NULL,
			      .to = LLVMGetBasicBlockTerminator(pred),
			      .guard = &k};
	return !cfg_path_exists(s, f, &q) && !summary_exhausted(f);
}

/* The variant of the returned enum in which `field` holds its pointer: -O0 Rust returns an
 * `Option<Thing>` whose `Thing(*mut T)` has no niche as `{i64 tag, ptr}`, merged after the
 * Some/None join: the tag's phi says None on the edges where the pointer holds nothing (undef,
 * or null by the test that chose None). Another integer field merged by a phi in the `ret`'s
 * block, one constant on every edge with a pointer and another on every edge without; the same
 * on every `ret`. */
static struct tag returned_variant(struct summaries *s, struct ir_fn *f, unsigned n_fields,
				   int field)
{
	struct tag none = {0}, found = {0};
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t))
			continue;
		LLVMValueRef p = field_value(t, field);
		if (!p)
			return none;
		struct tag here = {0};
		for (unsigned tf = 0; tf < n_fields && !here.set; tf++) {
			LLVMValueRef q = field_value(t, (int)tf);
			if ((int)tf == field || !q || !LLVMIsAPHINode(q) ||
			    LLVMGetTypeKind(LLVMTypeOf(q)) != LLVMIntegerTypeKind)
				continue;
			LLVMBasicBlockRef merge = LLVMGetInstructionParent(q);
			unsigned n = LLVMCountIncoming(q), n_without = 0;
			/* The tag's constants on the edges without the pointer. */
			LLVMValueRef with = NULL, *without = xmalloc((n + 1) * sizeof(*without));
			bool ok = true;
			for (unsigned i = 0; ok && i < n; i++) {
				LLVMValueRef k = LLVMGetIncomingValue(q, i);
				ok = LLVMIsAConstantInt(k);
				if (ok && empty_edge(s, f, p, merge, LLVMGetIncomingBlock(q, i))) {
					without[n_without++] = k;
				} else if (ok) {
					ok = !with || with == k;
					with = k;
				}
			}
			/* No edge without the pointer may say its variant. */
			for (unsigned i = 0; ok && with && i < n_without; i++)
				ok = without[i] != with;
			if (ok && with && n_without)
				here = (struct tag){true, true, NULL, tf, with};
			free(without);
		}
		if (!here.set ||
		    (found.set && (found.off != here.off || found.value != here.value)))
			return none;
		found = here;
	}
	return found;
}

/* The release that every path from `from` (NULL: the entry) to a `ret` passes first, of `a` or
 * of `b` (the allocation, and what the `ret` returns: a merge of a CString's buffer and others),
 * or NULL. The function returns a dangling pointer: `CString::new(..).unwrap().as_ptr()` with
 * the CString dropped before the return, `s.c_str()` of a local std::string. A release skipped
 * for a null pointer or a zero size counts. */
static const struct event *released_before_return(struct summaries *s, struct ir_fn *f,
						  LLVMValueRef from, const struct vkey *a,
						  const struct vkey *b)
{
	const struct summary *sum = f->summary;
	LLVMValueRef *at = NULL;
	size_t n = 0, cap = 0;
	const struct event *first = NULL;
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind != EV_RELEASE || !e->must || e->deferred ||
		    (!vkey_equal(&e->key, a) && !vkey_equal(&e->key, b)))
			continue;
		VEC_RESERVE(at, cap, n + 1);
		at[n++] = e->at;
		first = first ? first : e;
	}
	struct cfg_query q = {
	    .from = from, .blockers = at, .n_blockers = n, .guard = a, .guard_blocker_args = true};
	bool returned = !n || cfg_path_exists(s, f, &q) || summary_exhausted(f);
	free(at);
	return returned ? NULL : first;
}

/* Whether a parameter's object keeps fresh memory `a` that the function also returns (a
 * store of it into what a parameter points to): the return is then a loan of what the object
 * holds (a cursor's row, sqlite3_column_text), which the object releases, not ownership handed
 * to the caller. */
static bool kept_by(struct summaries *s, struct ir_fn *f, const struct event *a)
{
	for (size_t i = 0; i < f->n_stores; i++) {
		LLVMValueRef st = f->stores[i];
		struct vkey k = key_of(s, f, LLVMGetOperand(st, 0), false);
		int64_t off;
		LLVMValueRef base = summary_base_offset(s, LLVMGetOperand(st, 1), &off);
		if (vkey_equal(&k, &a->key) && base && param_index(f, base) >= 0)
			return true;
	}
	return false;
}

/* Per returned field: one parameter (or what it points to) on every path, or one of two where
 * the caller passes null for the other, or fresh memory of one family on every path that
 * returns something owned. */
static void return_facts(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	unsigned n_fields = 0;
	LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(f->fn));
	if (LLVMGetTypeKind(rt) == LLVMStructTypeKind)
		n_fields = LLVMCountStructElementTypes(rt);
	else if (LLVMGetTypeKind(rt) != LLVMPointerTypeKind)
		return;
	if (!n_fields)
		own_stack_return(s, f);
	for (int field = n_fields ? 0 : -1; field < (int)n_fields; field++) {
		const struct event *alloc = NULL, *rel, *dangling = NULL;
		struct event whole[2]; /* fresh from a call returned whole: the first, the latest */
		struct vkey alias = {NULL, 0, false}, other = {NULL, 0, false};
		struct vkey returned = {NULL, 0, false}; /* what returns fresh memory */
		bool ok = true, may_null = false, any = false, interior = false;
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); ok && bb;
		     bb = LLVMGetNextBasicBlock(bb)) {
			LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
			if (!t || !LLVMIsAReturnInst(t))
				continue;
			LLVMValueRef v = field_value(t, field);
			LLVMValueRef wc = !v && n_fields ? whole_call(t) : NULL;
			const struct event *w;
			struct vkey wk;
			any = true;
			if (wc && (w = returned_whole(s, f, wc, field, &whole[alloc != NULL]))) {
				if (alias.base || (alloc && alloc->family != w->family))
					ok = false;
				else if (!alloc)
					alloc = w;
				interior = interior || w->interior;
			} else if (wc && summary_field_key(s, f, wc, field, &wk) &&
				   param_index(f, wk.base) >= 0) {
				/* A parameter (or what it points to) the call hands back. */
				if (alloc || other.base || (alias.base && !vkey_equal(&alias, &wk)))
					ok = false;
				else
					alias = wk;
			} else if (!v || LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMPointerTypeKind) {
				ok = false;
			} else if (nothing_owned(s, f, v)) {
				may_null = true;
			} else {
				const struct event *e = fresh(s, f, v, NULL, 0);
				struct vkey k = key_of(s, f, v, false);
				/* A pointer into fresh memory (Arc::into_raw: 16 bytes in). */
				int64_t inner = 0;
				LLVMValueRef b = e ? NULL : summary_base_offset(s, v, &inner);
				if (b && b != v && inner && (e = fresh(s, f, b, NULL, 0)))
					interior = true;
				/* A pointer into a parameter's object, or into the object its
				 * pointee points to (Rc::make_mut(&mut rc)): named as that object.
				 */
				struct vkey bk = b && b != v && inner && !e
						     ? key_of(s, f, b, false)
						     : (struct vkey){NULL, 0, false};
				if (bk.base && param_index(f, bk.base) >= 0) {
					k = bk;
					interior = true;
				}
				/* Fresh memory through a callee returning a pointer into it. */
				if (e && ir_is_call(v) && returns_interior(summary_of_callee(s, v)))
					interior = true;
				struct vkey two[2];
				const struct event *r =
				    e ? NULL
				      : released_before_return(
					    s, f, LLVMIsAInstruction(v) ? v : NULL, &k, &k);
				if (r && !alloc && !alias.base) {
					dangling = dangling ? dangling : r;
				} else if (e && (!alloc || alloc->family == e->family) &&
					   !alias.base && !dangling) {
					alloc = e;
					returned = returned.base ? returned : k;
				} else if (!e && !alloc && !other.base && k.base == v &&
					   !alias.base && either_param(s, f, v, two)) {
					alias = two[0];
					other = two[1];
				} else if (!e && !alloc && !other.base &&
					   (!alias.base || vkey_equal(&alias, &k)))
					alias = k;
				else
					ok = false;
			}
		}
		if (!ok || !any)
			continue;
		int param = alias.base ? param_index(f, alias.base) : -1;
		if (param >= 0) {
			for (int j = 0; j < (other.base ? 2 : 1); j++) {
				struct vkey k = j ? other : alias;
				int pj = param_index(f, k.base);
				struct event e = {.kind = EV_RETURN, .key = k, .field = field};
				struct fact *ft = new_fact(sum, &e, pj);
				ft->replaced =
				    k.deref && replaced_after_read(s, f, field, pj, k.off);
				ft->interior = interior;
			}
		} else if ((rel = dangling) ||
			   (alloc && (rel = released_before_return(s, f, alloc->at, &alloc->key,
								   &returned)))) {
			/* Released memory returned: the caller gets a pointer already released. */
			struct fact *ft = new_fact(sum, rel, -1);
			ft->deref = false;
			ft->off = 0;
			ft->field = field;
			ft->must = true;
		} else if (alloc) {
			struct fact *ft = new_fact(sum, alloc, -1);
			ft->lent = kept_by(s, f, alloc);
			ft->deref =
			    false; /* the returned value itself, however the event named it */
			ft->off = 0;
			ft->field = field;
			ft->may_null = alloc->may_null || may_null;
			ft->interior = interior;
			ft->tag =
			    n_fields ? returned_variant(s, f, n_fields, field) : (struct tag){0};
		}
	}
}

/* The allocation every `ret` of a pointer-returning function returns, or NULL. */
static const struct event *returned_fresh(struct summaries *s, struct ir_fn *f)
{
	const struct event *found = NULL;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t))
			continue;
		LLVMValueRef v = field_value(t, -1);
		const struct event *e = v && is_ptr(v) ? fresh(s, f, v, NULL, 0) : NULL;
		if (!e || (found && !vkey_equal(&found->key, &e->key)))
			return NULL;
		found = e;
	}
	return found;
}

/* Fresh memory `off` bytes into the object the function returns: a fact of the return. */
static void returned_holds(struct summary *sum, const struct event *alloc, int64_t off)
{
	if (summary_puts_fresh(sum, -1, off))
		return;
	struct event e = *alloc;
	e.key = (struct vkey){alloc->key.base, off, true};
	struct fact *ft = new_fact(sum, &e, -1);
	ft->field = -1;
	ft->must = false;
	ft->tag = (struct tag){0};
}

static bool tag_equal(const struct tag *a, const struct tag *b);

/* Whether the place allocation `e` names holds other allocations in other variants (a walk over
 * the events, charged to the function's budget). */
static bool variants_at(struct ir_fn *f, const struct event *e)
{
	const struct summary *sum = f->summary;
	if (!summary_charge(f, sum->n_events))
		return false;
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *o = &sum->events[i];
		if (o != e && o->kind == EV_ALLOC && vkey_equal(&o->key, &e->key) &&
		    (o->tag.set || e->tag.set) && !tag_equal(&o->tag, &e->tag))
			return true;
	}
	return false;
}

/* What `len` bytes `from` bytes into what `src` points to hold at `at`, pointer by pointer (up
 * to MAX_COPY bytes): the name of each (none where null is) and the fresh memory it is. One
 * allocation at two places of one value is an enum's variants sharing it
 * (CString::into_string's Result keeps the buffer in Ok's String and in Err's CString): which
 * place holds it is not known, so it is `shared`. */
struct copy_contents {
	size_t n;
	struct {
		struct vkey k;
		bool named, shared;
		const struct event *alloc;
	} at[MAX_COPY / 8];
};

static void copy_contents(struct summaries *s, struct ir_fn *f, LLVMValueRef src, int64_t from,
			  int64_t len, LLVMValueRef at, struct copy_contents *out)
{
	out->n = 0;
	for (int64_t o = 0; o + 8 <= len && len <= MAX_COPY; o += 8, out->n++) {
		struct vkey k = {NULL, 0, false};
		bool named = summary_key_load(s, f, src, from + o, at, &k, NULL);
		const struct event *e = named ? alloc_named_at(s, f, &k, at) : NULL;
		out->at[out->n].k = k;
		out->at[out->n].named = named;
		out->at[out->n].alloc = e;
		/* The place holds one variant's memory or another's (an Ok handle where Err keeps
		 * its String): the copy does not say which it moves. */
		out->at[out->n].shared = e && variants_at(f, e);
		for (size_t j = 0; e && j < out->n; j++)
			if (out->at[j].alloc == e)
				out->at[j].shared = out->at[out->n].shared = true;
	}
}

/* The fresh memory that `len` bytes `from` bytes into `src` hold at `at`, one pointer at a time:
 * put(data, offset in the copy, the allocation); offset -1 for memory shared by variants. */
static void copied_allocs(struct summaries *s, struct ir_fn *f, LLVMValueRef src, int64_t from,
			  int64_t len, LLVMValueRef at,
			  void (*put)(void *, int64_t, const struct event *), void *data)
{
	struct copy_contents cc;
	copy_contents(s, f, src, from, len, at, &cc);
	for (size_t i = 0; i < cc.n; i++)
		if (cc.at[i].alloc)
			put(data, cc.at[i].shared ? -1 : (int64_t)i * 8, cc.at[i].alloc);
}

struct holds {
	struct summary *sum;
	const struct event *obj;
	int64_t off;
};

static void put_held(void *data, int64_t o, const struct event *e)
{
	struct holds *h = data;
	if (e != h->obj && o >= 0)
		returned_holds(h->sum, e, h->off + o);
}

/* A parameter stored `off` bytes into the returned object by `store`: a candidate for ret_held,
 * kept only if nothing else in the function may put a pointer there (returned_contents). */
static void returned_param(struct summaries *s, struct ir_fn *f, LLVMValueRef store, int64_t off)
{
	struct summary *sum = f->summary;
	struct vkey k = key_of(s, f, LLVMGetOperand(store, 0), false);
	int param = !k.deref && !k.off ? param_index(f, k.base) : -1;
	if (param < 0)
		return;
	VEC_RESERVE(sum->ret_held, sum->cap_ret_held, sum->n_ret_held + 1);
	sum->ret_held[sum->n_ret_held++] = (struct ret_held){param, off, store};
}

/* Pointers to fresh memory stored into the fresh object a function returns: directly, by a
 * callee that returns it holding them, or by copying a local object into it whole
 * (Box::new(Thing { name: CString::new(..) }) builds the Thing on the stack). What an
 * accessor of the object (`thing_name(t)`) hands out is then known to be that memory in the
 * caller. A copy from a parameter's pointee is said in ret_copy; a parameter stored there, in
 * ret_held. */
static void returned_contents(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	const struct event *obj = returned_fresh(s, f);
	if (!obj || obj->key.deref || obj->interior)
		return;
	LLVMValueRef base = obj->key.base;
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind == EV_ALLOC && e->key.deref && e->key.base == base)
			returned_holds(sum, e, e->key.off);
	}
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in)) {
			int64_t off, at;
			const struct event *e;
			if (LLVMIsAStoreInst(in) && is_ptr(LLVMGetOperand(in, 0)) &&
			    summary_base_offset(s, LLVMGetOperand(in, 1), &off) == base) {
				if ((e = fresh(s, f, LLVMGetOperand(in, 0), NULL, 0)) && e != obj)
					returned_holds(sum, e, off);
				if (!e)
					returned_param(s, f, in, off);
				continue;
			}
			if (!LLVMIsAIntrinsicInst(in) || !ir_intrinsic_named(in, "llvm.memcpy") ||
			    summary_base_offset(s, LLVMGetOperand(in, 0), &off) != base ||
			    !LLVMIsAConstantInt(LLVMGetOperand(in, 2)))
				continue;
			LLVMValueRef src = LLVMGetOperand(in, 1);
			LLVMValueRef from = summary_base_offset(s, src, &at);
			int64_t len = (int64_t)LLVMConstIntGetZExtValue(LLVMGetOperand(in, 2));
			int param = from ? param_index(f, from) : -1;
			if (param >= 0 && off == 0 && len <= MAX_COPY) {
				sum->ret_copy.param = param;
				sum->ret_copy.off = at;
				sum->ret_copy.len = len;
			} else if (from && ir_is_local_alloca(f->body, from)) {
				struct holds h = {sum, obj, off};
				copied_allocs(s, f, src, 0, len, in, put_held, &h);
			}
		}
	/* Kept: nothing else in the function may put a pointer there (another store, a copy into
	 * the object, a callee given it). */
	size_t kept = 0;
	for (size_t i = 0; i < sum->n_ret_held; i++) {
		struct ret_held h = sum->ret_held[i];
		if (summary_field_kept(s, f, base, h.off, h.at))
			sum->ret_held[kept++] = h;
	}
	sum->n_ret_held = kept;
}

/* Rust's is_null() at -O0: `ret (icmp eq (ptrtoint %p), 0)` for a parameter. */
static int null_test_param(struct ir_fn *f)
{
	int param = -1;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t))
			continue;
		LLVMValueRef v = LLVMGetNumOperands(t) ? LLVMGetOperand(t, 0) : NULL;
		if (!v || !LLVMIsAICmpInst(v) || LLVMGetICmpPredicate(v) != LLVMIntEQ)
			return -1;
		LLVMValueRef zero = LLVMGetOperand(v, 1), p = LLVMGetOperand(v, 0);
		if (!LLVMIsAConstantPointerNull(zero) &&
		    !(LLVMIsAConstantInt(zero) && LLVMConstIntGetZExtValue(zero) == 0))
			return -1;
		if (LLVMIsAPtrToIntInst(p))
			p = LLVMGetOperand(p, 0);
		int k = param_index(f, p);
		if (k < 0 || (param >= 0 && k != param))
			return -1;
		param = k;
	}
	return param;
}

/* Whether `cond` tests a pointer parameter of `f` against null; *eq: true on equality. */
static bool param_null_test(struct ir_fn *f, LLVMValueRef cond, bool *eq)
{
	if (!LLVMIsAICmpInst(cond))
		return false;
	LLVMIntPredicate pred = LLVMGetICmpPredicate(cond);
	if (pred != LLVMIntEQ && pred != LLVMIntNE)
		return false;
	*eq = pred == LLVMIntEQ;
	LLVMValueRef a = LLVMGetOperand(cond, 0), b = LLVMGetOperand(cond, 1);
	if (LLVMIsAConstantPointerNull(a))
		a = b;
	else if (!LLVMIsAConstantPointerNull(b))
		return false;
	return param_index(f, a) >= 0;
}

/* Whether the edge from `from` into `to` is taken only when a parameter is null: it, or the
 * single-predecessor blocks above it, leave a null test of a parameter on its null side. */
static bool on_param_null_side(struct ir_fn *f, LLVMBasicBlockRef from, LLVMBasicBlockRef to)
{
	for (int i = 0; i < 4 && from; i++) {
		LLVMValueRef br = LLVMGetBasicBlockTerminator(from);
		bool eq;
		if (br && LLVMIsABranchInst(br) && LLVMIsConditional(br) &&
		    param_null_test(f, LLVMGetCondition(br), &eq) &&
		    LLVMGetSuccessor(br, eq ? 0 : 1) == to &&
		    LLVMGetSuccessor(br, eq ? 1 : 0) != to)
			return true;
		LLVMValueRef up = ir_single_pred_term(from);
		to = from;
		from = up ? LLVMGetInstructionParent(up) : NULL;
	}
	return false;
}

/* Whether input `i` of merge `v` is a null that comes only from a null parameter: the accessor
 * `return p ? p->name : NULL` introduces no null of its own. */
static bool null_of_null_param(struct ir_fn *f, LLVMValueRef v, unsigned i)
{
	if (!LLVMIsAConstantPointerNull(ir_merge_input(v, i)))
		return false;
	bool eq;
	if (LLVMIsASelectInst(v))
		return param_null_test(f, LLVMGetOperand(v, 0), &eq) && i == (eq ? 0u : 1u);
	return on_param_null_side(f, LLVMGetIncomingBlock(v, i), LLVMGetInstructionParent(v));
}

/* Where pointer `v`, returned by `ret`, may become null, or NULL: at a null constant (the branch
 * that brings it to a phi, or the select or `ret` using it), or a call to a function that may
 * return null (a lookup that finds nothing) whose result reaches `ret` untested. A null that
 * only a null parameter brings is the caller's, not the function's. */
static LLVMValueRef null_reaches(struct summaries *s, struct ir_fn *f, LLVMValueRef v,
				 LLVMValueRef user, LLVMValueRef ret, int depth)
{
	while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
		v = LLVMGetOperand(v, 0);
	if (LLVMIsAConstantPointerNull(v))
		return user;
	if (ir_is_call(v)) {
		const struct summary *gs = summary_of_callee(s, v);
		if (!gs || !gs->null_return)
			return NULL;
		struct vkey k = key_of(s, f, v, false);
		struct cfg_query q = {.from = v, .to = ret, .guard = &k, .keep_null_side = true};
		return cfg_path_exists(s, f, &q) ? v : NULL;
	}
	if (depth > 8 || !summary_charge(f, 1))
		return NULL;
	for (unsigned i = 0, n = ir_merge_count(v); i < n; i++) {
		if (null_of_null_param(f, v, i))
			continue;
		LLVMValueRef at =
		    LLVMIsAPHINode(v) ? LLVMGetBasicBlockTerminator(LLVMGetIncomingBlock(v, i)) : v;
		LLVMValueRef r = null_reaches(s, f, ir_merge_input(v, i), at, ret, depth + 1);
		if (r)
			return r;
	}
	return NULL;
}

/* Where `f` may return a null pointer, or NULL. */
static LLVMValueRef null_return(struct summaries *s, struct ir_fn *f)
{
	if (LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(f->fn))) !=
	    LLVMPointerTypeKind)
		return NULL;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		LLVMValueRef at = t && LLVMIsAReturnInst(t)
				      ? null_reaches(s, f, LLVMGetOperand(t, 0), t, t, 0)
				      : NULL;
		if (at)
			return at;
	}
	return NULL;
}

/* Stored pointers a summary names; past this many, the parameter is clobbered. */
#define MAX_STORED 256

bool summary_puts_fresh(const struct summary *sum, int param, int64_t off)
{
	for (size_t i = 0; i < sum->n_facts; i++) {
		const struct fact *ft = &sum->facts[i];
		if (ft->kind == EV_ALLOC && ft->param == param && ft->deref && ft->off == off)
			return true;
	}
	return false;
}

bool summary_replaces(const struct summary *sum, int param, int64_t off)
{
	if (param >= 64 || (sum->ptr_clobbers >> param) & 1)
		return true;
	for (size_t i = 0; i < sum->n_stored; i++)
		if (sum->stored[i].into == param && sum->stored[i].off == off)
			return true;
	for (size_t i = 0; i < sum->n_copies; i++)
		if (sum->copies[i].into == param && sum->copies[i].into_off <= off &&
		    off < sum->copies[i].into_off + sum->copies[i].len)
			return true;
	return false;
}

LLVMValueRef summary_stored_value(const struct stored_param *st, LLVMValueRef call)
{
	if (st->from < 0)
		return st->value;
	return (unsigned)st->from < LLVMGetNumArgOperands(call)
		   ? LLVMGetOperand(call, (unsigned)st->from)
		   : NULL;
}

bool summary_call_clobbers(const struct summaries *s, LLVMValueRef call, unsigned arg)
{
	LLVMValueRef callee = ir_program_callee(s->program, call);
	if (!callee)
		return true;
	if (LLVMGetIntrinsicID(callee)) {
		size_t n;
		const char *name = LLVMGetValueName2(callee, &n);
		return arg == 0 && (strncmp(name, "llvm.memcpy", 11) == 0 ||
				    strncmp(name, "llvm.memmove", 12) == 0);
	}
	static const char *const readonly_attrs[] = {"readonly", "readnone"};
	for (size_t i = 0; i < 2; i++)
		if (ir_attr(callee, arg + 1, readonly_attrs[i]) ||
		    ir_attr(call, arg + 1, readonly_attrs[i]))
			return false;
	if (summary_allocator(s, callee))
		return false; /* an out-parameter gets fresh memory: an ALLOC event names it */
	const struct summary *gs = summary_of_callee(s, call);
	if (!gs || arg >= 64 || summary_fact(gs, EV_CAPTURE, (int)arg))
		return true;
	return (gs->ptr_clobbers >> arg) & 1;
}

bool summary_call_captures(const struct summaries *s, LLVMValueRef call, unsigned arg)
{
	unsigned first = 0;
	const struct summary *ts = trampoline_summary(s, call, &first);
	if (ts) /* __rust_try(f, data, catch) keeps what f(data) keeps */
		return arg < first || summary_fact(ts, EV_CAPTURE, (int)(arg - first));
	LLVMValueRef callee = ir_program_callee(s->program, call);
	if (!callee || ir_is_inline_asm_call(call))
		return true;
	if (LLVMGetIntrinsicID(callee) || summary_allocator(s, callee))
		return false;
	const struct summary *gs = summary_of_callee(s, call);
	if (!gs)
		return declaration_captures(call, callee, arg);
	return arg >= 64 || summary_fact(gs, EV_CAPTURE, (int)arg);
}

/* Constant stores a tag is looked for among (a function with more has no tags), and the
 * allocations whose variant is asked by paths (past them, none has a tag). */
#define MAX_TAG_STORES 8
#define MAX_TAG_PATHS 16

/* The constant integers a Rust function stores into its parameters' pointees, found once per
 * computation, when first asked: the candidates for an enum's tag. Rust's layout guarantees that a
 * variant's value never holds another's niche; C's structs promise nothing of the kind, so C has
 * none. */
struct tag_stores {
	LLVMValueRef at[MAX_TAG_STORES];
	int param[MAX_TAG_STORES];
	int64_t off[MAX_TAG_STORES];
	size_t n, asked;
	bool found, none;
	/* The blocks reached from the end of a block, walked once per block asked about. */
	struct {
		LLVMBasicBlockRef from;
		struct map blocks;
	} after[MAX_TAG_STORES + MAX_TAG_PATHS];
	size_t n_after;
};

static void tag_stores_find(struct summaries *s, struct ir_fn *f, struct tag_stores *ts)
{
	memset(ts, 0, sizeof(*ts));
	ts->found = true;
	ts->none = f->lang != FFIGUARD_LANG_RUST;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); !ts->none && bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && !ts->none;
		     in = LLVMGetNextInstruction(in)) {
			int64_t o;
			int param;
			if (!LLVMIsAStoreInst(in) || !LLVMIsAConstantInt(LLVMGetOperand(in, 0)) ||
			    (param = param_at(s, f, LLVMGetOperand(in, 1), &o)) < 0)
				continue;
			ts->none = ts->n == MAX_TAG_STORES;
			if (ts->none)
				break;
			ts->at[ts->n] = in;
			ts->param[ts->n] = param;
			ts->off[ts->n++] = o;
		}
	}
}

static void tag_stores_release(struct tag_stores *ts)
{
	for (size_t i = 0; i < ts->n_after; i++)
		map_release(&ts->after[i].blocks);
}

/* Whether some path leads from the end of block `from` to block `to`; true (no tag) when the
 * function is over its budget or the cache is full. */
static bool block_leads_to(struct ir_fn *f, struct tag_stores *ts, LLVMValueRef from,
			   LLVMValueRef to)
{
	LLVMBasicBlockRef a = LLVMGetInstructionParent(from), b = LLVMGetInstructionParent(to);
	size_t i = 0;
	while (i < ts->n_after && ts->after[i].from != a)
		i++;
	if (i == ts->n_after) {
		if (i == sizeof(ts->after) / sizeof(ts->after[0]))
			return true;
		ts->after[i].from = a;
		map_init(&ts->after[i].blocks, false);
		ts->n_after++;
		if (!cfg_blocks_after(f, a, &ts->after[i].blocks))
			return true;
	}
	return summary_exhausted(f) || map_get(&ts->after[i].blocks, b) != NULL;
}

/* The tag of fresh memory stored (at `at`) `off` bytes into what parameter `param` points to:
 * a constant stored at another offset of that object in the same block (eq), or one constant
 * stored there only in blocks that no path leads to `at` from or from `at` to (!eq). */
static struct tag tag_at(struct summaries *s, struct ir_fn *f, struct tag_stores *ts,
			 LLVMValueRef at, int param, int64_t off)
{
	struct tag none = {0}, t = {0};
	size_t first = SIZE_MAX;
	if (!ts->found)
		tag_stores_find(s, f, ts);
	for (size_t i = 0; !ts->none && i < ts->n; i++) {
		if (ts->param[i] != param || ts->off[i] == off)
			continue;
		if (LLVMGetInstructionParent(ts->at[i]) == LLVMGetInstructionParent(at))
			return (struct tag){true, true, NULL, ts->off[i],
					    LLVMGetOperand(ts->at[i], 0)};
		if (first == SIZE_MAX)
			first = i;
	}
	if (first == SIZE_MAX || ts->asked++ >= MAX_TAG_PATHS)
		return none;
	LLVMValueRef value = LLVMGetOperand(ts->at[first], 0);
	for (size_t i = first; i < ts->n; i++) {
		if (ts->param[i] != param || ts->off[i] != ts->off[first])
			continue;
		if (LLVMGetOperand(ts->at[i], 0) != value || block_leads_to(f, ts, ts->at[i], at) ||
		    block_leads_to(f, ts, at, ts->at[i]))
			return none;
		t = (struct tag){true, false, NULL, ts->off[first], value};
	}
	return t;
}

static bool tag_equal(const struct tag *a, const struct tag *b)
{
	return a->set == b->set && (!a->set || (a->eq == b->eq && a->off == b->off &&
						a->value == b->value && a->object == b->object));
}

/* The fact that fresh memory of variant `tag` is stored `off` bytes into parameter `param`'s
 * pointee: one per variant. */
static struct fact *alloc_fact_at(struct summary *sum, int param, int64_t off,
				  const struct tag *tag)
{
	for (size_t i = 0; i < sum->n_facts; i++) {
		struct fact *ft = &sum->facts[i];
		if (ft->kind == EV_ALLOC && ft->param == param && ft->deref && ft->off == off &&
		    ft->field == -1 && tag_equal(&ft->tag, tag))
			return ft;
	}
	return NULL;
}

static void clobber(struct summary *sum, int param)
{
	if (param < 64)
		sum->ptr_clobbers |= (uint64_t)1 << param;
}

/* Bytes a function keeps apart per function; past them the parameter is clobbered. */
#define MAX_BLIND 64

static void write_blind(struct summary *sum, int into, int64_t from, int64_t to)
{
	for (size_t i = 0; i < sum->n_blind; i++)
		if (sum->blind[i].into == into && sum->blind[i].from <= from &&
		    to <= sum->blind[i].to)
			return;
	if (sum->n_blind >= MAX_BLIND) {
		clobber(sum, into);
		return;
	}
	VEC_RESERVE(sum->blind, sum->cap_blind, sum->n_blind + 1);
	sum->blind[sum->n_blind++] = (struct blind_write){into, from, to};
}

bool summary_writes_blind(const struct summary *sum, int param, int64_t off)
{
	for (size_t i = 0; i < sum->n_blind; i++)
		if (sum->blind[i].into == param && sum->blind[i].from < off + 8 &&
		    off < sum->blind[i].to)
			return true;
	return false;
}

/* What storing a pointer at `off` into what parameter `into` points to tells its callers: the
 * fresh memory `alloc`, or else the pointer `k` names. */
static void store_named(struct summaries *s, struct ir_fn *f, struct tag_stores *ts,
			LLVMValueRef at, int into, int64_t off, const struct event *alloc,
			struct vkey k)
{
	struct summary *sum = f->summary;
	if (alloc) {
		/* Fresh memory stored into what a parameter points to: an out-parameter (`T **out`,
		 * a Vec built in its caller's sret slot, a unique_ptr made by make_unique). */
		struct event e = *alloc;
		e.key = (struct vkey){LLVMGetParam(f->body, (unsigned)into), off, true};
		struct tag t = tag_at(s, f, ts, at, into, off);
		if (!alloc_fact_at(sum, into, off, &t)) {
			struct fact *ft = new_fact(sum, &e, into);
			ft->must = false;
			ft->tag = t;
		}
		return;
	}
	int from = k.deref ? -1 : param_index(f, k.base);
	bool constant = LLVMIsAConstant(k.base) && !k.deref;
	/* Past a bound (a constructor filling hundreds of fields through setters), the
	 * parameter's pointee just gets pointers the summary does not name. */
	if ((from < 0 && !constant) || sum->n_stored >= MAX_STORED) {
		clobber(sum, into);
		return;
	}
	VEC_RESERVE(sum->stored, sum->cap_stored, sum->n_stored + 1);
	sum->stored[sum->n_stored++] =
	    (struct stored_param){from, into, off, from < 0 ? k.base : NULL, at};
}

static void store_into(struct summaries *s, struct ir_fn *f, struct tag_stores *ts, LLVMValueRef at,
		       int into, int64_t off, LLVMValueRef v)
{
	store_named(s, f, ts, at, into, off, fresh(s, f, v, at, 0), key_of(s, f, v, false));
}

/* Eight bytes of parameter `from`'s pointee copied into parameter `into`'s, joined to the copy
 * of the bytes just before when there is one. */
static void copy_put(struct summary *sum, int from, int64_t from_off, int into, int64_t into_off)
{
	struct param_copy *last = sum->n_copies ? &sum->copies[sum->n_copies - 1] : NULL;
	if (last && last->from == from && last->into == into &&
	    last->from_off + last->len == from_off && last->into_off + last->len == into_off) {
		last->len += 8;
		return;
	}
	if (sum->n_copies >= MAX_STORED) {
		clobber(sum, into);
		return;
	}
	VEC_RESERVE(sum->copies, sum->cap_copies, sum->n_copies + 1);
	sum->copies[sum->n_copies++] = (struct param_copy){from, into, from_off, into_off, 8};
}

/* What copying `len` bytes from `from` bytes into what `src` points to, at `at`, `off` bytes
 * into what parameter `into` points to tells its callers, pointer by pointer: fresh memory, a
 * parameter or what one points to, integers only; anything else clobbers. */
static void copy_into_param(struct summaries *s, struct ir_fn *f, struct tag_stores *ts,
			    LLVMValueRef at, int into, int64_t off, LLVMValueRef src, int64_t from,
			    int64_t len)
{
	struct summary *sum = f->summary;
	if (len > MAX_COPY) {
		clobber(sum, into);
		return;
	}
	struct copy_contents cc;
	copy_contents(s, f, src, from, len, at, &cc);
	for (size_t i = 0; i < cc.n; i++) {
		struct vkey k = cc.at[i].k;
		int64_t o = off + (int64_t)i * 8;
		if (!cc.at[i].named)
			continue; /* null there */
		int p = param_index(f, k.base);
		/* Memory shared by variants: some pointer is there, which one is not said. */
		if (cc.at[i].shared ||
		    (!cc.at[i].alloc && k.deref && ir_is_local_alloca(f->body, k.base) &&
		     summary_slot_no_pointer(f, k.base, k.off)))
			write_blind(sum, into, o, o + 8);
		else if (!cc.at[i].alloc && k.deref && p >= 0)
			copy_put(sum, p, k.off, into, o);
		else
			store_named(s, f, ts, at, into, o, cc.at[i].alloc, k);
	}
}

/* The parameter whose pointee `addr` points into, at constant offset *off; -1 otherwise. */
static int param_at(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, int64_t *off)
{
	LLVMValueRef base = summary_base_offset(s, addr, off);
	int param = base ? param_index(f, base) : -1;
	if (param < 0 && base) {
		/* The parameter itself, as a callee returns it (unique_ptr's _M_ptr() at -O0). */
		struct vkey k = key_of(s, f, base, false);
		param = k.deref ? -1 : param_index(f, k.base);
	}
	return param;
}

/* A pointer stored at an index the analysis cannot tell into a parameter's object: any field
 * of its pointee may get it. */
static void clobber_unplaced(struct summaries *s, struct ir_fn *f, LLVMValueRef addr)
{
	int64_t off;
	if (summary_base_offset(s, addr, &off))
		return;
	struct vkey k = key_of(s, f, addr, true);
	int param = k.deref ? -1 : param_index(f, k.base);
	if (param >= 0)
		clobber(f->summary, param);
}

static bool same_place(const struct stored_param *a, const struct stored_param *b)
{
	return a->into == b->into && a->off == b->off;
}

/* Keeps, per place, the stores that may be the last one (a unique_ptr's constructor stores null,
 * then the pointer), each stored value once. */
static void drop_overwritten(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	size_t n = sum->n_stored, kept = 0;
	bool *gone = xcalloc(n ? n : 1, sizeof(*gone));
	LLVMValueRef *later = xmalloc((n ? n : 1) * sizeof(*later));
	for (size_t i = 0; i < n && summary_charge(f, n); i++) {
		size_t n_later = 0;
		for (size_t j = 0; j < n; j++)
			if (j != i && same_place(&sum->stored[i], &sum->stored[j]) &&
			    sum->stored[j].at != sum->stored[i].at)
				later[n_later++] = sum->stored[j].at;
		struct cfg_query q = {
		    .from = sum->stored[i].at, .blockers = later, .n_blockers = n_later};
		gone[i] = n_later && !cfg_path_exists(s, f, &q);
		for (size_t j = 0; j < i && !gone[i]; j++)
			gone[i] = !gone[j] && same_place(&sum->stored[i], &sum->stored[j]) &&
				  sum->stored[i].from == sum->stored[j].from &&
				  sum->stored[i].value == sum->stored[j].value;
	}
	for (size_t i = 0; i < n; i++)
		if (!gone[i])
			sum->stored[kept++] = sum->stored[i];
	sum->n_stored = kept;
	free(gone);
	free(later);
}

/* The pointers stored into what parameters point to, by the function and by its callees. */
static void stored_facts(struct summaries *s, struct ir_fn *f, struct tag_stores *ts)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in)) {
			int64_t off;
			int into;
			if (LLVMIsAStoreInst(in)) {
				LLVMValueRef v = LLVMGetOperand(in, 0),
					     addr = LLVMGetOperand(in, 1);
				if (!is_ptr(v)) {
					if ((into = param_at(s, f, addr, &off)) >= 0)
						write_blind(f->summary, into, off,
							    off + (int64_t)LLVMStoreSizeOfType(
								      s->layout, LLVMTypeOf(v)));
					continue;
				}
				if ((into = param_at(s, f, addr, &off)) >= 0)
					store_into(s, f, ts, in, into, off, v);
				else
					clobber_unplaced(s, f, addr);
				continue;
			}
			if (LLVMIsAAtomicRMWInst(in) || LLVMIsAAtomicCmpXchgInst(in)) {
				LLVMValueRef addr = LLVMGetOperand(in, 0);
				if ((into = param_at(s, f, addr, &off)) >= 0)
					clobber(f->summary, into);
				else
					clobber_unplaced(s, f, addr);
				continue;
			}
			if (!ir_is_call(in))
				continue;
			/* A copy into a parameter's pointee: what the source holds there. */
			int64_t copied = copy_length(in);
			if (copied >= 0 &&
			    (into = param_at(s, f, LLVMGetOperand(in, 0), &off)) >= 0) {
				copy_into_param(s, f, ts, in, into, off, LLVMGetOperand(in, 1), 0,
						copied);
				continue;
			}
			/* A memset into a parameter's pointee: its bytes, whatever was there. */
			if (LLVMIsAIntrinsicInst(in) && ir_intrinsic_named(in, "llvm.memset") &&
			    (into = param_at(s, f, LLVMGetOperand(in, 0), &off)) >= 0) {
				LLVMValueRef len = LLVMGetOperand(in, 2);
				write_blind(f->summary, into, off,
					    LLVMIsAConstantInt(len)
						? off + (int64_t)LLVMConstIntGetZExtValue(len)
						: INT64_MAX);
				continue;
			}
			const struct summary *gs = summary_of_callee(s, in);
			for (unsigned i = 0, n = LLVMGetNumArgOperands(in); i < n; i++) {
				LLVMValueRef arg = LLVMGetOperand(in, i);
				if (!is_ptr(arg))
					continue;
				if ((into = param_at(s, f, arg, &off)) < 0) {
					if (summary_call_clobbers(s, in, i))
						clobber_unplaced(s, f, arg);
					continue;
				}
				if (summary_call_clobbers(s, in, i)) {
					clobber(f->summary, into);
					continue;
				}
				/* A recursive call reads the entries being added: the ones
				 * there were before. */
				for (size_t k = 0, n_st = gs ? gs->n_stored : 0; k < n_st; k++) {
					struct stored_param st = gs->stored[k];
					LLVMValueRef v = summary_stored_value(&st, in);
					if (st.into == (int)i && v)
						store_into(s, f, ts, in, into, off + st.off, v);
				}
				for (size_t k = 0, n_cp = gs ? gs->n_copies : 0; k < n_cp; k++) {
					struct param_copy cp = gs->copies[k];
					if (cp.into == (int)i && (unsigned)cp.from < n)
						copy_into_param(
						    s, f, ts, in, into, off + cp.into_off,
						    LLVMGetOperand(in, (unsigned)cp.from),
						    cp.from_off, cp.len);
				}
				for (size_t k = 0, n_bw = gs ? gs->n_blind : 0; k < n_bw; k++) {
					struct blind_write bw = gs->blind[k];
					if (bw.into == (int)i)
						write_blind(f->summary, into, off + bw.from,
							    bw.to == INT64_MAX ? INT64_MAX
									       : off + bw.to);
				}
			}
		}
	}
	drop_overwritten(s, f);
}

/* Tags a release's variant is tested against: a constant compared with an integer loaded from
 * what the parameter points to, at another offset than the release's; looked for in functions of
 * up to MAX_RELEASE_TAG_BLOCKS blocks (a drop of an enum is a switch and a call per variant). */
#define MAX_RELEASE_TAGS 4
#define MAX_RELEASE_TAG_BLOCKS 32

/* The variant of the enum a parameter points to that a release of its pointee needs: Rust's drop
 * of a `Result<*mut T, E>` releases the `Err` side's `String` only when the niche says `Err`,
 * so a caller's `Ok` pointer at the same place is not released by it. Rust functions only, as
 * with allocations' tags. */
static struct tag release_tag(struct summaries *s, struct ir_fn *f, const struct fact *rel)
{
	struct tag none = {0};
	struct summary *sum = f->summary;
	LLVMValueRef param = LLVMGetParam(f->body, (unsigned)rel->param);
	struct tag cand[MAX_RELEASE_TAGS];
	size_t n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in)) {
			int64_t off;
			if (!LLVMIsALoadInst(in) ||
			    LLVMGetTypeKind(LLVMTypeOf(in)) != LLVMIntegerTypeKind ||
			    summary_base_offset(s, LLVMGetOperand(in, 0), &off) != param ||
			    off == rel->off)
				continue;
			for (LLVMUseRef u = LLVMGetFirstUse(in); u; u = LLVMGetNextUse(u)) {
				LLVMValueRef cmp = LLVMGetUser(u);
				LLVMValueRef k =
				    LLVMIsAICmpInst(cmp) ? LLVMGetOperand(cmp, 1) : NULL;
				if (!k || !LLVMIsAConstantInt(k) || LLVMGetOperand(cmp, 0) != in)
					continue;
				bool dup = false;
				for (size_t i = 0; i < n; i++)
					dup = dup || (cand[i].off == off && cand[i].value == k);
				if (dup)
					continue;
				if (n == MAX_RELEASE_TAGS)
					return none;
				cand[n++] = (struct tag){true, false, param, off, k};
			}
		}
	for (size_t c = 0; c < n; c++) {
		for (int eq = 0; eq < 2; eq++) {
			/* The release never happens while the tag says `eq`: it needs the other. */
			struct tag t = cand[c];
			t.eq = eq;
			bool reached = false;
			for (size_t i = 0; i < sum->n_events && !reached; i++) {
				const struct event *e = &sum->events[i];
				if (e->kind != EV_RELEASE || e->family != rel->family ||
				    !vkey_equal(&e->key, &(struct vkey){param, rel->off, true}))
					continue;
				struct cfg_query q = {.to = e->at, .tag = &t};
				reached = cfg_path_exists(s, f, &q) || summary_exhausted(f);
			}
			if (!reached) {
				t.eq = !eq;
				t.object = NULL;
				return t;
			}
		}
	}
	return none;
}

/* Memory the function puts into a parameter's pointee itself and releases on every path before
 * it returns, leaving it there: a RELEASE of that place, named by the place in the caller (a
 * helper that gives the caller's parser a buffer and drops the buffer; the parser's next read
 * is a use after free). */
static void left_dangling(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	for (unsigned p = 0, n = LLVMCountParams(f->body); p < n; p++) {
		const int64_t *offs;
		int64_t n_offs = summary_param_puts(f, p, &offs);
		for (int64_t k = 0; k < n_offs; k++) {
			struct vkey left = {NULL, 0, false},
				    place = {LLVMGetParam(f->body, p), offs[k], true};
			bool ok = true;
			for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); ok && bb;
			     bb = LLVMGetNextBasicBlock(bb)) {
				LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
				if (!t || !LLVMIsAReturnInst(t))
					continue;
				LLVMValueRef v = summary_left_at(s, f, p, offs[k], t);
				struct vkey kv = v ? key_of(s, f, v, false) : left;
				ok = kv.base && (!left.base || vkey_equal(&left, &kv)) &&
				     param_index(f, kv.base) < 0;
				left = kv;
			}
			const struct event *rel =
			    ok && left.base && !find_fact(sum, EV_RELEASE, (int)p, &place, -1, NULL)
				? released_before_return(s, f, NULL, &left, &left)
				: NULL;
			if (!rel)
				continue;
			struct event e = *rel;
			e.key = place;
			struct fact *ft = new_fact(sum, &e, (int)p);
			ft->must = true;
			ft->left = true;
		}
	}
}

/* Whether the function may replace the pointer `off` bytes into parameter `param`'s pointee
 * (then what a callee or a load finds there later is not the caller's). */
static bool rel2_replaced(const struct summary *sum, int param, int64_t off)
{
	return param >= 64 || (sum->ptr_clobbers >> param & 1) || summary_replaces(sum, param, off);
}

/* Appends `r` unless a release of the same place is there already. */
static void rel2_put(struct summary *sum, struct release2 r)
{
	for (size_t k = 0; k < sum->n_rel2; k++)
		if (sum->rel2[k].param == r.param && sum->rel2[k].off == r.off &&
		    sum->rel2[k].off2 == r.off2)
			return;
	VEC_RESERVE(sum->rel2, sum->cap_rel2, sum->n_rel2 + 1);
	sum->rel2[sum->n_rel2++] = r;
}

/* Releases two levels below a parameter: of what the pointer loaded from its pointee points to
 * (two_levels), when nothing here replaces that pointer first. */
static void releases_two_down(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	/* Those a callee releases (summary_events): certain when the call is, unless this function
	 * may replace the pointer the callee reads. Kept in place: rel2_put writes at most where
	 * this loop has read. */
	size_t n = sum->n_rel2;
	sum->n_rel2 = 0;
	for (size_t i = 0; i < n; i++) {
		struct release2 r = sum->rel2[i];
		if (rel2_replaced(sum, r.param, r.off))
			continue;
		struct cfg_query q = {.blockers = &r.via, .n_blockers = 1};
		r.must = r.must && !cfg_path_exists(s, f, &q);
		r.via = NULL;
		rel2_put(sum, r);
	}
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		int64_t off;
		int param = e->kind == EV_RELEASE && e->key.deref && !e->deferred
				? pointee_load(s, f, e->key.base, &off)
				: -1;
		if (param < 0 || rel2_replaced(sum, param, off))
			continue;
		rel2_put(sum, (struct release2){param, off, e->key.off,
						release_must(s, f, &e->key, NULL), e->family,
						e->site, NULL});
	}
}

/* A pointer returned on every path from two levels below a parameter (ret2): what a load from
 * the parameter's pointee points to, which nothing here replaces first. */
static void returns_two_down(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	if (LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(f->fn))) !=
	    LLVMPointerTypeKind)
		return;
	for (size_t i = 0; i < sum->n_facts; i++)
		if (sum->facts[i].kind == EV_RETURN && sum->facts[i].param >= 0)
			return;
	int param = -1;
	int64_t off = 0, off2 = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t))
			continue;
		struct vkey k = key_of(s, f, LLVMGetOperand(t, 0), false);
		int64_t o;
		int p = k.deref ? pointee_load(s, f, k.base, &o) : -1;
		if (p < 0 || (param >= 0 && (p != param || o != off || k.off != off2)))
			return;
		param = p;
		off = o;
		off2 = k.off;
	}
	if (param >= 0 && !rel2_replaced(sum, param, off)) {
		sum->ret2.param = param;
		sum->ret2.off = off;
		sum->ret2.off2 = off2;
	}
}

static void derive_facts(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	struct tag_stores ts = {0}; /* found when first asked */
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		int param = param_index(f, e->key.base);
		/* A release of an address a constant off a parameter (a size-header allocator's
		 * free: dealloc(p - 16)) releases the allocation the parameter points into. */
		bool interior = e->kind == EV_RELEASE && e->interior;
		int64_t delta = 0;
		LLVMValueRef into = param < 0 && e->kind == EV_RELEASE && !e->key.deref
					? summary_base_offset(s, e->key.base, &delta)
					: NULL;
		if (into && into != e->key.base && delta && param_index(f, into) >= 0) {
			param = param_index(f, into);
			interior = true;
		}
		/* Fresh memory is a parameter's fact only when stored through it (an
		 * out-parameter). */
		if (param < 0 || e->kind == EV_RETURN || (e->kind == EV_ALLOC && !e->key.deref) ||
		    (e->kind == EV_USE && e->passed_only) || e->deferred)
			continue;
		/* A callee's release in one variant of the enum this parameter points to, called
		 * only where this function has seen the other (Result::ok drops its argument only
		 * when it is Err: the drop's release of Ok's handle never happens here). */
		if (e->kind == EV_RELEASE && e->tag.set && e->tag.object == e->key.base &&
		    !cfg_path_exists(s, f, &(struct cfg_query){.to = e->at, .tag = &e->tag}) &&
		    !summary_exhausted(f))
			continue;
		if (e->kind == EV_ALLOC) {
			/* The variant: of the enum built here (the outer one: a Result around
			 * the callee's Error), else the callee's, on this parameter. */
			struct tag t = tag_at(s, f, &ts, e->at, param, e->key.off);
			if (!t.set && e->tag.set &&
			    e->tag.object == LLVMGetParam(f->body, (unsigned)param)) {
				t = e->tag;
				t.object = NULL;
			}
			if (!alloc_fact_at(sum, param, e->key.off, &t))
				new_fact(sum, e, param)->tag = t;
			continue;
		}
		/* Releases of a pointee by two families are two facts (the drop of a Result whose
		 * Ok is a C handle and whose Err a String): each has its own variant. */
		const char *family = e->kind == EV_RELEASE && e->key.deref ? e->family : NULL;
		struct fact *ft = find_fact(sum, e->kind, param, &e->key, -1, family);
		if (!ft) {
			ft = new_fact(sum, e, param);
			if (e->kind == EV_RELEASE) {
				ft->must = release_must(s, f, &e->key, family);
				ft->cleared = e->key.deref && release_cleared(s, f, &e->key);
				ft->interior = interior;
			}
		} else if (e->kind == EV_CAPTURE) {
			if (e->escapes && !ft->escapes)
				ft->site = e->site;
			else if (e->held && !ft->held && !ft->escapes)
				ft->site = e->site;
			ft->escapes = ft->escapes || e->escapes;
			ft->held = ft->held || e->held;
		} else if (e->kind == EV_USE && e->write) {
			ft->write = true;
			if (!e->assumed && !ft->written) {
				ft->written = true;
				ft->write_site = e->site;
				ft->write_guard = e->guard;
			} else if (!e->assumed && !guard_equal(&ft->write_guard, &e->guard)) {
				ft->write_guard.param =
				    -1; /* written under either: no one condition */
			}
		}
	}
	stored_facts(s, f, &ts);
	tag_stores_release(&ts);
	releases_two_down(s, f);
	left_dangling(s, f);
	bool small = LLVMCountBasicBlocks(f->body) <= MAX_RELEASE_TAG_BLOCKS;
	for (size_t i = 0; small && f->lang == FFIGUARD_LANG_RUST && i < sum->n_facts; i++)
		if (sum->facts[i].kind == EV_RELEASE && sum->facts[i].deref)
			sum->facts[i].tag = release_tag(s, f, &sum->facts[i]);
	/* A function that releases a parameter's memory (on some path) writes into it as its
	 * allocator's bookkeeping: a free list threaded through freed blocks (SQLite's lookaside).
	 * Those are not writes the caller's data sees; the release is the fact that matters. */
	for (size_t i = 0; i < sum->n_facts; i++) {
		const struct fact *rel = &sum->facts[i];
		if (rel->kind != EV_RELEASE || rel->deref)
			continue;
		for (size_t j = 0; j < sum->n_facts; j++) {
			struct fact *use = &sum->facts[j];
			if (use->kind == EV_USE && use->param == rel->param && !use->deref)
				use->written = false;
		}
	}
	for (size_t i = 0; i < sum->n_facts; i++) {
		struct fact *ft = &sum->facts[i];
		if (ft->kind == EV_USE && ft->written && !ft->deref) {
			struct vkey k = {LLVMGetParam(f->body, (unsigned)ft->param), 0, false};
			ft->write_must = write_must(s, f, &k);
		}
	}
	return_facts(s, f);
	returns_two_down(s, f);
	returned_contents(s, f);
	sum->null_test = null_test_param(f);
	sum->null_return = null_return(s, f);
	/* A return the definition promises non-null (clang infers it where a null from malloc
	 * aborts) is never null, whatever the paths above make of it. */
	if (ir_attr(f->fn, LLVMAttributeReturnIndex, "nonnull")) {
		sum->null_return = NULL;
		for (size_t i = 0; i < sum->n_facts; i++)
			if (sum->facts[i].param < 0)
				sum->facts[i].may_null = false;
	}
}

void summary_assume(struct ir_fn *f)
{
	struct summary *sum = f->summary;
	summary_index_release(sum);
	sum->n_events = 0;
	sum->n_facts = 0;
	sum->null_test = -1;
	sum->ret_copy.param = -1;
	sum->n_ret_held = 0;
	sum->null_return = NULL;
	sum->n_stored = 0;
	sum->n_copies = 0;
	sum->n_rel2 = 0;
	sum->ret2.param = -1;
	sum->n_blind = 0;
	sum->ptr_clobbers = ~(uint64_t)0;
	sum->may_unwind = sum->must_unwind = false;
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->body);
	struct site here = {entry ? LLVMGetFirstInstruction(entry) : NULL, f, NULL};
	unsigned n = LLVMCountParams(f->fn);
	for (unsigned i = 0; i < n; i++) {
		LLVMValueRef p = LLVMGetParam(f->body, i);
		if (!is_ptr(p))
			continue;
		struct event e = {.kind = EV_USE,
				  .key = {p, 0, false},
				  .must = false,
				  .write = true,
				  .assumed = true,
				  .field = -1,
				  .site = here};
		new_fact(sum, &e, (int)i);
		e.kind = EV_CAPTURE;
		e.write = e.assumed = false;
		new_fact(sum, &e, (int)i);
	}
}

#define SHRINK_IN_PLACE (64 * 1024)

/* `v` (n of `*cap` elements of `size` bytes) in a block of exactly n: moved to a new one, or,
 * when it is large, shrunk in place (a large block is the allocator's own mapping or leaves a
 * hole large enough for later reservations, and a copy would hold both at once). */
static void *shrunk(void *v, size_t *cap, size_t n, size_t size)
{
	if (*cap == n)
		return v;
	*cap = n;
	if (n * size >= SHRINK_IN_PLACE)
		return xrealloc(v, n * size);
	void *exact = n ? memcpy(xmalloc(n * size), v, n * size) : NULL;
	free(v);
	return exact;
}

/* Steps a function may take: enough for every function of real programs, linear in its size so
 * that no shape makes the whole analysis super-linear. */
#define BUDGET_BASE 200000
#define BUDGET_PER_INST 48

void summary_compute(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	if (sum->modelled || (sum->exhausted && sum->budget))
		return; /* the model's facts, or over its budget earlier: its facts stay assumed */
	if (!sum->budget) {
		size_t n = 0;
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
		     bb = LLVMGetNextBasicBlock(bb))
			for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
			     i = LLVMGetNextInstruction(i))
				n++;
		sum->budget = BUDGET_BASE + BUDGET_PER_INST * n;
	}
	summary_memo_reset(f, sum->budget);
	summary_index_release(sum);
	sum->n_events = 0;
	sum->n_facts = 0;
	sum->ret_copy.param = -1;
	sum->n_ret_held = 0;
	sum->ret_object = NULL;
	sum->ret_object_asked = false;
	sum->n_stored = 0;
	sum->n_copies = 0;
	sum->n_rel2 = 0;
	sum->ret2.param = -1;
	sum->n_blind = 0;
	sum->ptr_clobbers = 0;
	summary_slots_release(sum);
	sum->slot_lists = NULL;
	sum->n_slot_lists = sum->cap_slot_lists = 0;
	map_init(&sum->slots, false);
	summary_scan_slots(s, f);

	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
		     inst = LLVMGetNextInstruction(inst)) {
			if (ir_is_call(inst))
				call_events(s, f, inst);
			else
				inst_events(s, f, inst);
		}
	}
	slot_captures(s, f);
	derive_facts(s, f);
	summary_unwind(s, f);
	if (sum->exhausted)
		summary_assume(f);
	/* Most functions have a handful of events: keep what they use, not what was reserved, in a
	 * block of its own (a shrink in place would leave behind a hole no function's next
	 * reservation fits: 2 KB per function, a 10 000-function chain's +25 MB). */
	sum->events = shrunk(sum->events, &sum->cap_events, sum->n_events, sizeof(*sum->events));
	sum->facts = shrunk(sum->facts, &sum->cap_facts, sum->n_facts, sizeof(*sum->facts));
}
