/* Names for pointers: which SSA value, or which slot of memory, a pointer operand stands for.
 * Only what the IR shows for certain; anything else keeps its own name and stays apart. */
#include "summary.h"

#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	int64_t off;
	LLVMValueRef value; /* NULL when stored more than once, or overwritten by a callee */
	bool ptr;           /* a pointer may be put there (else only integers are stored) */
};

/* What a local slot holds: the pointers stored into it, or one memcpy into it from other memory
 * (a value moved at -O0: `let s = format!(..)` copies the callee's sret slot into `s`). */
struct slot_list {
	size_t n, cap;
	bool clobbered; /* copied into twice or by variable length, or handed to a writing callee */
	int escaped; /* 0 not known yet, 1 its address is kept somewhere, -1 only used in place */
	struct slot *v;
	LLVMValueRef copy_src; /* bytes [copy_off, copy_off + copy_len) come from here */
	int64_t copy_off, copy_len;
};

bool vkey_equal(const struct vkey *a, const struct vkey *b)
{
	return a->base == b->base && a->deref == b->deref && (!a->deref || a->off == b->off);
}

/* A pointer, or an integer as wide as one: Rust passes a #[repr(C)] newtype of a pointer
 * (lz4's `LZ4FCompressionContext(*mut c_void)`) to C as an i64 it loads from the struct. */
static bool holds_pointer(LLVMTypeRef t)
{
	return LLVMGetTypeKind(t) == LLVMPointerTypeKind ||
	       (LLVMGetTypeKind(t) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) == 64);
}

/* Looks through casts, a field read back out of the pair it was packed into (ir_extracted) and
 * constant-offset GEPs, adding up the offset. `object` also crosses variable GEPs (the offset is
 * then meaningless). Stops at a non-zero offset unless asked. */
static LLVMValueRef strip(struct summaries *s, LLVMValueRef v, int64_t *off, bool any_offset,
			  bool object)
{
	*off = 0;
	for (int i = 0; i < 64; i++) {
		if (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v)) {
			v = LLVMGetOperand(v, 0);
			continue;
		}
		LLVMValueRef field = ir_extracted(v);
		if (field) {
			v = field;
			continue;
		}
		if (LLVMIsAGetElementPtrInst(v)) {
			int64_t o;
			if (ir_gep_offset(s->layout, v, &o, NULL, NULL) &&
			    (o == 0 || any_offset || object)) {
				*off += o;
				v = LLVMGetOperand(v, 0);
				continue;
			}
			if (object) {
				v = LLVMGetOperand(v, 0);
				continue;
			}
		}
		break;
	}
	return v;
}

static bool is_local_alloca(struct ir_fn *f, LLVMValueRef v)
{
	return ir_is_local_alloca(f->body, v);
}

static struct slot_list *slots_of(struct ir_fn *f, LLVMValueRef a, bool create)
{
	struct summary *sum = f->summary;
	struct slot_list *l = map_get(&sum->slots, a);
	if (!l && create) {
		l = xcalloc(1, sizeof(*l));
		map_put(&sum->slots, a, l);
		VEC_RESERVE(sum->slot_lists, sum->cap_slot_lists, sum->n_slot_lists + 1);
		sum->slot_lists[sum->n_slot_lists++] = l;
	}
	return l;
}

static void slot_store(struct slot_list *l, int64_t off, LLVMValueRef value, bool ptr)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].off == off) {
			l->v[i].value = NULL;
			l->v[i].ptr = l->v[i].ptr || ptr;
			return;
		}
	}
	VEC_RESERVE(l->v, l->cap, l->n + 1);
	l->v[l->n].off = off;
	l->v[l->n].value = value;
	l->v[l->n].ptr = ptr;
	l->n++;
}

/* Records a memcpy of constant length into a local slot; true when `call` is one (its source is
 * only read). A second copy into the same slot leaves it unknown. */
static bool slot_copy(struct summaries *s, struct ir_fn *f, LLVMValueRef call)
{
	LLVMValueRef callee = ir_called_function(call);
	size_t len;
	const char *name = callee ? LLVMGetValueName2(callee, &len) : "";
	if (strncmp(name, "llvm.memcpy.", 12) != 0 && strncmp(name, "llvm.memmove.", 13) != 0)
		return false;
	int64_t off;
	LLVMValueRef dst = strip(s, LLVMGetOperand(call, 0), &off, true, true);
	LLVMValueRef n = LLVMGetOperand(call, 2);
	if (!is_local_alloca(f, dst))
		return true;
	struct slot_list *l = slots_of(f, dst, true);
	int64_t doff;
	if (l->copy_src || !LLVMIsAConstantInt(n) ||
	    strip(s, LLVMGetOperand(call, 0), &doff, true, false) != dst) {
		l->clobbered = true;
		return true;
	}
	l->copy_src = LLVMGetOperand(call, 1);
	l->copy_off = doff;
	l->copy_len = LLVMConstIntGetSExtValue(n);
	return true;
}

/* What an instruction does to the pointer at one place in a local slot. */
enum def {
	DEF_NONE,    /* leaves it alone */
	DEF_VALUE,   /* stores *value there (a pointer, or a null constant) */
	DEF_SLOT,    /* puts a pointer there that the slot names: fresh memory, or a callee's own */
	DEF_UNKNOWN, /* may change it in a way this cannot follow */
};

/* What a call puts into the local slots (or parameters' pointees) it is given, place by place:
 * fresh memory (DEF_SLOT), a pointer its summary names (DEF_VALUE: an argument, a constant, or NULL
 * when the call passes no such argument), or pointers it does not name anywhere in the slot
 * (DEF_UNKNOWN, offset -1). */
typedef void (*put_fn)(void *data, LLVMValueRef slot, int64_t off, enum def d, LLVMValueRef value);

/* Memory whose contents are followed: a local slot, a parameter's pointee, and the object a
 * call returns. */
static bool named_place(struct ir_fn *f, LLVMValueRef base)
{
	return is_local_alloca(f, base) || LLVMIsAArgument(base) || ir_is_call(base);
}

