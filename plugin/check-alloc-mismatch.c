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
			      .guard_blocker_args = true};
	return rel->must && !cfg_path_exists(s, f, &q);
}

void check_alloc_mismatch(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *a = &sum->events[i];
		if (a->kind != EV_ALLOC)
			continue;
		for (size_t j = summary_first_on(sum, a->key.base, EV_RELEASE); j != SIZE_MAX;
		     j = summary_next_on(sum, j)) {
			const struct event *r = &sum->events[j];
			if (r->family == a->family || r->at == a->at ||
			    !vkey_equal(&r->key, &a->key))
				continue;
			if (!sites_cross(&a->site, &r->site) &&
			    !families_cross(a->family, r->family))
				continue;
			if (!key_reaches(c->s, f, &a->key, a->at, r->at))
				continue;
			struct check_finding cf = {
			    .rule = "ownership-alloc-mismatch",
			    .severity = always_released(c->s, f, a, r) ? FFIGUARD_SEV_ERROR
								       : FFIGUARD_SEV_WARNING,
			    .inst = r->site.inst,
			    .fn = r->site.fn,
			    .edge = site_edge(&r->site, &a->site),
			};
			cf.message =
			    xasprintf("memory allocated with %s is released with %s; %s",
				      family_alloc_text(a->family), family_release_text(r->family),
				      cf.severity == FFIGUARD_SEV_ERROR
					  ? "this is undefined behaviour"
					  : "undefined behaviour on some paths");
			check_note(&cf, a->site.inst, a->site.fn, "allocated here with %s in '%s'",
				   family_alloc_text(a->family), ir_fn_name(a->site.fn));
			if (r->at != r->site.inst)
				check_note(&cf, r->at, f, "'%s' releases it through this call",
					   ir_fn_name(f));
			check_emit(c, &cf);
		}
	}
}
