/* Path questions inside one function: is there a path from here to there (or to a return) that
 * avoids these instructions? Branches that only skip a no-op release are pruned; nothing else. */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* The value a size is computed from by operations that keep zero zero and non-zero non-zero
 * (widening, multiplying by a non-zero constant without wrapping): Rust computes the byte size it
 * deallocates from the capacity that its drop tests for zero. */
static LLVMValueRef zero_root(LLVMValueRef v)
{
	for (int i = 0; i < 8; i++) {
		LLVMOpcode op = LLVMIsAInstruction(v) ? LLVMGetInstructionOpcode(v) : 0;
		if (op == LLVMZExt || op == LLVMSExt) {
			v = LLVMGetOperand(v, 0);
			continue;
		}
		if ((op == LLVMShl || op == LLVMMul) && LLVMGetNUW(v) &&
		    LLVMIsAConstantInt(LLVMGetOperand(v, 1)) &&
		    (op == LLVMShl || LLVMConstIntGetZExtValue(LLVMGetOperand(v, 1)) != 0)) {
			v = LLVMGetOperand(v, 0);
			continue;
		}
		break;
	}
	return v;
}

/* True when `v` is the guarded pointer, or (if asked) an argument of a blocking call or a field
 * beside its pointer: releasing a null pointer or zero bytes (Rust skips deallocating size 0,
 * and tests the length beside the pointer once fat LTO has inlined dealloc down to free) is no
 * release at all. */
static bool guarded(struct summaries *s, struct ir_fn *f, const struct cfg_query *q, LLVMValueRef v)
{
	if (q->guard) {
		struct vkey k = summary_key(s, f, v, false);
		if (vkey_equal(&k, q->guard))
			return true;
	}
	if (!q->guard_blocker_args)
		return false;
	for (size_t i = 0; i < q->n_blockers; i++) {
		LLVMValueRef b = q->blockers[i];
		if (!ir_is_call(b))
			continue;
		unsigned n = LLVMGetNumArgOperands(b);
		for (unsigned a = 0; a < n; a++) {
			LLVMValueRef arg = LLVMGetOperand(b, a);
			if (arg == v || (LLVMGetTypeKind(LLVMTypeOf(arg)) == LLVMPointerTypeKind &&
					 summary_sibling_fields(s, arg, v)))
				return true;
			if (LLVMGetTypeKind(LLVMTypeOf(arg)) == LLVMIntegerTypeKind &&
			    zero_root(arg) == zero_root(v))
				return true;
		}
	}
	return false;
}

static bool is_zero(LLVMValueRef v)
{
	return (LLVMIsAConstantPointerNull(v) || LLVMIsAConstantInt(v)) && LLVMIsNull(v);
}

/* For a branch condition, which successor (0 = true, 1 = false) is the "guarded value is null"
 * side, or -1 when the condition is no such test. *one_way: only that side is certain (the value
 * is null there), the other is not certainly non-null: a null test or'ed or and'ed with another
 * condition (`assert!(p.is_null() && ..)` folded into one branch). */
