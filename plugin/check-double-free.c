/* ownership-double-free: one allocation released twice, at least one release on the other side
 * of an FFI edge. Reported at the second release. */
#include "checks.h"

void check_double_free(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	for (size_t j = 0; j < sum->n_events; j++) {
		const struct event *second = &sum->events[j];
		if (second->kind != EV_RELEASE)
			continue;
		for (size_t i = 0; i < sum->n_events; i++) {
			const struct event *first = &sum->events[i];
			/* A release that hangs on a reference count is no proof. */
			if (first->kind != EV_RELEASE || !first->must || first->at == second->at ||
			    !vkey_equal(&first->key, &second->key) ||
			    !sites_cross(&first->site, &second->site) ||
			    !key_reaches(c->s, f, &first->key, first->at, second->at))
				continue;
			bool always =
			    second->must && cfg_release_dominates(c->s, f, first, second->at);
			struct check_finding cf = {
			    .rule = "ownership-double-free",
			    .severity = always ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
			    .inst = second->site.inst,
			    .fn = second->site.fn,
			    .edge = site_edge(&second->site, &first->site),
			};
			cf.message = xasprintf("memory released with %s was already released%s",
					       family_release_text(second->family),
					       always ? "" : " on some path");
			check_note(&cf, first->site.inst, first->site.fn,
				   "first released here with %s in '%s'",
				   family_release_text(first->family), ir_fn_name(first->site.fn));
			if (second->at != second->site.inst)
				check_note(&cf, second->at, f,
					   "'%s' releases it again through this call",
					   ir_fn_name(f));
			check_emit(c, &cf);
			break;
		}
	}
}
