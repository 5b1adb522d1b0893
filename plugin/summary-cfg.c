/* Path questions inside one function: is there a path from here to there (or to a return) that
 * avoids these instructions? Branches that only skip a no-op release are pruned; nothing else. */
#include "summary.h"

#include <stdlib.h>

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
	return LLVMIsAConstantPointerNull(v) ||
	       (LLVMIsAConstantInt(v) && LLVMConstIntGetZExtValue(v) == 0);
}

/* For a branch condition, which successor (0 = true, 1 = false) is the "guarded value is null"
 * side, or -1 when the condition is no such test. */
static int null_side(struct summaries *s, struct ir_fn *f, const struct cfg_query *q,
		     LLVMValueRef cond, int depth)
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
		return null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1);
	if (op == LLVMSelect && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMIsAConstantInt(LLVMGetOperand(cond, 2))) {
		bool t = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) != 0;
		bool e = LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 2)) != 0;
		int side = t != e ? null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1) : -1;
		return side < 0 ? -1 : t ? side : 1 - side;
	}
	if (op == LLVMXor && LLVMIsAConstantInt(LLVMGetOperand(cond, 1)) &&
	    LLVMConstIntGetZExtValue(LLVMGetOperand(cond, 1)) == 1) {
		int side = null_side(s, f, q, LLVMGetOperand(cond, 0), depth + 1);
		return side < 0 ? -1 : 1 - side;
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

struct search {
	LLVMBasicBlockRef *stack;
	size_t n, cap;
	struct map seen;
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

static void push_successors(struct summaries *s, struct ir_fn *f, const struct cfg_query *q,
			    struct search *st, LLVMValueRef term)
{
	unsigned n = LLVMGetNumSuccessors(term);
	int skip = -1;
	if (LLVMIsABranchInst(term) && LLVMIsConditional(term)) {
		LLVMValueRef cond = LLVMGetCondition(term);
		if (LLVMIsAConstantInt(cond))
			skip = LLVMConstIntGetZExtValue(cond) ? 1 : 0;
		else if ((skip = null_side(s, f, q, cond, 0)) >= 0 && q->keep_null_side)
			skip = 1 - skip;
	}
	summary_charge(f, n);
	for (unsigned i = 0; i < n; i++) {
		if ((int)i == skip)
			continue;
		VEC_RESERVE(st->stack, st->cap, st->n + 1);
		st->stack[st->n++] = LLVMGetSuccessor(term, i);
	}
}

/* Scans from `inst` to the end of its block: 1 goal reached, 0 blocked, -1 fell through (the
 * successors were pushed). */
static int scan(struct summaries *s, struct ir_fn *f, const struct cfg_query *q, struct search *st,
		LLVMValueRef inst)
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
			push_successors(s, f, q, st, inst);
			return -1;
		}
	}
	return -1;
}

bool cfg_path_exists(struct summaries *s, struct ir_fn *f, const struct cfg_query *q)
{
	struct search st = {0};
	if (summary_exhausted(f))
		return false;
	map_init(&st.seen, false);
	map_init(&st.blockers, false);
	if (q->n_blockers > 8)
		for (size_t i = 0; i < q->n_blockers; i++)
			map_put(&st.blockers, q->blockers[i], f);
	int found = -1;
	if (q->from && LLVMIsATerminatorInst(q->from))
		push_successors(s, f, q, &st, q->from);
	else if (q->from)
		found = scan(s, f, q, &st, LLVMGetNextInstruction(q->from));
	else
		found =
		    scan(s, f, q, &st, LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(f->body)));
	if (q->from == NULL)
		map_put(&st.seen, LLVMGetEntryBasicBlock(f->body), f);
	while (found != 1 && st.n) {
		LLVMBasicBlockRef bb = st.stack[--st.n];
		if (map_get(&st.seen, bb))
			continue;
		map_put(&st.seen, bb, f);
		found = scan(s, f, q, &st, LLVMGetFirstInstruction(bb));
	}
	free(st.stack);
	map_release(&st.seen);
	map_release(&st.blockers);
	return found == 1 && !summary_exhausted(f);
}