static int null_side(struct summaries *s, struct ir_fn *f, const struct cfg_query *q,
		     LLVMValueRef cond, int depth, bool *one_way)
{
	if (depth > 4)
		return -1;
	if (LLVMIsAICmpInst(cond)) {
		LLVMIntPredicate pred = LLVMGetICmpPredicate(cond);
		if (pred != LLVMIntEQ && pred != LLVMIntNE)
			return -1;
		LLVMValueRef a = LLVMGetOperand(cond, 0), b = LLVMGetOperand(cond, 1);
		LLVMValueRef v = is_zero(b) ? a : is_zero(a) ? b : NULL;
		if (v && LLVMIsAPtrToIntInst(v))
			v = LLVMGetOperand(v, 0);
		if (!v || !guarded(s, f, q, v))
			return -1;
		return pred == LLVMIntEQ ? 0 : 1;
	}
	LLVMOpcode op = LLVMIsAInstruction(cond) ? LLVMGetInstructionOpcode(cond) : 0;
	/* Rust's Option discriminant at -O0: trunc (select (p == null), 0, 1). */
	if (op == LLVMTrunc || op == LLVMZExt)
		return null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1, one_way);
	if (op == LLVMSelect && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMIsAConstantInt(LLVMGetOperand(cond, 2))) {
		bool t = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) != 0;
		bool e = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 2)) != 0;
		int side =
		    t != e ? null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1, one_way) : -1;
		return side < 0 ? -1 : t ? side : 1 - side;
	}
	if (op == LLVMXor && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) == 1) {
		int side = null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1, one_way);
		return side < 0 ? -1 : 1 - side;
	}
	/* a || b is false only when both are, a && b true only when both are: that side of a test
	 * of either one is certain. (select a, true, b) and (select a, b, false) are the logical
	 * forms. */
	LLVMValueRef x[2] = {NULL, NULL};
	int certain = -1;
	if (op == LLVMOr || op == LLVMAnd) {
		x[0] = LLVMGetOperand(cond, 0);
		x[1] = LLVMGetOperand(cond, 1);
		certain = op == LLVMOr ? 1 : 0;
	} else if (op == LLVMSelect) {
		LLVMValueRef t = LLVMGetOperand(cond, 1), e = LLVMGetOperand(cond, 2);
		x[0] = LLVMGetOperand(cond, 0);
		if (LLVMIsAConstantInt(t) && LLVMConstIntGetZExtValue(t) == 1) {
			x[1] = e;
			certain = 1;
		} else if (LLVMIsAConstantInt(e) && LLVMConstIntGetZExtValue(e) == 0) {
			x[1] = t;
			certain = 0;
		}
	}
	for (int i = 0; certain >= 0 && i < 2; i++) {
		bool ignored = false;
		if (LLVMTypeOf(x[i]) == LLVMTypeOf(cond) &&
		    null_side(s, f, q, x[i], depth + 1, &ignored) == certain) {
			*one_way = true;
			return certain;
		}
	}
	if (ir_is_call(cond)) {
		/* A callee that returns (param == null): Rust's is_null() at -O0. */
		const struct summary *sum = summary_of_callee(s, cond);
		if (sum && sum->null_test >= 0 &&
		    (unsigned)sum->null_test < LLVMGetNumArgOperands(cond) &&
		    guarded(s, f, q, LLVMGetOperand(cond, (unsigned)sum->null_test)))
			return 0;
	}
	return -1;
}

/* Flags a path sets: Rust's drop flags (an i1 or i8 merged by phis, one per value that may
 * have been moved or dropped already), known to be constant on the path walked so far. A
 * cleanup that drops a value only when its flag is set is not reached on a path that cleared it
 * (`drop(x)`, then code that may unwind). Up to MAX_FLAGS per path, of those still read
 * further on (struct flag_live); up to MAX_STATES different sets of them per block. */
#define MAX_FLAGS 8
#define MAX_STATES 4

struct flags {
	LLVMValueRef phi[MAX_FLAGS];
	uint64_t value[MAX_FLAGS];
	int n;
};

/* A block still to walk: entered from `pred` (NULL: the walk starts inside it) with `flags`. */
struct pending {
	LLVMBasicBlockRef bb, pred;
	struct flags flags;
};

/* The flag states a block was walked with. */
struct visits {
	struct flags with[MAX_STATES];
	int n;
	bool all;         /* past MAX_STATES: walked with `met` */
	struct flags met; /* what every path walked into it agrees on */
};

struct search {
	struct pending *stack;
	size_t n, cap;
	struct map seen; /* block -> its struct visits */
	struct visits **visits;
	size_t n_visits, cap_visits;
	struct map blockers; /* when there are many */
};

static bool blocked(const struct cfg_query *q, const struct search *st, LLVMValueRef inst)
{
	if (st->blockers.cap)
		return map_get(&st->blockers, inst) != NULL;
	for (size_t i = 0; i < q->n_blockers; i++)
		if (q->blockers[i] == inst)
			return true;
	return false;
}

static bool flag_of(const struct flags *fl, LLVMValueRef v, uint64_t *out)
{
	if (LLVMIsAConstantInt(v)) {
		*out = LLVMConstIntGetZExtValue(v);
		return true;
	}
	for (int i = 0; i < fl->n; i++)
		if (fl->phi[i] == v) {
			*out = fl->value[i];
			return true;
		}
	return false;
}

