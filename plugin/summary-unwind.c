/* May an exception leave this function? A resume behind an invoke that may unwind, a throw, or
 * a plain call to a function that may unwind, in a function not marked nounwind. Unknown
 * declarations called plainly are not guessed at. */
#include "summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The C++ runtime's throwing entry points and libstdc++'s std::__throw_* helpers. */
static bool throws(LLVMValueRef callee)
{
	static const char *const names[] = {"__cxa_throw", "__cxa_rethrow",
					    "_Unwind_RaiseException", "_Unwind_Resume",
					    "__cxa_rethrow_primary_exception"};
	size_t n;
	const char *name = LLVMGetValueName2(callee, &n);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return strncmp(name, "_ZSt", 4) == 0 && strstr(name, "__throw_") != NULL;
}

/* Rust's panic entry points, which crate-only bitcode declares (std's bodies are elsewhere):
 * core::panicking's, and the helpers of expect/unwrap and begin_panic. Those that cannot unwind
 * (panic_nounwind, panic_cannot_unwind) are declared nounwind and never get here. */
static bool panics(struct ir_fn *g)
{
	static const char *const names[] = {
	    "core::option::expect_failed", "core::option::unwrap_failed",
	    "core::result::unwrap_failed", "std::panicking::begin_panic", "std::rt::begin_panic"};
	if (!g || g->lang != FFIGUARD_LANG_RUST || !LLVMIsDeclaration(g->fn))
		return false;
	const char *name = ir_fn_name(g);
	if (strncmp(name, "core::panicking::", 17) == 0)
		return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(name, names[i], strlen(names[i])) == 0)
			return true;
	return false;
}

/* Whether a plain call reaches code whose unwinding is not known. */
static bool call_unknown(struct summaries *s, LLVMValueRef call)
{
	LLVMValueRef callee = ir_program_callee(s->program, call);
	if (!callee)
		return true;
	if (LLVMGetIntrinsicID(callee) || ir_attr(callee, LLVMAttributeFunctionIndex, "nounwind"))
		return false;
	struct ir_fn *g = map_get(&s->program->by_value, callee);
	const struct summary *gs = g ? summary_of(g) : NULL;
	return gs && !gs->modelled ? gs->unwind_unknown : true;
}

/* Unwinding under constant arguments: `zmq_setsockopt(s, ZMQ_LINGER, ..)` reaches none of the
 * string options' code that may throw. The callee's blocks a call can reach are those its
 * branches and switches on parameters the call passes constants for allow; constants passed on
 * are followed this deep. */
#define CONST_DEPTH 4
#define MAX_CONST_PARAMS 16

struct consts {
	LLVMValueRef v[MAX_CONST_PARAMS]; /* per parameter: a ConstantInt, or NULL */
	bool any;
};

/* The number of parameter `v` of its function (below MAX_CONST_PARAMS), or -1. */
static int param_number(LLVMValueRef v)
{
	if (!LLVMIsAArgument(v))
		return -1;
	LLVMValueRef fn = LLVMGetParamParent(v);
	for (unsigned i = 0, n = LLVMCountParams(fn); i < n && i < MAX_CONST_PARAMS; i++)
		if (LLVMGetParam(fn, i) == v)
			return (int)i;
	return -1;
}

static int64_t sext(uint64_t x, unsigned bits)
{
	return bits < 64 && (x >> (bits - 1)) & 1 ? (int64_t)(x | ~0ull << bits) : (int64_t)x;
}

/* The value of integer `v` in the callee when its parameters hold `c`, if known. */
static bool const_value(LLVMValueRef v, const struct consts *c, unsigned *bits, uint64_t *out)
{
	if (LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMIntegerTypeKind)
		return false;
	*bits = LLVMGetIntTypeWidth(LLVMTypeOf(v));
	if (*bits > 64)
		return false;
	uint64_t mask = *bits == 64 ? ~0ull : (1ull << *bits) - 1;
	if (LLVMIsAConstantInt(v)) {
		*out = LLVMConstIntGetZExtValue(v);
		return true;
	}
	if (LLVMIsAArgument(v)) {
		int i = param_number(v);
		return i >= 0 && c->v[i] && const_value(c->v[i], c, bits, out);
	}
	unsigned from;
	uint64_t x;
	switch (LLVMIsAInstruction(v) ? LLVMGetInstructionOpcode(v) : 0) {
	case LLVMZExt:
	case LLVMTrunc:
		if (!const_value(LLVMGetOperand(v, 0), c, &from, &x))
			return false;
		*out = x & mask;
		return true;
	case LLVMSExt:
		if (!const_value(LLVMGetOperand(v, 0), c, &from, &x))
			return false;
		*out = (uint64_t)sext(x, from) & mask;
		return true;
	default:
		return false;
	}
}