static void call_puts(struct summaries *s, struct ir_fn *f, LLVMValueRef call, put_fn put,
		      void *data)
{
	const struct summary *gs = NULL;
	const struct alloc_fact *af = NULL;
	bool looked = false;
	for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n; i++) {
		int64_t off;
		LLVMValueRef arg = LLVMGetOperand(call, i);
		if (LLVMGetTypeKind(LLVMTypeOf(arg)) != LLVMPointerTypeKind)
			continue;
		LLVMValueRef base = strip(s, arg, &off, true, false);
		if (!named_place(f, base)) {
			/* At a variable index: which bytes it writes is unknown. */
			base = strip(s, arg, &off, true, true);
			if (named_place(f, base) && summary_call_clobbers(s, call, i))
				put(data, base, -1, DEF_UNKNOWN, NULL);
			continue;
		}
		if (!looked) {
			gs = summary_of_callee(s, call);
			af = summary_allocator(s, ir_program_callee(s->program, call));
			looked = true;
		}
		if (af) {
			if (af->out_param && af->ptr_arg == (int)i)
				put(data, base, off + af->out_off, DEF_SLOT, NULL);
			continue;
		}
		if (summary_call_clobbers(s, call, i)) {
			put(data, base, -1, DEF_UNKNOWN, NULL);
			continue;
		}
		for (size_t k = 0; gs && k < gs->n_stored; k++) {
			LLVMValueRef v = summary_stored_value(&gs->stored[k], call);
			/* Where the callee may also put fresh memory, the place is named as that
			 * memory: a null cleared first and the memory stored over it on some path
			 * (sqlite3_exec's `*errmsg = 0`), or a pointer the caller gave on one path
			 * and a copy on another, with a flag beside it saying which (LMDB's file
			 * name, freed only when `mn_alloced` says it is the copy). */
			if (gs->stored[k].into == (int)i &&
			    !(v && summary_puts_fresh(gs, (int)i, gs->stored[k].off)))
				put(data, base, off + gs->stored[k].off, DEF_VALUE, v);
		}
		for (size_t k = 0; gs && k < gs->n_facts; k++)
			if (gs->facts[k].kind == EV_ALLOC && gs->facts[k].param == (int)i &&
			    gs->facts[k].deref)
				put(data, base, off + gs->facts[k].off, DEF_SLOT, NULL);
		/* Bytes it copies there from another argument's memory: each pointer among them
		 * is named by the place (summary_events names the fresh memory there). */
		for (size_t k = 0; gs && k < gs->n_copies; k++) {
			const struct param_copy *cp = &gs->copies[k];
			for (int64_t o = 0; cp->into == (int)i && o + 8 <= cp->len; o += 8)
				put(data, base, off + cp->into_off + o, DEF_SLOT, NULL);
		}
	}
}

/* The slot lists' record of a call, for any place in the function. A null a callee leaves
 * behind (a unique_ptr's destructor, after its release) names nothing there: the slot still
 * names what was stored (a null the function stores itself still counts: before a loop stores
 * the pointer, say). */
/* The record of what `f` puts into parameter `a`'s pointee, or NULL when `a` is none. */
static struct param_puts *puts_of(struct ir_fn *f, LLVMValueRef a)
{
	struct summary *sum = f->summary;
	if (!LLVMIsAArgument(a))
		return NULL;
	for (unsigned i = 0; i < sum->n_param_puts; i++)
		if (LLVMGetParam(f->body, i) == a)
			return &sum->param_puts[i];
	return NULL;
}

static void param_put(struct ir_fn *f, LLVMValueRef a, int64_t off)
{
	struct param_puts *pp = puts_of(f, a);
	for (size_t i = 0; pp && i < pp->n; i++)
		if (pp->off[i] == off)
			return;
	if (pp) {
		VEC_RESERVE(pp->off, pp->cap, pp->n + 1);
		pp->off[pp->n++] = off;
	}
}

/* Whether anything in `f` may put a pointer `off` bytes into parameter `a`'s pointee: else what
 * is there just before any point is the caller's, whatever the path (content_before needs no
 * walk to say it cannot tell). */
static bool param_put_at(struct ir_fn *f, LLVMValueRef a, int64_t off)
{
	const struct param_puts *pp = puts_of(f, a);
	for (size_t i = 0; pp && i < pp->n; i++)
		if (pp->off[i] == off)
			return true;
	return !pp;
}

static void record(void *data, LLVMValueRef slot, int64_t off, enum def d, LLVMValueRef value)
{
	struct ir_fn *f = data;
	if (off >= 0 && (d == DEF_SLOT || (d == DEF_VALUE && value)))
		param_put(f, slot, off);
	if (!is_local_alloca(f, slot))
		return; /* a parameter's pointee: asked for by place only */
	if (off < 0)
		slots_of(f, slot, true)->clobbered = true;
	else if (d == DEF_SLOT)
		slot_store(slots_of(f, slot, true), off, NULL, true);
	else if (value && !LLVMIsAConstantPointerNull(value))
		slot_store(slots_of(f, slot, true), off, value, true);
}

void summary_scan_slots(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	sum->n_param_puts = LLVMCountParams(f->body);
	sum->param_puts = xcalloc(sum->n_param_puts + 1, sizeof(*sum->param_puts));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
		     inst = LLVMGetNextInstruction(inst)) {
			int64_t off;
			if (LLVMIsAStoreInst(inst)) {
				LLVMValueRef base =
				    strip(s, LLVMGetOperand(inst, 1), &off, true, false);
				LLVMValueRef v = LLVMGetOperand(inst, 0);
				if (LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind)
					param_put(f, base, off);
				if (!is_local_alloca(f, base))
					continue;
				bool ptr = LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
				/* An integer may be a pointer turned into one, or (wider) hold one.
				 */
				bool bytes =
				    LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind &&
				    LLVMGetIntTypeWidth(LLVMTypeOf(v)) <= 64 &&
				    !LLVMIsAPtrToIntInst(v);
				slot_store(slots_of(f, base, true), off, ptr ? v : NULL, !bytes);
			} else if (ir_is_call(inst) && !slot_copy(s, f, inst)) {
				call_puts(s, f, inst, record, f);
			}
		}
	}
}