static bool is_flag_phi(LLVMValueRef phi)
{
	LLVMTypeRef t = LLVMTypeOf(phi);
	return LLVMGetTypeKind(t) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) <= 8;
}

/* Which flags a walk still needs to know where: the flag phis of a function numbered block by
 * block, and per block the flags read at or after it once its own phis are set (a backward
 * dataflow pass over the blocks, once per function). A flag no path reads again is forgotten,
 * so that many drop flags of other values (std's large functions merge dozens) neither crowd
 * out the one a later test reads nor split the states a block is walked with. */
struct flag_live {
	struct map flag;  /* flag phi -> its number + 1 */
	struct map block; /* basic block -> its number + 1 */
	size_t *first;    /* per block: the number of its first flag phi; first[n_blocks]: all */
	uint64_t *needed; /* per block: words bits */
	size_t words;
	bool all; /* not worked out (too large): every flag counts as needed */
};

/* The record of a function without flag phis: no flag, no block (never written). */
static struct flag_live no_flags;

#define LIVE_MAX_WORDS ((size_t)1 << 20)
#define LIVE_MAX_ROUNDS 32

static bool live_test(const struct flag_live *l, size_t b, size_t k)
{
	return (l->needed[b * l->words + k / 64] >> (k % 64)) & 1;
}

static void live_set(struct flag_live *l, size_t b, size_t k)
{
	l->needed[b * l->words + k / 64] |= (uint64_t)1 << (k % 64);
}

/* Marks flag `k` read in the block of `user`, and through values computed from it (the trunc,
 * and, or, select and compare a branch reads), in theirs. A phi given it reads it at the end of
 * the block it comes from. */
static void mark_reads(struct ir_fn *f, struct flag_live *l, LLVMValueRef v, size_t k, int depth)
{
	for (LLVMUseRef u = LLVMGetFirstUse(v); u && summary_charge(f, 1); u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (!LLVMIsAInstruction(user))
			continue;
		if (LLVMIsAPHINode(user)) {
			for (unsigned i = 0, n = LLVMCountIncoming(user); i < n; i++) {
				uintptr_t b =
				    (uintptr_t)map_get(&l->block, LLVMGetIncomingBlock(user, i));
				if (b && LLVMGetIncomingValue(user, i) == v)
					live_set(l, b - 1, k);
			}
			continue;
		}
		uintptr_t b = (uintptr_t)map_get(&l->block, LLVMGetInstructionParent(user));
		if (b)
			live_set(l, b - 1, k);
		if (depth < 4 && !LLVMIsATerminatorInst(user))
			mark_reads(f, l, user, k, depth + 1);
	}
}

