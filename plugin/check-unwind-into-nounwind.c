/* abi-unwind-into-nounwind: a callee that may unwind, called through an edge that promises not
 * to (Rust's extern "C" imports carry nounwind on the call; a C function, nounwind, calls it
 * without an invoke). Reported at the call. */
#include "checks.h"

#include <string.h>

void check_unwind_into_nounwind(struct check_ctx *c, struct ir_edge *e)
{
	struct ir_fn *g = ir_edge_direct(e);
	const struct summary *gs = summary_of(g);
	/* The call says nounwind, or it is a plain call in a function that does (C built without
	 * -fexceptions at -O0, where clang marks the function and not its calls): an unwind
	 * would leave that function. */
	bool promised = ir_attr(e->call, LLVMAttributeFunctionIndex, "nounwind") ||
			(LLVMIsACallInst(e->call) &&
			 ir_attr(e->caller->fn, LLVMAttributeFunctionIndex, "nounwind"));
	struct site where;
	if (!gs || !gs->may_unwind || !promised ||
	    !summary_callee_may_unwind(c->s, e->call, &where))
		return;
	if (!where.fn)
		where = gs->unwind_site;
	struct site edge = edge_site(e);
	bool cxx = g->lang != FFIGUARD_LANG_RUST;
	struct check_finding cf = {
	    .rule = "abi-unwind-into-nounwind",
	    .severity = gs->must_unwind ? FFIGUARD_SEV_ERROR : FFIGUARD_SEV_WARNING,
	    .inst = e->call,
	    .fn = e->caller,
	    .edge = &edge,
	    .edge_is_call = true,
	};
	cf.message = xasprintf(
	    "'%s' %s, but this call promises not to unwind%s: unwinding through it is undefined "
	    "behaviour",
	    ir_fn_name(g), cxx ? "may throw a C++ exception" : "may panic and unwind",
	    e->caller->lang == FFIGUARD_LANG_RUST ? " (extern \"C\"; use extern \"C-unwind\")"
						  : "");
	check_note(&cf, where.inst, where.fn, "it may unwind here, in '%s'", ir_fn_name(where.fn));
	check_emit(c, &cf);
}