size_t summary_slot_values(struct ir_fn *f, LLVMValueRef a, LLVMValueRef *out, size_t max)
{
	struct slot_list *l = f->summary ? slots_of(f, a, false) : NULL;
	size_t n = 0;
	for (size_t i = 0; l && i < l->n && n < max; i++)
		if (l->v[i].value)
			out[n++] = l->v[i].value;
	return n;
}

void summary_slots_release(struct summary *sum)
{
	for (size_t i = 0; i < sum->n_slot_lists; i++) {
		struct slot_list *l = sum->slot_lists[i];
		free(l->v);
		free(l);
	}
	free(sum->slot_lists);
	map_release(&sum->slots);
	for (unsigned i = 0; i < sum->n_param_puts; i++)
		free(sum->param_puts[i].off);
	free(sum->param_puts);
	sum->param_puts = NULL;
	sum->n_param_puts = 0;
}

/* A name being worked out or known. A name that depends on a value still being worked out
 * further up (a phi cycle) is provisional and not kept: the next question works it out again. */
struct key_memo {
	struct vkey key[2]; /* per `object` */
	int depth[2];       /* on the walk while being worked out; -1 when not */
	bool known[2];
};

/* The walk down the values being named: its depth bounds the C stack; `low` is the shallowest
 * value still being worked out that the current one depended on. */
struct walk {
	int n, low;
};

/* Deeper than this, the walk gives up and the function is over its budget. */
#define MAX_DEPTH 128

/* The index of `v`'s entry; entries move as the table grows, so callers keep the index. */
static size_t memo_of(struct summary *sum, LLVMValueRef v)
{
	size_t i = (size_t)(uintptr_t)map_get(&sum->memo, v);
	if (i)
		return i - 1;
	VEC_RESERVE(sum->memo_v, sum->cap_memo, sum->n_memo + 1);
	struct key_memo *m = &sum->memo_v[sum->n_memo];
	memset(m, 0, sizeof(*m));
	m->depth[0] = m->depth[1] = -1;
	map_put(&sum->memo, v, (void *)(uintptr_t)(++sum->n_memo));
	return sum->n_memo - 1;
}

void summary_memo_reset(struct ir_fn *f, size_t budget)
{
	struct summary *sum = f->summary;
	map_release(&sum->memo);
	map_release(&sum->obj_writes);
	map_release(&sum->escape);
	sum->n_memo = 0;
	sum->n_obj_w = 0;
	sum->steps = 0;
	sum->budget = budget;
	sum->exhausted = false;
}

bool summary_charge(struct ir_fn *f, size_t n)
{
	struct summary *sum = f->summary;
	if (sum->exhausted)
		return false;
	sum->steps += n;
	if (sum->steps > sum->budget)
		sum->exhausted = true;
	return !sum->exhausted;
}

bool summary_exhausted(const struct ir_fn *f)
{
	return f->summary && f->summary->exhausted;
}

static struct vkey key_at(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object,
			  struct walk *w);

/* The operand position of use `u` in `user`. */
static unsigned operand_index(LLVMValueRef user, LLVMUseRef u)
{
	unsigned i = 0, n = (unsigned)LLVMGetNumOperands(user);
	while (i < n && LLVMGetOperandUse(user, i) != u)
		i++;
	return i;
}

/* Whether the address of slot `a` (or of a field of it) is kept where calls not given it can
 * reach it: stored as a value, merged, turned into an integer, or kept by a callee. */
static bool slot_escapes(struct summaries *s, struct slot_list *l, LLVMValueRef a)
{
	if (l->escaped)
		return l->escaped > 0;
	LLVMValueRef todo[32];
	size_t n = 0;
	todo[n++] = a;
	l->escaped = -1;
	while (n && l->escaped < 0) {
		LLVMValueRef v = todo[--n];
		for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u);
			if (ir_is_call(user) &&
			    !summary_call_captures(s, user, operand_index(user, u)))
				continue;
			if (LLVMIsALoadInst(user) ||
			    (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) != v) ||
			    LLVMIsAICmpInst(user))
				continue;
			if ((LLVMIsAGetElementPtrInst(user) || LLVMIsABitCastInst(user)) &&
			    n < 32) {
				todo[n++] = user;
				continue;
			}
			l->escaped = 1;
			break;
		}
	}
	return l->escaped > 0;
}

static bool overlaps(int64_t a, int64_t alen, int64_t b, int64_t blen)
{
	return a < b + blen && b < a + alen;
}

LLVMValueRef summary_slot_copy_source(struct ir_fn *f, LLVMValueRef a)
{
	struct slot_list *l = f->summary ? slots_of(f, a, false) : NULL;
	return l && !l->clobbered ? l->copy_src : NULL;
}

bool summary_slot_no_pointer(struct ir_fn *f, LLVMValueRef a, int64_t off)
{
	struct slot_list *l = slots_of(f, a, false);
	if (!l)
		return true;
	if (l->clobbered || (l->copy_src && overlaps(l->copy_off, l->copy_len, off, 8)))
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].ptr && overlaps(l->v[i].off, 8, off, 8))
			return false;
	return true;
}

LLVMValueRef summary_copy_origin(struct summaries *s, struct ir_fn *f, LLVMValueRef src,
				 int64_t len, int64_t *off)
{
	LLVMValueRef base = strip(s, src, off, true, false);
	for (int hop = 0; hop < 8 && is_local_alloca(f, base); hop++) {
		struct slot_list *l = slots_of(f, base, false);
		/* Only relayed: one copy in, nothing else stored, the address kept nowhere. */
		if (!l || l->clobbered || !l->copy_src || l->n || *off < l->copy_off ||
		    *off + len > l->copy_off + l->copy_len || slot_escapes(s, l, base))
			return NULL;
		int64_t so;
		base = strip(s, l->copy_src, &so, true, false);
		*off = so + *off - l->copy_off;
	}
	if (!LLVMIsAArgument(base))
		return base;
	for (int64_t o = 0; o < len; o += 8)
		if (param_put_at(f, base, *off + o))
			return NULL;
	return base;
}

/* call_defines' question about one place, answered as call_puts goes. */
struct place_query {
	LLVMValueRef slot;
	int64_t off;
	enum def def;
	LLVMValueRef value;
};