static struct flag_live *flag_liveness(struct ir_fn *f)
{
	struct summary *sum = f->summary;
	if (sum->flag_live)
		return sum->flag_live;
	/* Most functions have no flag phi: then there is nothing to number, and they share one
	 * empty record. */
	bool any = false;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb && !any;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && LLVMIsAPHINode(i) && !any;
		     i = LLVMGetNextInstruction(i))
			any = is_flag_phi(i);
	if (!any)
		return sum->flag_live = &no_flags;
	struct flag_live *l = sum->flag_live = xcalloc(1, sizeof(*l));
	map_init(&l->flag, false);
	map_init(&l->block, false);
	size_t n_blocks = LLVMCountBasicBlocks(f->body), n_flags = 0, b = 0;
	LLVMBasicBlockRef *blocks = xmalloc((n_blocks + 1) * sizeof(*blocks));
	l->first = xmalloc((n_blocks + 1) * sizeof(*l->first));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb), b++) {
		blocks[b] = bb;
		l->first[b] = n_flags;
		map_put(&l->block, bb, (void *)(uintptr_t)(b + 1));
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && LLVMIsAPHINode(i);
		     i = LLVMGetNextInstruction(i))
			if (is_flag_phi(i))
				map_put(&l->flag, i, (void *)(uintptr_t)(++n_flags));
	}
	l->first[n_blocks] = n_flags;
	l->words = (n_flags + 63) / 64;
	l->all = n_blocks * l->words > LIVE_MAX_WORDS || !summary_charge(f, n_blocks * l->words);
	if (l->all || !n_flags) {
		free(blocks);
		return l;
	}
	l->needed = xcalloc(n_blocks * l->words, sizeof(*l->needed));
	for (size_t k = 0; k < n_blocks; k++)
		for (LLVMValueRef i = LLVMGetFirstInstruction(blocks[k]); i && LLVMIsAPHINode(i);
		     i = LLVMGetNextInstruction(i)) {
			uintptr_t n = (uintptr_t)map_get(&l->flag, i);
			if (n)
				mark_reads(f, l, i, n - 1, 0);
		}
	/* needed(b) |= needed(s) without s's own phis, for every successor s, until nothing
	 * changes; backwards over the layout, which -O2 and -O0 code mostly follow. */
	uint64_t *in = xmalloc(l->words * sizeof(*in));
	bool changed = true;
	for (int round = 0; changed; round++) {
		if (round == LIVE_MAX_ROUNDS || !summary_charge(f, n_blocks * l->words)) {
			l->all = true;
			break;
		}
		changed = false;
		for (size_t k = n_blocks; k-- > 0;) {
			LLVMValueRef term = LLVMGetBasicBlockTerminator(blocks[k]);
			for (unsigned i = 0, n = term ? LLVMGetNumSuccessors(term) : 0; i < n;
			     i++) {
				size_t s =
				    (uintptr_t)map_get(&l->block, LLVMGetSuccessor(term, i)) - 1;
				memcpy(in, l->needed + s * l->words, l->words * sizeof(*in));
				for (size_t j = l->first[s]; j < l->first[s + 1]; j++)
					in[j / 64] &= ~((uint64_t)1 << (j % 64));
				uint64_t *out = l->needed + k * l->words;
				for (size_t w = 0; w < l->words; w++) {
					changed = changed || (in[w] & ~out[w]);
					out[w] |= in[w];
				}
			}
		}
	}
	free(in);
	free(blocks);
	return l;
}

/* Whether flag `phi` is read again once `bb` is entered. */
static bool flag_needed(const struct flag_live *l, LLVMBasicBlockRef bb, LLVMValueRef phi)
{
	if (l->all)
		return true;
	uintptr_t b = (uintptr_t)map_get(&l->block, bb), k = (uintptr_t)map_get(&l->flag, phi);
	return b && k && live_test(l, b - 1, k - 1);
}

void cfg_release(struct summary *sum)
{
	struct flag_live *l = sum->flag_live;
	sum->flag_live = NULL;
	if (!l || l == &no_flags)
		return;
	map_release(&l->flag);
	map_release(&l->block);
	free(l->first);
	free(l->needed);
	free(l);
}

/* The flags on entering `bb` from `pred`: its flag phis take their input from `pred`; only the
 * flags read again from here on are kept. */
static void enter(const struct flag_live *l, struct flags *fl, LLVMBasicBlockRef bb,
		  LLVMBasicBlockRef pred)
{
	struct flags out = {0};
	for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && LLVMIsAPHINode(i);
	     i = LLVMGetNextInstruction(i)) {
		if (!is_flag_phi(i) || out.n == MAX_FLAGS || !flag_needed(l, bb, i))
			continue;
		LLVMValueRef in = ir_phi_incoming(i, pred);
		uint64_t v;
		if (in && flag_of(fl, in, &v)) {
			out.phi[out.n] = i;
			out.value[out.n++] = v;
		}
	}
	/* Flags of blocks walked before stay known unless this block merges them anew. */
	for (int i = 0; i < fl->n && out.n < MAX_FLAGS; i++)
		if (LLVMGetInstructionParent(fl->phi[i]) != bb && flag_needed(l, bb, fl->phi[i]))
			out.phi[out.n] = fl->phi[i], out.value[out.n++] = fl->value[i];
	*fl = out;
}

/* The value of an i1 computed from known flags: `a && b` (an `and`, or `select a, b, false` as
 * LLVM writes it), `a || b`, and selects whose two sides agree. Rust tests a drop flag together
 * with the Option's discriminant: a cleared flag decides the whole test. */
