/* abi-null-to-nonnull: null, or a pointer that may be null here, passed to a Rust parameter
 * that promises non-null (&T, &mut T, Box<T>, NonNull<T>). Reported at the call. */
#include "checks.h"

#include <stdlib.h>

/* Loads and stores through the pointer: a path that passes one has it non-null (a null
 * dereference is undefined), so it no longer counts as a path on which it may be null. */
static size_t dereferences(const struct summary *sum, const struct vkey *k, LLVMValueRef **out)
{
	LLVMValueRef *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = summary_first_on(sum, k->base, EV_USE); i != SIZE_MAX;
	     i = summary_next_on(sum, i)) {
		const struct event *u = &sum->events[i];
		if (!vkey_equal(&u->key, k) ||
		    (!LLVMIsALoadInst(u->at) && !LLVMIsAStoreInst(u->at)))
			continue;
		VEC_RESERVE(v, cap, n + 1);
		v[n++] = u->at;
	}
	*out = v;
	return n;
}

/* Where the function `call` calls may get the null it returns, or NULL. */
static LLVMValueRef callee_null_return(struct summaries *s, LLVMValueRef call)
{
	const struct summary *gs = summary_of_callee(s, call);
	return gs ? gs->null_return : NULL;
}

/* The event that makes `arg` possibly null at the call, and whether it surely is; `null_ret` is
 * the callee's `ret` when the pointer comes from a function that may return null. */
static bool maybe_null(struct check_ctx *c, struct ir_edge *e, LLVMValueRef arg,
		       LLVMValueRef *origin, LLVMValueRef *null_ret)
{
	struct ir_fn *f = e->caller;
	struct vkey k = summary_key(c->s, f, arg, false);
	const struct summary *sum = summary_of(f);
	*origin = NULL;
	LLVMValueRef *derefs;
	size_t n_derefs = dereferences(sum, &k, &derefs);
	bool found = false;
	for (size_t i = summary_first_on(sum, k.base, EV_ALLOC); i != SIZE_MAX;
	     i = summary_next_on(sum, i)) {
		const struct event *a = &sum->events[i];
		if (!a->may_null || !vkey_equal(&a->key, &k))
			continue;
		struct cfg_query q = {.from = a->at,
				      .to = e->call,
				      .blockers = derefs,
				      .n_blockers = n_derefs,
				      .guard = &k,
				      .keep_null_side = true};
		if (cfg_path_exists(c->s, f, &q)) {
			*origin = a->site.inst;
			found = true;
			break;
		}
	}
	/* The result of a function that may return null (a lookup that found nothing). */
	LLVMValueRef v = arg;
	while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
		v = LLVMGetOperand(v, 0);
	if (!found && ir_is_call(v) && (*null_ret = callee_null_return(c->s, v))) {
		struct cfg_query q = {.from = v,
				      .to = e->call,
				      .blockers = derefs,
				      .n_blockers = n_derefs,
				      .guard = &k,
				      .keep_null_side = true};
		found = cfg_path_exists(c->s, f, &q);
		*origin = found ? v : NULL;
	}
	free(derefs);
	if (found)
		return true;
	/* A phi or select with a null input (keys look through those; the value itself tells). */
	for (unsigned i = 0, n = ir_merge_count(v); i < n; i++) {
		if (!LLVMIsAConstantPointerNull(ir_merge_input(v, i)))
			continue;
		struct cfg_query q = {
		    .from = v, .to = e->call, .guard = &k, .keep_null_side = true};
		if (cfg_path_exists(c->s, f, &q)) {
			*origin = v;
			return true;
		}
	}
	return false;
}

static void report_arg(struct check_ctx *c, struct ir_edge *e, const struct site *edge,
		       struct ir_fn *g, unsigned j, LLVMValueRef arg, struct ir_param_info info);

/* A literal null in a call that is only reached when some pointer tested null (-O2 duplicates
 * the call into both sides of `if (p)`): null on that path only. Returns the test. */
