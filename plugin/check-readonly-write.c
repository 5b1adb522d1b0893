/* aliasing-readonly-write: the caller promises a read-only pointee (Rust &T of a type without
 * interior mutability: `readonly` on the call) and the foreign definition writes through it.
 * Reported at the call, with a note at the write. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

void check_readonly_write(struct check_ctx *c, struct ir_edge *e)
{
	struct ir_fn *g = ir_edge_direct(e);
	const struct summary *gs = summary_of(g);
	if (!gs || g->lang == e->caller->lang)
		return;
	for (unsigned j = 0, n = LLVMGetNumArgOperands(e->call); j < n; j++) {
		if (!ir_attr(e->call, j + 1, "readonly"))
			continue;
		const struct fact *w = summary_fact(gs, EV_USE, (int)j);
		if (!w || !w->written)
			continue;
		/* Written only under a condition this call's arguments rule out. */
		unsigned gp = (unsigned)w->write_guard.param;
		if (w->write_guard.param >= 0 && gp < n &&
		    !summary_guard_may_hold(&w->write_guard, LLVMGetOperand(e->call, gp)))
			continue;
		struct site edge = edge_site(e);
		char *label = param_label(g->fn, j);
		bool noalias = ir_attr(e->call, j + 1, "noalias") != NULL;
		struct check_finding cf = {
		    .rule = "aliasing-readonly-write",
		    .severity = w->write_must ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
		    .inst = e->call,
		    .fn = e->caller,
		    .edge = &edge,
		    .edge_is_call = true,
		};
		cf.message = xasprintf(
		    "'%s' writes through parameter %s%s, which this call passes as read-only%s (a "
		    "Rust &T): under cross-language LTO, LLVM may keep values cached across the "
		    "call or drop the write",
		    ir_fn_name(g), label, w->write_must ? "" : " on some path",
		    noalias ? " and unaliased" : "");
		check_note(&cf, w->write_site.inst, w->write_site.fn, "written here, in '%s'",
			   ir_fn_name(w->write_site.fn));
		check_emit(c, &cf);
		free(label);
	}
}