static bool flag_bit(const struct flags *fl, LLVMValueRef v, int depth, bool *out)
{
	uint64_t k;
	LLVMOpcode op = LLVMIsAInstruction(v) ? LLVMGetInstructionOpcode(v) : 0;
	if (flag_of(fl, v, &k)) {
		*out = k & 1;
		return true;
	}
	if (depth > 4)
		return false;
	if (op == LLVMTrunc && flag_of(fl, LLVMGetOperand(v, 0), &k)) {
		*out = k & 1;
		return true;
	}
	bool a, b;
	if (op == LLVMAnd || op == LLVMOr) {
		bool ka = flag_bit(fl, LLVMGetOperand(v, 0), depth + 1, &a);
		bool kb = flag_bit(fl, LLVMGetOperand(v, 1), depth + 1, &b);
		bool zero = op == LLVMAnd ? false : true; /* the value that decides alone */
		if ((ka && a == zero) || (kb && b == zero)) {
			*out = zero;
			return true;
		}
		if (ka && kb) {
			*out = a;
			return true;
		}
		return false;
	}
	if (op == LLVMSelect) {
		bool c;
		if (flag_bit(fl, LLVMGetOperand(v, 0), depth + 1, &c))
			return flag_bit(fl, LLVMGetOperand(v, c ? 1 : 2), depth + 1, out);
		if (flag_bit(fl, LLVMGetOperand(v, 1), depth + 1, &a) &&
		    flag_bit(fl, LLVMGetOperand(v, 2), depth + 1, &b) && a == b) {
			*out = a;
			return true;
		}
	}
	return false;
}

/* The successor a branch on a known flag takes (0 or 1), or -1. */
static int flag_branch(const struct flags *fl, LLVMValueRef cond)
{
	uint64_t v;
	bool bit;
	if (LLVMIsAICmpInst(cond) && flag_of(fl, LLVMGetOperand(cond, 0), &v) &&
	    LLVMIsAConstantInt(LLVMGetOperand(cond, 1))) {
		uint64_t c = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1));
		LLVMIntPredicate p = LLVMGetICmpPredicate(cond);
		if (p == LLVMIntEQ || p == LLVMIntNE)
			return (v == c) == (p == LLVMIntEQ) ? 0 : 1;
		return -1;
	}
	return flag_bit(fl, cond, 0, &bit) ? (bit ? 0 : 1) : -1;
}

/* Whether `v` is the value of the query's tag: a load from its object at its offset, or the
 * field of the aggregate it is. */
static bool is_tag_load(struct summaries *s, const struct tag *t, LLVMValueRef v)
{
	int64_t off;
	if (!t->object || LLVMTypeOf(v) != LLVMTypeOf(t->value))
		return false;
	if (LLVMGetTypeKind(LLVMTypeOf(t->object)) == LLVMStructTypeKind)
		return LLVMIsAExtractValueInst(v) && LLVMGetOperand(v, 0) == t->object &&
		       LLVMGetNumIndices(v) == 1 && LLVMGetIndices(v)[0] == t->off;
	return LLVMIsALoadInst(v) &&
	       summary_base_offset(s, LLVMGetOperand(v, 0), &off) == t->object && off == t->off;
}

/* Whether the tag, holding its value (eq) or not, rules out that `tagged` equals `c`
 * (1), that it differs (0), or neither (-1). */
static int tag_rules_out(const struct tag *t, LLVMValueRef c)
{
	if (!LLVMIsAConstantInt(c) || LLVMTypeOf(c) != LLVMTypeOf(t->value))
		return -1;
	bool same = c == t->value; /* constants are unique */
	if (t->eq)
		return same ? 0 : 1;
	return same ? 1 : -1;
}

static int tag_side(struct summaries *s, const struct tag *t, LLVMValueRef cond, int depth);

/* For `sel` = select c, C1, C2 of constants compared with constant `k`: which side of "sel == k"
 * (0: true) the tag rules out, or -1. */
