/* ownership-use-after-free: a pointer dereferenced or passed on after its release, the release
 * or the use across an FFI edge (the CString temporary included). Reported at the use. */
#include "checks.h"

/* What one walk from a release finds, up to the next release of the key: the first use (in
 * event order) across an edge. A use by a release itself is double-free's finding. */
struct after {
	const struct summary *sum;
	size_t use;
};

static bool released_at(const struct summary *sum, const struct event *use)
{
	for (size_t i = summary_first_at(sum, use->at); i != SIZE_MAX; i = summary_next_at(sum, i))
		if (sum->events[i].kind == EV_RELEASE && vkey_equal(&sum->events[i].key, &use->key))
			return true;
	return false;
}

static bool after_release(void *data, const struct event *rel, size_t i)
{
	struct after *w = data;
	const struct event *e = &w->sum->events[i];
	if (e->kind == EV_USE && !e->passed_only && i < w->use &&
	    sites_cross(&rel->site, &e->site) && !released_at(w->sum, e))
		w->use = i;
	return false;
}

void check_use_after_free(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *rel = &sum->events[i];
		/* A release that hangs on a reference count is no proof. */
		if (rel->kind != EV_RELEASE || !rel->must || rel->deferred)
			continue;
		struct after w = {sum, SIZE_MAX};
		key_reach_events(c->s, f, rel, false, after_release, &w);
		if (w.use == SIZE_MAX)
			continue;
		const struct event *use = &sum->events[w.use];
		bool always = cfg_release_dominates(c->s, f, rel, use->at);
		struct check_finding cf = {
		    .rule = "ownership-use-after-free",
		    .severity = always ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
		    .inst = use->at,
		    .fn = f,
		    .edge = site_edge(&use->site, &rel->site),
		};
		bool passed = ir_is_call(use->at);
		cf.message = xasprintf(
		    "%s memory that was released with %s%s", passed ? "passes on" : "uses",
		    family_release_text(rel->family), always ? "" : " on some path");
		/* Read back from an object that keeps it (a parser keeping its input). */
		LLVMValueRef kept_by =
		    use->kept ? ir_program_callee(c->s->program, use->kept) : NULL;
		struct ir_fn *keeper = kept_by ? map_get(&c->s->program->by_value, kept_by) : NULL;
		if (keeper)
			check_note(&cf, use->kept, f,
				   "'%s' keeps it in the object it is given here",
				   ir_fn_name(keeper));
		check_note(&cf, rel->site.inst, rel->site.fn, "released here in '%s'",
			   ir_fn_name(rel->site.fn));
		/* Released by the callee before it returned it: the call's own value. */
		if (rel->at != rel->site.inst)
			check_note(&cf, rel->at, f,
				   rel->key.base == rel->at
				       ? "'%s' gets it back already released from this call"
				       : "'%s' releases it through this call",
				   ir_fn_name(f));
		if (use->site.inst != use->at)
			check_note(&cf, use->site.inst, use->site.fn, "'%s' uses it here",
				   ir_fn_name(use->site.fn));
		check_emit(c, &cf);
	}
}