/* The successor of switch `term` for the value `x`: its cases are looked up in a table made
 * the first time (a case value is a uniqued constant), so that a switch of many options costs
 * one lookup per question. */
static int switch_target(struct summaries *s, LLVMValueRef term, unsigned bits, uint64_t x)
{
	struct map *cases = map_get(&s->switch_cases, term);
	if (!cases) {
		cases = xcalloc(1, sizeof(*cases));
		map_init(cases, false);
		for (unsigned j = LLVMGetNumSuccessors(term); j-- > 1;)
			map_put(cases, LLVMGetSwitchCaseValue(term, j), (void *)(uintptr_t)j);
		map_put(&s->switch_cases, term, cases);
		VEC_RESERVE(s->case_maps, s->cap_case_maps, s->n_case_maps + 1);
		s->case_maps[s->n_case_maps++] = cases;
	}
	LLVMValueRef v = LLVMConstInt(
	    LLVMIntTypeInContext(LLVMGetTypeContext(LLVMTypeOf(term)), bits), x, false);
	return (int)(uintptr_t)map_get(cases, v); /* 0: the default */
}

/* The one successor of `term` taken when the parameters hold `c`, or -1 when any may be. */
static int taken(struct summaries *s, LLVMValueRef term, const struct consts *c)
{
	unsigned bits, kb;
	uint64_t x, k;
	if (LLVMIsASwitchInst(term))
		return const_value(LLVMGetOperand(term, 0), c, &bits, &x)
			   ? switch_target(s, term, bits, x)
			   : -1;
	if (!LLVMIsABranchInst(term) || !LLVMIsConditional(term))
		return -1;
	LLVMValueRef cond = LLVMGetCondition(term);
	if (!LLVMIsAICmpInst(cond) || !const_value(LLVMGetOperand(cond, 0), c, &bits, &x) ||
	    !const_value(LLVMGetOperand(cond, 1), c, &kb, &k))
		return -1;
	bool holds;
	switch (LLVMGetICmpPredicate(cond)) {
	case LLVMIntEQ:
		holds = x == k;
		break;
	case LLVMIntNE:
		holds = x != k;
		break;
	case LLVMIntUGT:
		holds = x > k;
		break;
	case LLVMIntUGE:
		holds = x >= k;
		break;
	case LLVMIntULT:
		holds = x < k;
		break;
	case LLVMIntULE:
		holds = x <= k;
		break;
	case LLVMIntSGT:
		holds = sext(x, bits) > sext(k, bits);
		break;
	case LLVMIntSGE:
		holds = sext(x, bits) >= sext(k, bits);
		break;
	case LLVMIntSLT:
		holds = sext(x, bits) < sext(k, bits);
		break;
	case LLVMIntSLE:
		holds = sext(x, bits) <= sext(k, bits);
		break;
	default:
		return -1;
	}
	return holds ? 0 : 1;
}

/* The constants a call passes (literal, or a parameter of the caller that holds one in `outer`),
 * per callee parameter. */
static void call_consts(LLVMValueRef call, const struct consts *outer, struct consts *c)
{
	memset(c, 0, sizeof(*c));
	for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n && i < MAX_CONST_PARAMS; i++) {
		LLVMValueRef a = LLVMGetOperand(call, i);
		unsigned bits;
		uint64_t x;
		if (!const_value(a, outer, &bits, &x))
			continue;
		c->v[i] = LLVMConstInt(LLVMTypeOf(a), x, false);
		c->any = true;
	}
}

static const struct consts no_consts;

static bool reaches_unwind(struct summaries *s, struct ir_fn *g, const struct consts *c, int depth,
			   size_t *steps, struct site *where);
static bool callee_unwinds(struct summaries *s, LLVMValueRef call, const struct consts *outer,
			   int depth, size_t *steps, struct site *where);

/* The same for the call, which may promise not to unwind (a nounwind call site). */
static bool call_unwinds(struct summaries *s, LLVMValueRef call, const struct consts *outer,
			 int depth, size_t *steps, struct site *where)
{
	return !ir_call_nounwind(call) && callee_unwinds(s, call, outer, depth, steps, where);
}

/* Whether the callee of `call` (in a function whose parameters hold `outer`) may unwind, and
 * where (*where left as it is when that is the call itself). Through a plain call when it
 * throws, panics or may unwind; code whose unwinding is not known is not guessed at. An invoke
 * says more: clang invokes what it believes may throw, so a callee without a summary of its
 * body (a declaration: operator new, libstdc++'s string; a library model) or unresolved is
 * taken at its word, and so is a body that calls unknown code. A nounwind callee never
 * unwinds. */