static int select_side(struct summaries *s, const struct tag *t, LLVMValueRef sel, LLVMValueRef k,
		       int depth)
{
	LLVMValueRef c1 = LLVMGetOperand(sel, 1), c2 = LLVMGetOperand(sel, 2);
	if (!LLVMIsAConstantInt(c1) || !LLVMIsAConstantInt(c2) || (c1 == k) == (c2 == k))
		return -1;
	/* sel == k exactly when c is (c1 == k) or is not (c2 == k). */
	int side = tag_side(s, t, LLVMGetOperand(sel, 0), depth + 1);
	return side < 0 ? -1 : c1 == k ? side : 1 - side;
}

/* Which successor of a branch on `cond` (0: where it is true) the tag rules out, or -1: `cond`
 * compares the tag with a constant, directly or as Rust computes a discriminant at -O0
 * (trunc (select (tag == K), 0, 1))). */
static int tag_side(struct summaries *s, const struct tag *t, LLVMValueRef cond, int depth)
{
	if (depth > 4)
		return -1;
	if (LLVMIsAICmpInst(cond)) {
		LLVMIntPredicate pred = LLVMGetICmpPredicate(cond);
		LLVMValueRef a = LLVMGetOperand(cond, 0), b = LLVMGetOperand(cond, 1);
		if (pred != LLVMIntEQ && pred != LLVMIntNE)
			return -1;
		if (LLVMIsASelectInst(a) && LLVMIsAConstantInt(b)) {
			/* -O0's discriminant compared with a variant's index: (select c, 0, 1) ==
			 * 0. */
			int side = select_side(s, t, a, b, depth);
			return side < 0 ? -1 : pred == LLVMIntEQ ? side : 1 - side;
		}
		int out = is_tag_load(s, t, a)   ? tag_rules_out(t, b)
			  : is_tag_load(s, t, b) ? tag_rules_out(t, a)
						 : -1;
		if (out < 0)
			return -1;
		int equal_side = pred == LLVMIntEQ ? 0 : 1;
		return out == 1 ? equal_side : 1 - equal_side;
	}
	LLVMOpcode op = LLVMIsAInstruction(cond) ? LLVMGetInstructionOpcode(cond) : 0;
	/* The tag itself as a bool (-O0 Rust's `match` on an Option's 0/1 discriminant): while it
	 * is known, so is its low bit. */
	if (op == LLVMTrunc && LLVMGetIntTypeWidth(LLVMTypeOf(cond)) == 1 &&
	    is_tag_load(s, t, LLVMGetOperand(cond, 0)))
		return t->eq ? (LLVMConstIntGetZExtValue(t->value) & 1 ? 1 : 0) : -1;
	if (op == LLVMTrunc || op == LLVMZExt)
		return tag_side(s, t, LLVMGetOperand(cond, 0), depth + 1);
	if (op == LLVMSelect && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMIsAConstantInt(LLVMGetOperand(cond, 2))) {
		bool on_true = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) & 1;
		bool on_false = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 2)) & 1;
		int side =
		    on_true != on_false ? tag_side(s, t, LLVMGetOperand(cond, 0), depth + 1) : -1;
		return side < 0 ? -1 : on_true ? side : 1 - side;
	}
	if (op == LLVMXor && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) == 1) {
		int side = tag_side(s, t, LLVMGetOperand(cond, 0), depth + 1);
		return side < 0 ? -1 : 1 - side;
	}
	return -1;
}

/* Whether successor `i` of `term` cannot be taken while the query's tag holds: a branch on
 * the tag compared with a constant, or a switch on it. */
static bool tag_prunes(struct summaries *s, const struct cfg_query *q, LLVMValueRef term,
		       unsigned i)
{
	const struct tag *t = q->tag;
	if (!t || !t->set)
		return false;
	if (LLVMIsASwitchInst(term)) {
		LLVMValueRef on = LLVMGetOperand(term, 0);
		if (LLVMIsASelectInst(on)) {
			/* -O0's discriminant: switch (select c, 0, 1), case k: "on == k". */
			if (i == 0)
				return false;
			return select_side(s, t, on, LLVMGetSwitchCaseValue(term, i), 0) == 0;
		}
		if (!is_tag_load(s, t, on))
			return false;
		if (i > 0)
			return tag_rules_out(t, LLVMGetSwitchCaseValue(term, i)) == 1;
		/* The default: ruled out when a case holds the value the tag is known to be. */
		for (unsigned k = 1, n = LLVMGetNumSuccessors(term); t->eq && k < n; k++)
			if (tag_rules_out(t, LLVMGetSwitchCaseValue(term, k)) == 0)
				return true;
		return false;
	}
	return LLVMIsABranchInst(term) && LLVMIsConditional(term) &&
	       tag_side(s, t, LLVMGetCondition(term), 0) == (int)i;
}