static LLVMValueRef null_only_after_test(LLVMValueRef call)
{
	LLVMBasicBlockRef bb = LLVMGetInstructionParent(call);
	LLVMValueRef term = ir_single_pred_term(bb);
	if (!term || !LLVMIsABranchInst(term) || !LLVMIsConditional(term) ||
	    LLVMGetSuccessor(term, 0) == LLVMGetSuccessor(term, 1))
		return NULL;
	LLVMValueRef cond = LLVMGetCondition(term);
	if (!LLVMIsAICmpInst(cond) || !LLVMIsAConstantPointerNull(LLVMGetOperand(cond, 1)))
		return NULL;
	unsigned null_succ = LLVMGetICmpPredicate(cond) == LLVMIntEQ ? 0 : 1;
	return LLVMGetSuccessor(term, null_succ) == bb ? cond : NULL;
}

void check_null_to_nonnull(struct check_ctx *c, struct ir_edge *e)
{
	struct ir_fn **chain = xmalloc((e->n_via + 1) * sizeof(*chain));
	size_t n_chain = edge_chain(e, chain);
	struct site edge = edge_site(e);
	/* Each argument is judged once, by the first Rust function on the far side that
	 * promises it non-null. */
	unsigned n_args = LLVMGetNumArgOperands(e->call);
	bool *done = xcalloc(n_args + 1, sizeof(*done));
	for (size_t k = 0; k < n_chain; k++) {
		struct ir_fn *g = chain[k];
		if (g->lang != FFIGUARD_LANG_RUST || LLVMIsDeclaration(g->fn))
			continue;
		for (unsigned j = 0, n = LLVMCountParams(g->fn); j < n; j++) {
			struct ir_param_info info = ir_param_info(g->fn, NULL, j);
			LLVMValueRef arg = info.nonnull ? edge_arg(e, k, j) : NULL;
			if (!arg || LLVMGetTypeKind(LLVMTypeOf(arg)) != LLVMPointerTypeKind)
				continue;
			unsigned slot = 0;
			while (slot < n_args && LLVMGetOperand(e->call, slot) != arg)
				slot++;
			if (done[slot])
				continue;
			done[slot] = true;
			report_arg(c, e, &edge, g, j, arg, info);
		}
	}
	free(done);
	free(chain);
}

static void report_arg(struct check_ctx *c, struct ir_edge *e, const struct site *edge,
		       struct ir_fn *g, unsigned j, LLVMValueRef arg, struct ir_param_info info)
{
	LLVMValueRef origin = NULL, null_ret = NULL;
	bool null = LLVMIsAConstantPointerNull(arg);
	/* The caller's own call says non-null (clang puts nonnull where it has proved it). */
	for (unsigned a = 0, n = LLVMGetNumArgOperands(e->call); !null && a < n; a++)
		if (LLVMGetOperand(e->call, a) == arg && ir_attr(e->call, a + 1, "nonnull"))
			return;
	if (null && (origin = null_only_after_test(e->call)))
		null = false;
	else if (!null && !maybe_null(c, e, arg, &origin, &null_ret))
		return;
	char *label = param_label(g->fn, j);
	struct check_finding cf = {
	    .rule = "abi-null-to-nonnull",
	    .severity = null ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
	    .inst = e->call,
	    .fn = e->caller,
	    .edge = edge,
	    .edge_is_call = true,
	};
	cf.message =
	    xasprintf("%s passed to parameter %s of '%s', which Rust assumes is non-null%s",
		      null ? "null is" : "a pointer that may be null is", label, ir_fn_name(g),
		      info.rust_ref ? " (a reference)" : "");
	if (origin && LLVMIsAICmpInst(origin))
		check_note(&cf, origin, e->caller,
			   "it is null on the path where this test finds it null");
	else if (origin)
		check_note(&cf, origin, e->caller, "it may be null from here, unchecked");
	if (null_ret) {
		LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(null_ret));
		struct ir_fn *h = map_get(&c->s->program->by_value, fn);
		if (h)
			check_note(&cf, null_ret, h, "'%s' may return null from here",
				   ir_fn_name(h));
	}
	check_note(&cf, NULL, g, "'%s' is defined here", ir_fn_name(g));
	check_emit(c, &cf);
	free(label);
}