static void answer(void *data, LLVMValueRef slot, int64_t off, enum def d, LLVMValueRef value)
{
	struct place_query *q = data;
	if (q->def != DEF_NONE || slot != q->slot || (off != q->off && off >= 0))
		return;
	q->def = off < 0 || (d == DEF_VALUE && !value) ? DEF_UNKNOWN : d;
	q->value = value;
}

/* Whether a call is given (a pointer into) `a`. */
static bool given(struct summaries *s, LLVMValueRef call, LLVMValueRef a)
{
	for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n; i++) {
		int64_t o;
		LLVMValueRef arg = LLVMGetOperand(call, i);
		if (LLVMGetTypeKind(LLVMTypeOf(arg)) == LLVMPointerTypeKind &&
		    strip(s, arg, &o, true, true) == a)
			return true;
	}
	return false;
}

static enum def call_defines(struct summaries *s, struct ir_fn *f, LLVMValueRef call,
			     LLVMValueRef a, int64_t off, LLVMValueRef *value)
{
	LLVMValueRef callee = ir_called_function(call);
	size_t len;
	const char *name = callee ? LLVMGetValueName2(callee, &len) : "";
	if (strncmp(name, "llvm.lifetime.", 14) == 0)
		return DEF_NONE;
	/* memcpy (followed by the slot's own copy record) and memset write bytes, not pointers
	 * the analysis names. */
	if (callee && LLVMGetIntrinsicID(callee) && given(s, call, a))
		return DEF_UNKNOWN;
	struct place_query q = {a, off, DEF_NONE, NULL};
	call_puts(s, f, call, answer, &q);
	/* Bytes the callee writes over the place that are no pointer it names (a memset clearing
	 * the field): what is there after the call is not known. */
	const struct summary *gs = q.def == DEF_NONE ? summary_of_callee(s, call) : NULL;
	for (unsigned i = 0, n = gs && gs->n_blind ? LLVMGetNumArgOperands(call) : 0; i < n; i++) {
		int64_t o;
		LLVMValueRef arg = LLVMGetOperand(call, i);
		if (LLVMGetTypeKind(LLVMTypeOf(arg)) == LLVMPointerTypeKind &&
		    strip(s, arg, &o, true, false) == a &&
		    summary_writes_blind(gs, (int)i, off - o))
			return DEF_UNKNOWN;
	}
	*value = q.value;
	return q.def;
}

static enum def defines(struct summaries *s, struct ir_fn *f, LLVMValueRef inst, LLVMValueRef a,
			int64_t off, LLVMValueRef *value)
{
	/* The call that returned the object: what is there is what it put there. */
	if (inst == a)
		return DEF_UNKNOWN;
	/* A parameter's pointee may be reached by code not given the parameter (an alias the
	 * caller kept): a call that is not given it may change it, unless it only allocates or
	 * releases memory (an allocator, or at -O0 the drop of a local CString or String). */
	if (ir_is_call(inst) && LLVMIsAArgument(a) && !given(s, inst, a)) {
		LLVMValueRef callee = ir_program_callee(s->program, inst);
		struct ir_fn *g = callee ? map_get(&s->program->by_value, callee) : NULL;
		return callee && (LLVMGetIntrinsicID(callee) || summary_allocator(s, callee) ||
				  (g && summary_drops_bytes(g)))
			   ? DEF_NONE
			   : DEF_UNKNOWN;
	}
	if (ir_is_call(inst))
		return call_defines(s, f, inst, a, off, value);
	if (!LLVMIsAStoreInst(inst))
		return DEF_NONE;
	int64_t so;
	LLVMValueRef addr = LLVMGetOperand(inst, 1), v = LLVMGetOperand(inst, 0);
	if (strip(s, addr, &so, true, false) != a)
		return strip(s, addr, &so, true, true) == a ? DEF_UNKNOWN : DEF_NONE;
	int64_t size = (int64_t)LLVMStoreSizeOfType(s->layout, LLVMTypeOf(v));
	if (!overlaps(so, size, off, 8))
		return DEF_NONE;
	if (so != off || LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMPointerTypeKind)
		return DEF_UNKNOWN;
	*value = v;
	return DEF_VALUE;
}

/* Instructions one reaching-content question may look at before it gives up. */
#define CONTENT_STEPS 512

/* What the pointer `off` bytes into local slot `a` is just before `at`, on every path there: the
 * nearest instruction back along each path that puts something there, all of them agreeing.
 * DEF_UNKNOWN when they disagree, one cannot be followed, a path starts at the function's entry,
 * or the question is too large: the slot's flow-insensitive name then stands. */
static enum def content_before(struct summaries *s, struct ir_fn *f, struct slot_list *l,
			       LLVMValueRef a, int64_t off, LLVMValueRef at, LLVMValueRef *value,
			       LLVMValueRef *by)
{
	*by = NULL;
	if ((l && slot_escapes(s, l, a)) || (!l && !param_put_at(f, a, off)))
		return DEF_UNKNOWN;
	/* Where to go on scanning back: the last instruction of a block still to look at (NULL
	 * when there is none before its start). */
	struct point {
		LLVMBasicBlockRef bb;
		LLVMValueRef last;
	} *stack = NULL;
	struct map seen;
	size_t n = 0, cap = 0, steps = 0;
	enum def found = DEF_NONE;
	LLVMValueRef agreed = NULL, nothing = NULL;
	map_init(&seen, false);
	VEC_RESERVE(stack, cap, 1);
	stack[n++] = (struct point){LLVMGetInstructionParent(at), LLVMGetPreviousInstruction(at)};
	while (n && found != DEF_UNKNOWN) {
		struct point p = stack[--n];
		enum def d = DEF_NONE;
		LLVMValueRef v = NULL, in;
		for (in = p.last; in; in = LLVMGetPreviousInstruction(in)) {
			d = ++steps > CONTENT_STEPS ? DEF_UNKNOWN : defines(s, f, in, a, off, &v);
			if (d != DEF_NONE)
				break;
		}
		if (d == DEF_NONE && p.bb == LLVMGetEntryBasicBlock(f->body))
			d = DEF_UNKNOWN;
		/* An address no pointer became (Rust's dangling pointer of an empty Vec, given on
		 * the path where there is no buffer) names nothing: the other paths say. */
		if (d == DEF_VALUE && LLVMIsAConstantExpr(v) && !LLVMIsAGlobalValue(v)) {
			nothing = v;
			continue;
		}
		if (d != DEF_NONE) {
			if (found != DEF_NONE && (found != d || agreed != v))
				d = DEF_UNKNOWN;
			if (found == DEF_NONE)
				*by = in;
			found = d;
			agreed = v;
			continue;
		}
		for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(p.bb)); u;
		     u = LLVMGetNextUse(u)) {
			LLVMValueRef term = LLVMGetUser(u);
			if (!LLVMIsATerminatorInst(term)) {
				found = DEF_UNKNOWN; /* blockaddress */
				break;
			}
			LLVMBasicBlockRef pred = LLVMGetInstructionParent(term);
			if (map_get(&seen, pred))
				continue;
			map_put(&seen, pred, pred);
			/* Entered by unwinding out of an invoke: the call did not return, so what
			 * it would have stored is not there; scan from before it. */
			bool unwound = LLVMIsAInvokeInst(term) && LLVMGetUnwindDest(term) == p.bb &&
				       LLVMGetNormalDest(term) != p.bb;
			VEC_RESERVE(stack, cap, n + 1);
			stack[n++] =
			    (struct point){pred, unwound ? LLVMGetPreviousInstruction(term) : term};
		}
	}
	summary_charge(f, steps);
	free(stack);
	map_release(&seen);
	if (found == DEF_NONE && nothing) {
		found = DEF_VALUE;
		agreed = nothing;
	}
	*value = agreed;
	return found == DEF_NONE ? DEF_UNKNOWN : found;
}