static void st_push(struct search *st, LLVMBasicBlockRef bb, LLVMBasicBlockRef pred,
		    const struct flags *fl)
{
	VEC_RESERVE(st->stack, st->cap, st->n + 1);
	st->stack[st->n++] = (struct pending){bb, pred, *fl};
}

static void push_successors(struct summaries *s, struct ir_fn *f, const struct cfg_query *q,
			    struct search *st, LLVMValueRef term, const struct flags *fl)
{
	unsigned n = LLVMGetNumSuccessors(term);
	int skip = -1;
	if (LLVMIsABranchInst(term) && LLVMIsConditional(term)) {
		LLVMValueRef cond = LLVMGetCondition(term);
		int taken = flag_branch(fl, cond);
		if (taken >= 0)
			skip = 1 - taken;
		else {
			bool one_way = false;
			skip = null_side(s, f, q, cond, 0, &one_way);
			if (skip >= 0 && q->keep_null_side)
				skip = one_way ? -1 : 1 - skip;
		}
	}
	summary_charge(f, n);
	for (unsigned i = 0; i < n; i++) {
		if ((int)i == skip || tag_prunes(s, q, term, i))
			continue;
		st_push(st, LLVMGetSuccessor(term, i), LLVMGetInstructionParent(term), fl);
	}
}

/* Scans from `inst` to the end of its block: 1 goal reached, 0 blocked, -1 fell through (the
 * successors were pushed). */
static int scan(struct summaries *s, struct ir_fn *f, const struct cfg_query *q, struct search *st,
		LLVMValueRef inst, const struct flags *fl)
{
	for (; inst; inst = LLVMGetNextInstruction(inst)) {
		if (!summary_charge(f, 1))
			return 0;
		if (q->visit) {
			if (q->visit(q->data, inst))
				return 1;
		} else if (q->to && inst == q->to) {
			return 1;
		}
		if (blocked(q, st, inst) || (q->stop && q->stop(q->data, inst)))
			return 0;
		if (!q->to && !q->visit && LLVMIsAReturnInst(inst))
			return 1;
		if (LLVMIsATerminatorInst(inst)) {
			push_successors(s, f, q, st, inst, fl);
			return -1;
		}
	}
	return -1;
}

static bool same_flags(const struct flags *a, const struct flags *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++) {
		uint64_t v;
		if (!flag_of(b, a->phi[i], &v) || v != a->value[i])
			return false;
	}
	return true;
}

/* The flags `a` and `b` agree on: what is known on both paths. */
static struct flags meet(const struct flags *a, const struct flags *b)
{
	struct flags out = {0};
	for (int i = 0; i < a->n; i++) {
		uint64_t v;
		if (flag_of(b, a->phi[i], &v) && v == a->value[i])
			out.phi[out.n] = a->phi[i], out.value[out.n++] = v;
	}
	return out;
}

/* Whether `bb` is walked (again) with these flags, and with which: once per different set of
 * known flags, up to MAX_STATES of them; past that with only what they all agree on (`met`),
 * and again only when a path arrives that disagrees with that too, knowing less each time. A
 * walk with fewer flags known covers the paths of every walk it stands for, and a block is
 * walked at most MAX_STATES + MAX_FLAGS + 1 times. */