static bool callee_unwinds(struct summaries *s, LLVMValueRef call, const struct consts *outer,
			   int depth, size_t *steps, struct site *where)
{
	bool invoke = LLVMIsAInvokeInst(call);
	LLVMValueRef callee = ir_program_callee(s->program, call);
	struct ir_fn *g = callee ? map_get(&s->program->by_value, callee) : NULL;
	if (!callee)
		return invoke;
	if (throws(callee) || panics(g))
		return true;
	if (ir_attr(callee, LLVMAttributeFunctionIndex, "nounwind"))
		return false;
	/* A library model says what happens to memory, not whether the call throws. */
	const struct summary *gs = g ? summary_of(g) : NULL;
	if (!gs || gs->modelled)
		return invoke;
	if (invoke && gs->unwind_unknown)
		return true;
	if (!gs->may_unwind)
		return false;
	struct consts c;
	call_consts(call, outer, &c);
	if (!c.any || depth >= CONST_DEPTH || !gs->done || s->unwind_cut) {
		*where = gs->unwind_site;
		return true;
	}
	/* Asked once per callee and constants (its facts are final). */
	char key[32 + 24 * MAX_CONST_PARAMS];
	int len = snprintf(key, sizeof(key), "%p", (void *)g->fn);
	for (unsigned i = 0; i < MAX_CONST_PARAMS; i++)
		if (c.v[i])
			len += snprintf(key + len, sizeof(key) - (size_t)len, ",%u=%llu", i,
					LLVMConstIntGetZExtValue(c.v[i]));
	size_t known = (size_t)(uintptr_t)map_get(&s->unwind_memo, key);
	if (known) {
		*where = s->unwind_answers[known - 1].where;
		return s->unwind_answers[known - 1].unwinds;
	}
	bool unwinds = reaches_unwind(s, g, &c, depth + 1, steps, where);
	VEC_RESERVE(s->unwind_answers, s->cap_unwind_answers, s->n_unwind_answers + 1);
	s->unwind_answers[s->n_unwind_answers++] = (struct unwind_answer){unwinds, *where};
	map_put(&s->unwind_memo, arena_strdup(&s->strings, key),
		(void *)(uintptr_t)s->n_unwind_answers);
	return unwinds;
}

/* Steps one question about a call under constants may take, whatever its depth, and all of
 * them in the program: past those, calls are judged by their callees' summaries. */
#define CONST_STEPS 20000
#define CONST_STEPS_ALL 20000000
/* Steps making one region may take (once per function and parameters). */
#define REGION_STEPS 1000000

/* Whether `v` is worked out from a parameter in `mask` (a bit per parameter). */
static bool depends(LLVMValueRef v, unsigned mask)
{
	for (int i = 0; i < 4 && v; i++) {
		if (LLVMIsAArgument(v)) {
			int k = param_number(v);
			return k >= 0 && (mask >> k) & 1;
		}
		LLVMOpcode op = LLVMIsAInstruction(v) ? LLVMGetInstructionOpcode(v) : 0;
		v = op == LLVMZExt || op == LLVMSExt || op == LLVMTrunc ? LLVMGetOperand(v, 0)
									: NULL;
	}
	return false;
}

/* Whether the way out of a block, or what a call is given, depends on a parameter in `mask`. */
static bool decided_by(LLVMValueRef inst, unsigned mask)
{
	if (LLVMIsASwitchInst(inst))
		return depends(LLVMGetOperand(inst, 0), mask);
	if (LLVMIsABranchInst(inst)) {
		LLVMValueRef cond = LLVMIsConditional(inst) ? LLVMGetCondition(inst) : NULL;
		return cond && LLVMIsAICmpInst(cond) &&
		       (depends(LLVMGetOperand(cond, 0), mask) ||
			depends(LLVMGetOperand(cond, 1), mask));
	}
	for (unsigned i = 0, n = ir_is_call(inst) ? LLVMGetNumArgOperands(inst) : 0; i < n; i++)
		if (depends(LLVMGetOperand(inst, i), mask))
			return true;
	return false;
}

/* What unwinds in the part of a function walked so far. */
struct unwinding {
	bool unwinds, landed, resumes;
	struct site where, resume_site;
};