/* Whether the object a call returns stays in `f`: calls not given it cannot change it then. */
static bool object_stays(struct summaries *s, struct ir_fn *f, LLVMValueRef obj)
{
	bool returned;
	return summary_object_escapes(s, f, obj, &returned) == ESCAPE_NONE;
}

/* The pointer stored `off` bytes into what `k` points to, just before `at` (NULL: anywhere in
 * the function); false when that is a null constant there. `*by` (when `by` is not NULL) is the
 * call that put it there, when that is what names it. */
static bool deref_at(struct summaries *s, struct ir_fn *f, struct vkey k, int64_t off,
		     LLVMValueRef at, struct vkey *out, struct walk *w, LLVMValueRef *by)
{
	if (k.deref)
		return false;
	struct slot_list *l = is_local_alloca(f, k.base) ? slots_of(f, k.base, false) : NULL;
	LLVMValueRef v = NULL, put = NULL;
	/* A local slot, what a parameter points to (C that frees a field and nulls it, called
	 * twice on the caller's object: the second call finds null), or an object a call returned
	 * that stays here (a parser that keeps the input it is given). */
	enum def d = at && (l || LLVMIsAArgument(k.base) ||
			    (ir_is_call(k.base) && object_stays(s, f, k.base)))
			 ? content_before(s, f, l, k.base, off, at, &v, &put)
			 : DEF_UNKNOWN;
	if (d == DEF_VALUE && LLVMIsAConstantPointerNull(v))
		return false;
	if (d == DEF_VALUE) {
		*out = key_at(s, f, v, false, w);
		if (by)
			*by = put && ir_is_call(put) ? put : NULL;
		return true;
	}
	if (d == DEF_SLOT) {
		*out = (struct vkey){k.base, off, true};
		return true;
	}
	if (l && !l->clobbered) {
		bool stored = false;
		for (size_t i = 0; i < l->n; i++) {
			if (l->v[i].off == off && l->v[i].value) {
				*out = key_at(s, f, l->v[i].value, false, w);
				return true;
			}
			stored = stored || (l->v[i].off >= l->copy_off &&
					    l->v[i].off < l->copy_off + l->copy_len);
		}
		/* Moved in whole from other memory: the pointer that memory holds there. */
		if (l->copy_src && !stored && off >= l->copy_off &&
		    off + 8 <= l->copy_off + l->copy_len) {
			int64_t so;
			LLVMValueRef src = strip(s, l->copy_src, &so, true, false);
			struct vkey sk = key_at(s, f, src, false, w);
			if (sk.base != k.base)
				return deref_at(s, f, sk, so + off - l->copy_off, at, out, w, by);
		}
	}
	/* A fresh object a callee returns keeping one of its arguments there, which nothing here
	 * may have changed since: that argument. */
	const struct summary *gs =
	    !l && at && ir_is_call(k.base) ? summary_of_callee(s, k.base) : NULL;
	for (size_t i = 0; gs && i < gs->n_ret_held; i++) {
		const struct ret_held *h = &gs->ret_held[i];
		if (h->off == off && (unsigned)h->param < LLVMGetNumArgOperands(k.base) &&
		    summary_field_kept(s, f, k.base, off, NULL)) {
			*out = key_at(s, f, LLVMGetOperand(k.base, (unsigned)h->param), false, w);
			return true;
		}
	}
	out->base = k.base;
	out->off = off;
	out->deref = true;
	return true;
}

/* The fact by which `call` returns one of its arguments (or what one points to), if any. A
 * callee that returns one of two parameters names the one this call does not pass null for. */
static const struct fact *returned_param(struct summaries *s, LLVMValueRef call, int field)
{
	const struct summary *sum = summary_of_callee(s, call);
	const struct fact *found = NULL;
	for (size_t i = 0; sum && i < sum->n_facts; i++) {
		const struct fact *ft = &sum->facts[i];
		if (ft->kind != EV_RETURN || ft->param < 0 || ft->field != field)
			continue;
		if (!ft->deref && (unsigned)ft->param < LLVMGetNumArgOperands(call) &&
		    LLVMIsAConstantPointerNull(LLVMGetOperand(call, (unsigned)ft->param)))
			continue;
		if (found)
			return NULL;
		found = ft;
	}
	return found;
}

/* What `call` returns when its callee returns a pointer two levels below a parameter (the
 * summary's ret2): one level below what this function names the argument's pointee by; the
 * call itself when that is not known. */
