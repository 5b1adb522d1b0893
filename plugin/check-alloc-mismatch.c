/* ownership-alloc-mismatch: memory of one allocator family released by another, across an FFI
 * edge. Reported at the release, with notes at the allocation and the edge. */
#include "checks.h"

#include <stdlib.h>

/* Does every path from the allocation to a return release the pointer (a null pointer aside)? */
static bool always_released(struct summaries *s, struct ir_fn *f, const struct event *alloc,
			    const struct event *rel)
{
	struct cfg_query q = {.from = alloc->at,
			      .blockers = &rel->at,
			      .n_blockers = 1,
			      .guard = &alloc->key,
			      .tag = &alloc->tag,
			      .guard_blocker_args = true};
	return rel->must && !cfg_path_exists(s, f, &q);
}

/* Whether `inst` runs only while unwinding: up its chain of single predecessors to a block that
 * starts with a landing pad (a drop in a cleanup). */
static bool on_unwind_path(LLVMValueRef inst)
{
	LLVMBasicBlockRef bb = LLVMGetInstructionParent(inst);
	for (int depth = 0; depth < 16 && bb; depth++) {
		LLVMValueRef first = LLVMGetFirstInstruction(bb);
		while (first && LLVMIsAPHINode(first))
			first = LLVMGetNextInstruction(first);
		if (first && (LLVMIsALandingPadInst(first) || LLVMIsACleanupPadInst(first)))
			return true;
		LLVMValueRef pred = ir_single_pred_term(bb);
		bb = pred ? LLVMGetInstructionParent(pred) : NULL;
	}
	return false;
}

static void report(struct check_ctx *c, struct ir_fn *f, const struct event *a,
		   const struct event *r)
{
	struct check_finding cf = {
	    .rule = "ownership-alloc-mismatch",
	    .severity = always_released(c->s, f, a, r) ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
	    .inst = r->site.inst,
	    .fn = r->site.fn,
	    .edge = site_edge(&r->site, &a->site),
	};
	cf.message =
	    xasprintf("memory allocated with %s is released with %s; %s",
		      family_alloc_text(a->family), family_release_text(r->family),
		      cf.severity == FFIGUARD_SEV_ERROR ? "this is undefined behaviour"
							: "undefined behaviour on some paths");
	check_note(&cf, a->site.inst, a->site.fn, "allocated here with %s in '%s'",
		   family_alloc_text(a->family), ir_fn_name(a->site.fn));
	if (r->at != r->site.inst)
		check_note(&cf, r->at, f, "'%s' releases it through this call", ir_fn_name(f));
	check_emit(c, &cf);
}

void check_alloc_mismatch(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *a = &sum->events[i];
		if (a->kind != EV_ALLOC)
			continue;
		/* One finding per allocation and release site; the twin of a normal-path drop on
		 * the unwind path (the same value's cleanup) is reported only without the first. */
		LLVMValueRef *sites = NULL;
		size_t n_sites = 0, cap_sites = 0;
		bool normal = false;
		for (int unwind = 0; unwind < 2; unwind++) {
			for (size_t j = summary_first_on(sum, a->key.base, EV_RELEASE);
			     j != SIZE_MAX && !(unwind && normal); j = summary_next_on(sum, j)) {
				const struct event *r = &sum->events[j];
				if (r->family == a->family || r->at == a->at ||
				    !vkey_equal(&r->key, &a->key) ||
				    tags_exclusive(&a->tag, &r->tag) ||
				    on_unwind_path(r->at) != unwind)
					continue;
				bool seen = false;
				for (size_t k = 0; k < n_sites && !seen; k++)
					seen = sites[k] == r->site.inst;
				if (seen ||
				    (!sites_cross(&a->site, &r->site) &&
				     !families_cross(a->family, r->family)) ||
				    !key_reaches(c->s, f, a, r->at))
					continue;
				report(c, f, a, r);
				normal = normal || !unwind;
				VEC_RESERVE(sites, cap_sites, n_sites + 1);
				sites[n_sites++] = r->site.inst;
			}
		}
		free(sites);
	}
}
