/* FFI edges: call sites whose caller and callee are in different known languages, directly or
 * through a chain of trivial shims. The checks read these edges; nothing here judges them. */
#include "ir.h"

#include <stdlib.h>

#define MAX_CHAIN 8

static struct ir_fn *shim_next(struct ir_program *p, struct ir_fn *f)
{
	if (!f->shim_done) {
		f->shim = ir_shim_classify(f->fn, f->body, true, &f->shim_callee);
		f->shim_done = true;
	}
	return f->shim == IR_SHIM_OK && f->shim_callee ? ir_program_fn(p, f->shim_callee) : NULL;
}

/* Follows trivial shims from the direct callee. The chain may cross the language boundary once;
 * on the far side it continues only into bodies the module holds, so that a one-line C++
 * function calling `operator delete` stays the callee instead of the allocator. */
static void add_call(struct ir_program *p, struct ir_fn *caller, LLVMValueRef call,
		     struct ir_fn *direct, bool indirect)
{
	struct ir_fn *chain[MAX_CHAIN];
	size_t n = 0;
	struct ir_fn *cur = direct;
	bool crossed = cur->lang != caller->lang;

	while (n < MAX_CHAIN) {
		struct ir_fn *next = shim_next(p, cur);
		if (!next || next->lang == FFIGUARD_LANG_UNKNOWN || next == caller)
			break;
		if (crossed && (next->lang != cur->lang || LLVMIsDeclaration(next->fn)))
			break;
		chain[n++] = cur;
		cur = next;
		crossed = crossed || cur->lang != caller->lang;
	}
	if (!crossed)
		return;

	VEC_RESERVE(p->edges, p->cap_edges, p->n_edges + 1);
	struct ir_edge *e = &p->edges[p->n_edges++];
	e->call = call;
	e->indirect = indirect;
	e->caller = caller;
	e->callee = cur;
	e->n_via = n;
	e->via = n ? xmalloc(n * sizeof(*e->via)) : NULL;
	for (size_t i = 0; i < n; i++)
		e->via[i] = chain[i];
}

void ir_find_edges(struct ir_program *p)
{
	for (size_t i = 0; i < p->n_edges; i++)
		free(p->edges[i].via);
	p->n_edges = 0;
	p->n_indirect = 0;
	ir_resolve_indirect(p);
	for (size_t i = 0; i < p->n_fns; i++) {
		struct ir_fn *caller = p->fns[i];
		if (caller->lang == FFIGUARD_LANG_UNKNOWN)
			continue;
		for (size_t k = 0; k < caller->n_calls; k++) {
			LLVMValueRef call = caller->calls[k];
			LLVMValueRef callee = ir_program_callee(p, call);
			if (!callee) {
				p->n_indirect++;
				continue;
			}
			if (LLVMGetIntrinsicID(callee))
				continue;
			struct ir_fn *direct = ir_program_fn(p, callee);
			if (direct->lang != FFIGUARD_LANG_UNKNOWN)
				add_call(p, caller, call, direct, !ir_called_function(call));
		}
	}
}

struct ir_fn *ir_edge_direct(const struct ir_edge *e)
{
	return e->n_via ? e->via[0] : e->callee;
}