static struct vkey two_down_returned(struct summaries *s, struct ir_fn *f, LLVMValueRef call,
				     struct walk *w)
{
	struct vkey self = {call, 0, false}, held;
	const struct summary *gs = summary_of_callee(s, call);
	if (!gs || gs->ret2.param < 0 || (unsigned)gs->ret2.param >= LLVMGetNumArgOperands(call))
		return self;
	int64_t off;
	LLVMValueRef base =
	    strip(s, LLVMGetOperand(call, (unsigned)gs->ret2.param), &off, true, false);
	if (!deref_at(s, f, key_at(s, f, base, false, w), off + gs->ret2.off, call, &held, w,
		      NULL) ||
	    held.deref)
		return self;
	return (struct vkey){held.base, held.off + gs->ret2.off2, true};
}

static struct vkey via_callee(struct summaries *s, struct ir_fn *f, LLVMValueRef call,
			      const struct fact *ft, LLVMValueRef self, struct walk *w)
{
	LLVMValueRef arg = LLVMGetOperand(call, (unsigned)ft->param);
	struct vkey k = key_at(s, f, arg, false, w);
	struct vkey out = {self, 0, false};
	if (!ft->deref)
		return k;
	if (!ft->replaced) {
		/* As a load there names it: from the object the argument points into. */
		int64_t off;
		LLVMValueRef base = strip(s, arg, &off, true, false);
		/* out stays `self` when it fails */
		struct vkey bk = key_at(s, f, base, false, w);
		if (!deref_at(s, f, bk, off + ft->off, call, &out, w, NULL) && bk.deref &&
		    LLVMIsALoadInst(base) && LLVMIsAArgument(bk.base))
			/* Two levels below a parameter: named through the load (return2). */
			out = (struct vkey){base, off + ft->off, true};
		return out;
	}
	/* What a `take` (unique_ptr::release(), Option::take) returns: what the slot held just
	 * before the call, when that is known for certain. The slot holds something else after it,
	 * so its flow-insensitive name would confuse the two. */
	struct slot_list *l = is_local_alloca(f, k.base) ? slots_of(f, k.base, false) : NULL;
	LLVMValueRef v = NULL;
	LLVMValueRef put;
	enum def d = l ? content_before(s, f, l, k.base, ft->off, call, &v, &put) : DEF_UNKNOWN;
	if (d == DEF_VALUE && !LLVMIsAConstantPointerNull(v))
		return key_at(s, f, v, false, w);
	/* Through a parameter (a wrapper of the take): what the caller's slot holds before the
	 * call; the wrapper's summary says it is replaced too. */
	if (d == DEF_SLOT || (!l && LLVMIsAArgument(k.base) && !k.deref))
		return (struct vkey){k.base, ft->off, true};
	return out;
}

/* The pointer an integer was made from: `ptrtoint p`, or a phi or select of such integers and
 * constants (a Vec's buffer that -O2 keeps as an address, with its dangling constant on the
 * empty path); NULL when there is none or they disagree. */
static struct vkey int_source(struct summaries *s, struct ir_fn *f, LLVMValueRef x, bool object,
			      struct walk *w, int depth)
{
	struct vkey none = {NULL, 0, false};
	if (LLVMIsAPtrToIntInst(x))
		return key_at(s, f, LLVMGetOperand(x, 0), object, w);
	if (LLVMIsALoadInst(x) && holds_pointer(LLVMTypeOf(x)))
		return key_at(s, f, x, object, w);
	if (depth > 3 || !ir_merge_count(x) || !summary_charge(f, 1))
		return none;
	struct vkey agreed = none;
	for (unsigned i = 0, n = ir_merge_count(x); i < n; i++) {
		LLVMValueRef in = ir_merge_input(x, i);
		if (LLVMIsAConstantInt(in))
			continue;
		struct vkey k = int_source(s, f, in, object, w, depth + 1);
		if (!k.base || (agreed.base && !vkey_equal(&agreed, &k)))
			return none;
		agreed = k;
	}
	return agreed;
}

/* Numbers the blocks of `f` in reverse postorder of a walk from its entry (1, 2, ...; blocks the
 * walk never reaches have none). */
static void number_blocks(struct ir_fn *f, struct map *order)
{
	struct frame {
		LLVMBasicBlockRef bb;
		unsigned next;
	} *stack = NULL;
	size_t n = 0, cap = 0, count = 0;
	LLVMBasicBlockRef *post = NULL;
	size_t n_post = 0, cap_post = 0;
	struct map seen;
	map_init(&seen, false);
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->body);
	VEC_RESERVE(stack, cap, 1);
	stack[n++] = (struct frame){entry, 0};
	map_put(&seen, entry, entry);
	while (n) {
		struct frame *top = &stack[n - 1];
		LLVMValueRef term = LLVMGetBasicBlockTerminator(top->bb);
		unsigned k = term ? LLVMGetNumSuccessors(term) : 0;
		if (top->next < k) {
			LLVMBasicBlockRef next = LLVMGetSuccessor(term, top->next++);
			if (!map_get(&seen, next)) {
				map_put(&seen, next, next);
				VEC_RESERVE(stack, cap, n + 1);
				stack[n++] = (struct frame){next, 0};
			}
			continue;
		}
		VEC_RESERVE(post, cap_post, n_post + 1);
		post[n_post++] = top->bb;
		n--;
	}
	for (size_t i = n_post; i-- > 0;)
		map_put(order, post[i], (void *)(uintptr_t)++count);
	free(stack);
	free(post);
	map_release(&seen);
}

/* Whether phi input `i` comes around a loop: along an edge that goes back in reverse postorder
 * (from a block the phi's own block reaches first). Such a phi holds the previous iteration's
 * value of what it merges. Layout order would not do: -O0 Rust lays blocks out in MIR order,
 * where a branch's join often comes before one of its arms. */
static bool loop_carried(struct ir_fn *f, LLVMValueRef phi, unsigned i)
{
	struct summary *sum = f->summary;
	if (!sum->block_order.cap) {
		map_init(&sum->block_order, false);
		number_blocks(f, &sum->block_order);
	}
	uintptr_t at = (uintptr_t)map_get(&sum->block_order, LLVMGetInstructionParent(phi));
	uintptr_t from = (uintptr_t)map_get(&sum->block_order, LLVMGetIncomingBlock(phi, i));
	return from && from >= at;
}