static void visit(struct summaries *s, struct ir_fn *g, LLVMValueRef in, const struct consts *c,
		  int depth, size_t *steps, struct unwinding *u)
{
	struct site inner = {in, g, NULL};
	if (LLVMIsAResumeInst(in) && !u->resumes) {
		u->resumes = true;
		u->resume_site = inner;
	} else if (LLVMIsAInvokeInst(in) && !u->landed) {
		u->landed = call_unwinds(s, in, c, depth, steps, &inner);
	} else if (LLVMIsACallInst(in) && call_unwinds(s, in, c, depth, steps, &inner)) {
		u->unwinds = true;
		u->where = ir_fn_is_library(inner.fn) ? (struct site){in, g, NULL} : inner;
	}
}

/* Counts a step of the walks under constants against `limit` and the program's budget; false
 * once over either. */
static bool step(struct summaries *s, size_t *steps, size_t limit)
{
	s->unwind_steps++;
	s->unwind_cut = s->unwind_cut || s->unwind_steps > CONST_STEPS_ALL;
	return ++*steps <= limit && !s->unwind_cut;
}

/* What a function does whatever its parameters in `mask` hold: the blocks reached from its
 * entry without a branch or a switch on one of them, what may unwind there, and what a
 * question under constants for those parameters still has to look at: those branches and
 * switches, and the calls that pass such a parameter on. Made once per function and mask, so
 * that a question costs what the constants decide, not the function's size. */
struct region {
	struct map in;
	LLVMValueRef *open;
	size_t n_open, cap_open;
	struct unwinding u;
	bool cut, building;
};

static struct region *region_of(struct summaries *s, struct ir_fn *g, unsigned mask, int depth,
				size_t *steps)
{
	char key[48];
	snprintf(key, sizeof(key), "%p/%x", (void *)g->fn, mask);
	struct region *r = map_get(&s->unwind_regions, key);
	if (r)
		return r;
	r = xcalloc(1, sizeof(*r));
	map_init(&r->in, false);
	VEC_RESERVE(s->regions, s->cap_regions, s->n_regions + 1);
	s->regions[s->n_regions++] = r;
	map_put(&s->unwind_regions, arena_strdup(&s->strings, key), r);
	LLVMBasicBlockRef *todo = NULL;
	size_t n = 0, cap = 0, made = 0;
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(g->body);
	VEC_RESERVE(todo, cap, 1);
	todo[n++] = entry;
	map_put(&r->in, entry, entry);
	r->building = true;
	while (n && !r->u.unwinds && !r->cut) {
		LLVMBasicBlockRef bb = todo[--n];
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && !r->u.unwinds;
		     in = LLVMGetNextInstruction(in)) {
			if ((r->cut = !step(s, &made, REGION_STEPS)))
				break;
			if (ir_is_call(in) && decided_by(in, mask)) {
				VEC_RESERVE(r->open, r->cap_open, r->n_open + 1);
				r->open[r->n_open++] = in;
			} else {
				visit(s, g, in, &no_consts, depth, steps, &r->u);
			}
		}
		if (r->cut)
			break;
		LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
		if (term && decided_by(term, mask) && !ir_is_call(term)) {
			VEC_RESERVE(r->open, r->cap_open, r->n_open + 1);
			r->open[r->n_open++] = term;
			continue;
		}
		for (unsigned i = 0, k = term ? LLVMGetNumSuccessors(term) : 0; i < k; i++) {
			LLVMBasicBlockRef next = LLVMGetSuccessor(term, i);
			if (map_get(&r->in, next))
				continue;
			map_put(&r->in, next, next);
			VEC_RESERVE(todo, cap, n + 1);
			todo[n++] = next;
		}
	}
	r->building = false;
	free(todo);
	return r;
}

/* Queues the successors of `term` the constants allow that are new: outside the region, not
 * seen. The one a switch on a constant takes is looked up, not searched for. */
static void push_taken(struct summaries *s, LLVMValueRef term, const struct consts *c,
		       const struct region *r, struct map *seen, LLVMBasicBlockRef **todo,
		       size_t *n, size_t *cap)
{
	int only = taken(s, term, c);
	unsigned first = only >= 0 ? (unsigned)only : 0;
	unsigned end = only >= 0 ? first + 1 : LLVMGetNumSuccessors(term);
	for (unsigned i = first; i < end; i++) {
		LLVMBasicBlockRef next = LLVMGetSuccessor(term, i);
		if (map_get(&r->in, next) || map_get(seen, next))
			continue;
		map_put(seen, next, next);
		VEC_RESERVE(*todo, *cap, *n + 1);
		(*todo)[(*n)++] = next;
	}
}

