/* aliasing-noalias-violation: a foreign caller passes the same or overlapping memory to two
 * parameters of a Rust function, one of them &mut (noalias, written). Reported at the call. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* Bytes the parameter promises to access (dereferenceable(N)), or 0 when unknown. */
static uint64_t extent(LLVMValueRef fn, unsigned j)
{
	LLVMAttributeRef a = ir_attr(fn, j + 1, "dereferenceable");
	return a ? LLVMGetEnumAttributeValue(a) : 0;
}

/* The same pointer, or constant offsets into one object whose byte ranges meet. */
static bool overlap(struct check_ctx *c, struct ir_edge *e, LLVMValueRef a, uint64_t na,
		    LLVMValueRef b, uint64_t nb)
{
	struct vkey ka = summary_key(c->s, e->caller, a, false);
	struct vkey kb = summary_key(c->s, e->caller, b, false);
	if (vkey_equal(&ka, &kb))
		return true;
	int64_t oa = 0, ob = 0;
	LLVMValueRef ba = summary_base_offset(c->s, a, &oa), bb = summary_base_offset(c->s, b, &ob);
	if (!ba || ba != bb || !na || !nb)
		return false;
	return oa < ob + (int64_t)nb && ob < oa + (int64_t)na;
}

/* One pair of parameters of chain function k that the call makes alias; false when none. */
static bool find_pair(struct check_ctx *c, struct ir_edge *e, size_t k, struct ir_fn *g,
		      unsigned *pi_out, unsigned *pj_out, bool *first_exclusive)
{
	/* Each parameter's promise and argument once; nothing to do without a &mut among them. */
	unsigned n = LLVMCountParams(g->fn);
	bool *exclusive = xcalloc(n + 1, sizeof(*exclusive)), any = false;
	LLVMValueRef *arg = xcalloc(n + 1, sizeof(*arg));
	for (unsigned i = 0; i < n; i++) {
		exclusive[i] = ir_param_info(g->fn, NULL, i).exclusive;
		any = any || exclusive[i];
		LLVMValueRef a = edge_arg(e, k, i);
		if (a && LLVMGetTypeKind(LLVMTypeOf(a)) == LLVMPointerTypeKind &&
		    !LLVMIsAConstantPointerNull(a))
			arg[i] = a;
	}
	bool found = false;
	for (unsigned i = 0; any && !found && i < n; i++) {
		for (unsigned j = i + 1; arg[i] && !found && j < n; j++) {
			if (!arg[j] || (!exclusive[i] && !exclusive[j]) ||
			    !overlap(c, e, arg[i], extent(g->fn, i), arg[j], extent(g->fn, j)))
				continue;
			*pi_out = i;
			*pj_out = j;
			*first_exclusive = exclusive[i];
			found = true;
		}
	}
	free(exclusive);
	free(arg);
	return found;
}

void check_noalias_violation(struct check_ctx *c, struct ir_edge *e)
{
	if (e->caller->lang == FFIGUARD_LANG_RUST)
		return;
	struct ir_fn **chain = xmalloc((e->n_via + 1) * sizeof(*chain));
	size_t n = edge_chain(e, chain);
	for (size_t k = 0; k < n; k++) {
		struct ir_fn *g = chain[k];
		unsigned i, j;
		bool first;
		/* The first Rust function on the far side whose parameters the call makes alias. */
		if (g->lang != FFIGUARD_LANG_RUST || LLVMIsDeclaration(g->fn) ||
		    !find_pair(c, e, k, g, &i, &j, &first))
			continue;
		struct site edge = edge_site(e);
		char *li = param_label(g->fn, i), *lj = param_label(g->fn, j);
		struct check_finding cf = {
		    .rule = "aliasing-noalias-violation",
		    .severity = FFIGUARD_SEV_ERROR,
		    .inst = e->call,
		    .fn = e->caller,
		    .edge = &edge,
		    .edge_is_call = true,
		};
		cf.message =
		    xasprintf("the same memory is passed to parameters %s and %s of '%s', and "
			      "%s is an exclusive reference (&mut): Rust and LLVM assume it "
			      "aliases nothing",
			      li, lj, ir_fn_name(g), first ? li : lj);
		check_note(&cf, NULL, g, "'%s' is defined here", ir_fn_name(g));
		check_emit(c, &cf);
		free(li);
		free(lj);
		break;
	}
	free(chain);
}