/* A phi or select names one pointer when its non-null inputs all do, none of them around a loop
 * (the value of the previous iteration is another object than this iteration's). Rust's
 * NonNull::dangling() is no null: no test of it prunes the paths where the phi holds it. */
static struct vkey merged(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object,
			  struct walk *w)
{
	struct vkey self = {v, 0, false};
	struct vkey agreed = {NULL, 0, false};
	bool phi = LLVMIsAPHINode(v);
	for (unsigned i = 0, n = ir_merge_count(v); i < n; i++) {
		LLVMValueRef in = ir_merge_input(v, i);
		if (LLVMIsAConstantPointerNull(in))
			continue;
		/* A pointer stepped through its object around a loop (`for (p = key; *p; p++)`)
		 * stays in that object; as a value it is another address each turn. */
		int64_t step;
		if (phi && loop_carried(f, v, i) &&
		    !(object && strip(s, in, &step, false, true) == v))
			return self;
		struct vkey k = key_at(s, f, in, object, w);
		if (k.base == v)
			continue;
		if (agreed.base && !vkey_equal(&agreed, &k))
			return self;
		agreed = k;
	}
	return agreed.base ? agreed : self;
}

static struct vkey key_at(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object,
			  struct walk *w)
{
	int64_t off;
	v = strip(s, v, &off, false, object);
	struct vkey self = {v, 0, false};
	/* Only these look further; everything else names itself, with nothing to remember. */
	bool load = LLVMIsALoadInst(v) && holds_pointer(LLVMTypeOf(v));
	bool extract = LLVMIsAExtractValueInst(v) && LLVMGetNumIndices(v) == 1 &&
		       ir_is_call(LLVMGetOperand(v, 0));
	bool from_int = LLVMIsAIntToPtrInst(v);
	if (!load && !extract && !from_int && !ir_is_call(v) && !ir_merge_count(v))
		return self;
	struct summary *sum = f->summary;
	size_t at = memo_of(sum, v);
	struct key_memo *m = &sum->memo_v[at];
	if (m->known[object])
		return m->key[object];
	if (m->depth[object] >= 0) {
		if (m->depth[object] < w->low)
			w->low = m->depth[object];
		return self;
	}
	if (w->n == MAX_DEPTH || !summary_charge(f, 1)) {
		f->summary->exhausted = true;
		return self;
	}
	int depth = w->n++, low = w->low;
	m->depth[object] = depth;
	w->low = depth + 1;
	struct vkey k = self;

	if (load) {
		LLVMValueRef base = strip(s, LLVMGetOperand(v, 0), &off, true, false);
		struct vkey bk = key_at(s, f, base, false, w);
		if (!deref_at(s, f, bk, off, v, &k, w, NULL))
			k = self;
	} else if (ir_is_call(v)) {
		const struct fact *ft = returned_param(s, v, -1);
		if (ft)
			k = via_callee(s, f, v, ft, v, w);
		else
			k = two_down_returned(s, f, v, w);
	} else if (extract) {
		LLVMValueRef agg = LLVMGetOperand(v, 0);
		const struct fact *ft = returned_param(s, agg, (int)LLVMGetIndices(v)[0]);
		if (ft)
			k = via_callee(s, f, agg, ft, v, w);
	} else if (from_int) {
		k = int_source(s, f, LLVMGetOperand(v, 0), object, w, 0);
		if (!k.base)
			k = self;
	} else {
		k = merged(s, f, v, object, w);
	}
	w->n--;
	/* A name that depended only on itself or on deeper values is final; one that depended on
	 * a caller's value still being worked out is not, and that dependency passes up. */
	int sub = w->low;
	m = &sum->memo_v[at];
	m->depth[object] = -1;
	if (sub >= depth) {
		m->known[object] = true;
		m->key[object] = k;
	}
	w->low = sub < depth && sub < low ? sub : low;
	return k;
}

bool summary_field_key(struct summaries *s, struct ir_fn *f, LLVMValueRef call, int field,
		       struct vkey *out)
{
	const struct fact *ft = ir_is_call(call) ? returned_param(s, call, field) : NULL;
	if (!ft)
		return false;
	struct walk w = {.n = 0, .low = 1 << 30};
	*out = via_callee(s, f, call, ft, call, &w);
	return out->base != call;
}

struct vkey summary_key(struct summaries *s, struct ir_fn *f, LLVMValueRef v, bool object)
{
	struct walk w = {.n = 0, .low = 1 << 30};
	return key_at(s, f, v, object, &w);
}

bool summary_merge_names(struct summaries *s, struct ir_fn *f, LLVMValueRef phi,
			 const struct vkey *k)
{
	struct walk w = {.n = 0, .low = 1 << 30};
	LLVMTypeKind t = LLVMGetTypeKind(LLVMTypeOf(phi));
	struct vkey got = t == LLVMPointerTypeKind   ? key_at(s, f, phi, false, &w)
			  : t == LLVMIntegerTypeKind ? int_source(s, f, phi, false, &w, 0)
						     : (struct vkey){NULL, 0, false};
	return got.base && got.base != phi && vkey_equal(&got, k);
}

bool summary_key_load(struct summaries *s, struct ir_fn *f, LLVMValueRef addr, int64_t off,
		      LLVMValueRef at, struct vkey *out, LLVMValueRef *by)
{
	int64_t o;
	struct walk w = {.n = 0, .low = 1 << 30};
	LLVMValueRef base = strip(s, addr, &o, true, false);
	if (by)
		*by = NULL;
	return deref_at(s, f, key_at(s, f, base, false, &w), o + off, at, out, &w, by);
}

int64_t summary_param_puts(const struct ir_fn *f, unsigned param, const int64_t **offs)
{
	const struct summary *sum = f->summary;
	if (param >= sum->n_param_puts) {
		*offs = NULL;
		return 0;
	}
	*offs = sum->param_puts[param].off;
	return (int64_t)sum->param_puts[param].n;
}

LLVMValueRef summary_left_at(struct summaries *s, struct ir_fn *f, unsigned param, int64_t off,
			     LLVMValueRef ret)
{
	LLVMValueRef v = NULL, by;
	enum def d = content_before(s, f, NULL, LLVMGetParam(f->body, param), off, ret, &v, &by);
	return d == DEF_VALUE && !LLVMIsAConstantPointerNull(v) ? v : NULL;
}