static bool reaches_unwind(struct summaries *s, struct ir_fn *g, const struct consts *c, int depth,
			   size_t *steps, struct site *where)
{
	const struct summary *gs = summary_of(g);
	unsigned mask = 0;
	for (unsigned i = 0; i < MAX_CONST_PARAMS; i++)
		mask |= c->v[i] ? 1u << i : 0;
	struct region *r = region_of(s, g, mask, depth, steps);
	/* A recursive call back into a region being made is not followed. */
	if (r->cut || r->building) {
		*where = gs->unwind_site; /* too large to say: as its summary says */
		return true;
	}
	struct unwinding u = r->u;
	struct map seen;
	map_init(&seen, false);
	LLVMBasicBlockRef *todo = NULL;
	size_t n = 0, cap = 0;
	bool cut = false;
	/* What the constants decide: the branches and switches on them, the calls given them,
	 * then the blocks beyond the region those branches lead to. */
	for (size_t k = 0; k < r->n_open && !u.unwinds && !cut; k++) {
		LLVMValueRef in = r->open[k];
		cut = !step(s, steps, CONST_STEPS);
		if (ir_is_call(in) && !cut) {
			visit(s, g, in, c, depth, steps, &u);
			continue;
		}
		push_taken(s, in, c, r, &seen, &todo, &n, &cap);
	}
	while (n && !u.unwinds && !cut) {
		LLVMBasicBlockRef bb = todo[--n];
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && !u.unwinds && !cut;
		     in = LLVMGetNextInstruction(in))
			if (!(cut = !step(s, steps, CONST_STEPS)))
				visit(s, g, in, c, depth, steps, &u);
		LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
		if (term)
			push_taken(s, term, c, r, &seen, &todo, &n, &cap);
	}
	free(todo);
	map_release(&seen);
	if (cut) {
		*where = gs->unwind_site;
		return true;
	}
	if (u.unwinds) {
		*where = u.where;
		return true;
	}
	if (u.landed && u.resumes) {
		*where = u.resume_site;
		return true;
	}
	return false;
}

void summary_unwind_release(struct summaries *s)
{
	for (size_t i = 0; i < s->n_regions; i++) {
		map_release(&s->regions[i]->in);
		free(s->regions[i]->open);
		free(s->regions[i]);
	}
	free(s->regions);
	map_release(&s->unwind_regions);
}

bool summary_callee_may_unwind(struct summaries *s, LLVMValueRef call, struct site *where)
{
	size_t steps = 0;
	*where = (struct site){call, NULL, NULL};
	return callee_unwinds(s, call, &no_consts, 0, &steps, where);
}

void summary_unwind(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	sum->may_unwind = sum->must_unwind = sum->unwind_unknown = false;
	memset(&sum->unwind_site, 0, sizeof(sum->unwind_site));
	if (ir_attr(f->fn, LLVMAttributeFunctionIndex, "nounwind"))
		return;
	/* A resume passes on what a landing pad caught: only when some invoke may unwind into one
	 * (a cleanup's resume behind calls that cannot throw lets nothing out). */
	bool landed = false;
	struct site where;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb && !landed;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		landed = t && LLVMIsAInvokeInst(t) && !ir_call_nounwind(t) &&
			 summary_callee_may_unwind(s, t, &where);
	}
	LLVMValueRef *sites = NULL;
	size_t n = 0, cap = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
		     inst = LLVMGetNextInstruction(inst)) {
			struct site site = {inst, f, NULL};
			bool unwinds = landed && LLVMIsAResumeInst(inst), always = unwinds;
			/* An invoke's exception lands in this function; only a resume lets it out.
			 */
			if (LLVMIsACallInst(inst) && !ir_call_nounwind(inst) &&
			    !sum->unwind_unknown)
				sum->unwind_unknown = call_unknown(s, inst);
			if (LLVMIsACallInst(inst) && !ir_call_nounwind(inst) &&
			    summary_callee_may_unwind(s, inst, &where)) {
				LLVMValueRef callee = ir_program_callee(s->program, inst);
				struct ir_fn *g = map_get(&s->program->by_value, callee);
				const struct summary *gs = g ? summary_of(g) : NULL;
				unwinds = true;
				always = !gs || gs->modelled || gs->must_unwind;
				if (where.fn && !ir_fn_is_library(where.fn))
					site = where;
			}
			if (!unwinds)
				continue;
			if (!sum->may_unwind)
				sum->unwind_site = site;
			sum->may_unwind = true;
			if (!always)
				continue;
			VEC_RESERVE(sites, cap, n + 1);
			sites[n++] = inst;
		}
	}
	/* Every path ends in something that always unwinds: no path returns around them. */
	struct cfg_query q = {.blockers = sites, .n_blockers = n};
	sum->must_unwind = n > 0 && !cfg_path_exists(s, f, &q);
	free(sites);
}
