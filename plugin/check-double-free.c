/* ownership-double-free: one allocation released twice, at least one release on the other side
 * of an FFI edge. Reported at the second release. */
#include "checks.h"

#include <stdlib.h>

struct seconds {
	struct summaries *s;
	struct ir_fn *f;
	const struct summary *sum;
	const struct event **first_of; /* by event index: the first release reaching it */
};

/* Whether `second` releases only in a variant of its object that the path to `first` rules out
 * (Rust's drop of a Result releases the Err side's String; C released the Ok side's handle,
 * behind the match that found Ok). */
static bool other_variant(struct seconds *w, const struct event *first, const struct event *second)
{
	struct cfg_query q = {.to = first->at, .tag = &second->tag};
	return second->tag.set && second->tag.object && !cfg_path_exists(w->s, w->f, &q) &&
	       !summary_exhausted(w->f);
}

static bool second_release(void *data, const struct event *first, size_t i)
{
	struct seconds *w = data;
	const struct event *second = &w->sum->events[i];
	if (second->kind == EV_RELEASE && !second->deferred && !w->first_of[i] &&
	    sites_cross(&first->site, &second->site) && !other_variant(w, first, second))
		w->first_of[i] = first;
	return false;
}

void check_double_free(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	if (!sum->n_events)
		return;
	/* One walk from each release that always happens; for each release it reaches, the first
	 * such release in event order is the one reported. */
	struct seconds w = {c->s, f, sum, xcalloc(sum->n_events, sizeof(*w.first_of))};
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *first = &sum->events[i];
		/* A release that hangs on a reference count is no proof. */
		if (first->kind == EV_RELEASE && first->must && !first->deferred)
			key_reach_events(c->s, f, first, true, second_release, &w);
	}
	for (size_t j = 0; j < sum->n_events; j++) {
		const struct event *second = &sum->events[j];
		const struct event *first = w.first_of[j];
		if (!first)
			continue;
		bool always = second->must && cfg_release_dominates(c->s, f, first, second->at);
		struct check_finding cf = {
		    .rule = "ownership-double-free",
		    .severity = always ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
		    .inst = second->site.inst,
		    .fn = second->site.fn,
		    .edge = site_edge(&second->site, &first->site),
		};
		cf.message =
		    xasprintf("memory released with %s was already released%s",
			      family_release_text(second->family), always ? "" : " on some path");
		check_note(&cf, first->site.inst, first->site.fn,
			   "first released here with %s in '%s'",
			   family_release_text(first->family), ir_fn_name(first->site.fn));
		if (second->at != second->site.inst)
			check_note(&cf, second->at, f, "'%s' releases it again through this call",
				   ir_fn_name(f));
		check_emit(c, &cf);
	}
	free(w.first_of);
}