bool summary_slot_tracked(struct summaries *s, struct ir_fn *f, LLVMValueRef addr)
{
	int64_t off;
	LLVMValueRef base = strip(s, addr, &off, true, false);
	if (!is_local_alloca(f, base))
		return false;
	struct slot_list *l = slots_of(f, base, false);
	if (!l || l->clobbered)
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].off == off)
			return l->v[i].value != NULL;
	return false;
}

/* Where a function may put a pointer into an object: byte ranges from its start, or anywhere. */
#define MAX_WRITES 8

struct obj_writes {
	bool any;
	size_t n;
	int64_t from[MAX_WRITES], to[MAX_WRITES];
};

static void written(struct obj_writes *w, int64_t from, int64_t to)
{
	if (w->n == MAX_WRITES) {
		w->any = true;
		return;
	}
	w->from[w->n] = from;
	w->to[w->n++] = to;
}

/* Records in `w` what `f` may write through `v`, `base` bytes into the object (the store
 * `except` left out): its uses are loads, null tests, returns, stores, constant GEPs to its
 * fields (followed), releases, and calls that neither keep it nor clobber it; anything else
 * may write anywhere. */
static void obj_writes(struct summaries *s, struct ir_fn *f, LLVMValueRef v, int64_t base,
		       LLVMValueRef except, int depth, struct obj_writes *w)
{
	for (LLVMUseRef u = LLVMGetFirstUse(v); u && !w->any; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (!summary_charge(f, 1)) {
			w->any = true;
			return;
		}
		if (LLVMIsALoadInst(user) || LLVMIsAICmpInst(user) || LLVMIsAReturnInst(user))
			continue;
		if (LLVMIsAStoreInst(user)) {
			LLVMValueRef val = LLVMGetOperand(user, 0);
			if (val == v)
				w->any = true; /* the object itself kept somewhere */
			else if (user != except)
				written(w, base,
					base +
					    (int64_t)LLVMABISizeOfType(s->layout, LLVMTypeOf(val)));
			continue;
		}
		int64_t go;
		if (LLVMIsAGetElementPtrInst(user) && LLVMGetOperand(user, 0) == v) {
			if (depth < 3 && ir_gep_offset(s->layout, user, &go, NULL, NULL))
				obj_writes(s, f, user, base + go, except, depth + 1, w);
			else
				w->any = true;
			continue;
		}
		if (!ir_is_call(user) || LLVMGetCalledValue(user) == v) {
			w->any = true;
			continue;
		}
		LLVMValueRef callee = ir_program_callee(s->program, user);
		if (callee && LLVMGetIntrinsicID(callee)) {
			/* Marks, and copies out of the object, leave it as it is. */
			bool source = (ir_intrinsic_named(user, "llvm.memcpy") ||
				       ir_intrinsic_named(user, "llvm.memmove")) &&
				      LLVMGetOperand(user, 0) != v;
			w->any = w->any || (!source && !ir_intrinsic_named(user, "llvm.lifetime."));
			continue;
		}
		const struct alloc_fact *af = callee ? summary_allocator(s, callee) : NULL;
		const struct summary *gs = summary_of_callee(s, user);
		for (unsigned i = 0, n = LLVMGetNumArgOperands(user); i < n && !w->any; i++) {
			if (LLVMGetOperand(user, i) != v)
				continue;
			if (af) {
				w->any = af->role != ALLOC_RELEASES;
				continue;
			}
			if (!gs || i >= 64 || summary_call_clobbers(s, user, i) ||
			    summary_call_captures(s, user, i) || ((gs->ptr_clobbers >> i) & 1)) {
				w->any = true;
				continue;
			}
			for (size_t k = 0; k < gs->n_stored; k++)
				if (gs->stored[k].into == (int)i)
					written(w, base + gs->stored[k].off,
						base + gs->stored[k].off + 8);
			for (size_t k = 0; k < gs->n_copies; k++)
				if (gs->copies[k].into == (int)i)
					written(w, base + gs->copies[k].into_off,
						base + gs->copies[k].into_off + gs->copies[k].len);
		}
	}
}

static bool writes_at(const struct obj_writes *w, int64_t off)
{
	for (size_t i = 0; !w->any && i < w->n; i++)
		if (w->from[i] < off + 8 && off < w->to[i])
			return true;
	return w->any;
}

bool summary_field_kept(struct summaries *s, struct ir_fn *f, LLVMValueRef obj, int64_t off,
			LLVMValueRef except)
{
	struct obj_writes mine = {0};
	if (except) {
		obj_writes(s, f, obj, 0, except, 0, &mine);
		return !writes_at(&mine, off);
	}
	/* Asked again for every use of the field: worked out once per object. */
	struct summary *sum = f->summary;
	size_t i = (uintptr_t)map_get(&sum->obj_writes, obj);
	if (!i) {
		VEC_RESERVE(sum->obj_w, sum->cap_obj_w, sum->n_obj_w + 1);
		i = ++sum->n_obj_w;
		sum->obj_w[i - 1] = (struct obj_writes){0};
		obj_writes(s, f, obj, 0, NULL, 0, &sum->obj_w[i - 1]);
		map_put(&sum->obj_writes, obj, (void *)(uintptr_t)i);
	}
	return !writes_at(&sum->obj_w[i - 1], off);
}

bool summary_sibling_fields(struct summaries *s, LLVMValueRef a, LLVMValueRef b)
{
	if (LLVMIsAExtractValueInst(a) && LLVMIsAExtractValueInst(b))
		return LLVMGetOperand(a, 0) == LLVMGetOperand(b, 0);
	if (!LLVMIsALoadInst(a) || !LLVMIsALoadInst(b))
		return false;
	int64_t oa, ob;
	return strip(s, LLVMGetOperand(a, 0), &oa, true, false) ==
	       strip(s, LLVMGetOperand(b, 0), &ob, true, false);
}

LLVMValueRef summary_base_offset(struct summaries *s, LLVMValueRef v, int64_t *off)
{
	LLVMValueRef base = strip(s, v, off, true, false);
	/* A variable index left on top means the offset is unknown. */
	return LLVMIsAGetElementPtrInst(base) ? NULL : base;
}