static bool first_visit(struct search *st, LLVMBasicBlockRef bb, struct flags *fl)
{
	/* A block first walked knowing no flag (most of them) needs no record of its own: this
	 * one, never written (its `met` knows nothing, so no later walk can know less). */
	static struct visits knowing_none = {.all = true};
	struct visits *v = map_get(&st->seen, bb);
	if (!v && !fl->n) {
		map_put(&st->seen, bb, &knowing_none);
		return true;
	}
	if (!v) {
		v = xcalloc(1, sizeof(*v));
		map_put(&st->seen, bb, v);
		VEC_RESERVE(st->visits, st->cap_visits, st->n_visits + 1);
		st->visits[st->n_visits++] = v;
	}
	if (v->all) {
		struct flags m = meet(&v->met, fl);
		if (m.n == v->met.n)
			return false;
		*fl = v->met = m;
		return true;
	}
	for (int i = 0; i < v->n; i++)
		if (same_flags(&v->with[i], fl))
			return false;
	if (!fl->n || v->n == MAX_STATES) {
		for (int i = 0; i < v->n; i++)
			*fl = meet(fl, &v->with[i]);
		v->met = *fl;
		v->all = true;
		return true;
	}
	v->with[v->n++] = *fl;
	return true;
}

bool cfg_path_exists(struct summaries *s, struct ir_fn *f, const struct cfg_query *q)
{
	struct search st = {0};
	struct flags none = {0};
	if (summary_exhausted(f))
		return false;
	map_init(&st.seen, false);
	map_init(&st.blockers, false);
	if (q->n_blockers > 8)
		for (size_t i = 0; i < q->n_blockers; i++)
			map_put(&st.blockers, q->blockers[i], f);
	const struct flag_live *live = flag_liveness(f);
	int found = -1;
	/* What happens at an invoke (a call's fresh result, a release it makes) happens when it
	 * returns normally: its unwind edge is no path from it. */
	if (q->from && LLVMIsAInvokeInst(q->from))
		st_push(&st, LLVMGetNormalDest(q->from), LLVMGetInstructionParent(q->from), &none);
	else if (q->from && LLVMIsATerminatorInst(q->from))
		push_successors(s, f, q, &st, q->from, &none);
	else if (q->from)
		found = scan(s, f, q, &st, LLVMGetNextInstruction(q->from), &none);
	else
		found = scan(s, f, q, &st, LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(f->body)),
			     &none);
	while (found != 1 && st.n) {
		struct pending p = st.stack[--st.n];
		if (q->cross && p.pred && q->cross(q->data, p.pred, p.bb))
			continue;
		enter(live, &p.flags, p.bb, p.pred);
		if (!first_visit(&st, p.bb, &p.flags))
			continue;
		found = scan(s, f, q, &st, LLVMGetFirstInstruction(p.bb), &p.flags);
	}
	free(st.stack);
	for (size_t i = 0; i < st.n_visits; i++)
		free(st.visits[i]);
	free(st.visits);
	map_release(&st.seen);
	map_release(&st.blockers);
	return found == 1 && !summary_exhausted(f);
}

/* Adds to `out` the blocks reached from the ends of the blocks on the stack, never entering
 * `avoid`. */
static bool blocks_from(struct ir_fn *f, LLVMBasicBlockRef first, LLVMBasicBlockRef avoid,
			struct map *out)
{
	LLVMBasicBlockRef *stack = NULL;
	size_t n = 0, cap = 0;
	VEC_RESERVE(stack, cap, 1);
	stack[n++] = first;
	while (n) {
		LLVMValueRef term = LLVMGetBasicBlockTerminator(stack[--n]);
		unsigned k = term ? LLVMGetNumSuccessors(term) : 0;
		if (!summary_charge(f, k + 1))
			break;
		for (unsigned i = 0; i < k; i++) {
			LLVMBasicBlockRef next = LLVMGetSuccessor(term, i);
			if (next == avoid || map_get(out, next))
				continue;
			map_put(out, next, next);
			VEC_RESERVE(stack, cap, n + 1);
			stack[n++] = next;
		}
	}
	free(stack);
	return !summary_exhausted(f);
}

bool cfg_blocks_after(struct ir_fn *f, LLVMBasicBlockRef bb, struct map *out)
{
	return blocks_from(f, bb, NULL, out);
}

bool cfg_blocks_avoiding(struct ir_fn *f, LLVMBasicBlockRef avoid, struct map *out)
{
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->body);
	if (entry == avoid)
		return !summary_exhausted(f);
	map_put(out, entry, entry);
	return blocks_from(f, entry, avoid, out);
}
