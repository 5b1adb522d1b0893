/* lifetime-stack-escape: a stack address crosses an FFI edge and outlives its frame: the callee
 * stores a local's address of the caller into a global or heap object (or into the fresh object
 * it returns, which the caller then keeps beyond its frame), or the callee returns the address
 * of its own local. Reported at the call, with a note at the capture. */
#include "checks.h"

#include <stdlib.h>

static char *local_label(LLVMValueRef alloca)
{
	size_t len = 0;
	const char *name = LLVMGetValueName2(alloca, &len);
	return len ? xasprintf(" '%.*s'", (int)len, name) : xstrdup("");
}

static void stored_locals(struct check_ctx *c, struct ir_edge *e, struct ir_fn *g,
			  const struct summary *gs, const struct site *edge)
{
	for (unsigned j = 0, n = LLVMGetNumArgOperands(e->call); j < n; j++) {
		LLVMValueRef arg = LLVMGetOperand(e->call, j);
		if (LLVMGetTypeKind(LLVMTypeOf(arg)) != LLVMPointerTypeKind)
			continue;
		struct vkey k = summary_key(c->s, e->caller, arg, true);
		if (k.deref || !ir_is_local_alloca(e->caller->body, k.base))
			continue;
		const struct fact *cap = summary_fact(gs, EV_CAPTURE, (int)j);
		bool returned = false;
		bool kept =
		    cap && cap->held && !cap->escapes &&
		    (summary_object_escapes(c->s, e->caller, e->call, &returned) == ESCAPE_SHOWN ||
		     returned);
		if (!cap || !(cap->escapes || kept))
			continue;
		char *local = local_label(k.base);
		struct check_finding cf = {
		    .rule = "lifetime-stack-escape",
		    .severity = FFIGUARD_SEV_ERROR,
		    .inst = e->call,
		    .fn = e->caller,
		    .edge = edge,
		    .edge_is_call = true,
		};
		cf.message =
		    kept
			? xasprintf("the address of local%s of '%s' is passed to '%s', which keeps "
				    "it in the object it returns, and that object outlives '%s': "
				    "it dangles once '%s' returns",
				    local, ir_fn_name(e->caller), ir_fn_name(g),
				    ir_fn_name(e->caller), ir_fn_name(e->caller))
			: xasprintf("the address of local%s of '%s' is passed to '%s', which keeps "
				    "it in a global or heap object: it dangles once '%s' returns",
				    local, ir_fn_name(e->caller), ir_fn_name(g),
				    ir_fn_name(e->caller));
		check_note(&cf, cap->site.inst, cap->site.fn, "stored here, in '%s'",
			   ir_fn_name(cap->site.fn));
		check_emit(c, &cf);
		free(local);
	}
}

void check_stack_escape(struct check_ctx *c, struct ir_edge *e)
{
	struct ir_fn *g = ir_edge_direct(e);
	const struct summary *gs = summary_of(g);
	if (!gs || g->lang == e->caller->lang)
		return;
	struct site edge = edge_site(e);
	stored_locals(c, e, g, gs, &edge);
	const struct fact *ret = summary_fact(gs, EV_RETURN, -1);
	if (!ret || !ret->escapes)
		return;
	struct check_finding cf = {
	    .rule = "lifetime-stack-escape",
	    .severity = FFIGUARD_SEV_ERROR,
	    .inst = e->call,
	    .fn = e->caller,
	    .edge = &edge,
	    .edge_is_call = true,
	};
	cf.message = xasprintf("'%s' returns the address of its own local variable: it dangles "
			       "before '%s' can use it",
			       ir_fn_name(g), ir_fn_name(e->caller));
	check_note(&cf, ret->site.inst, ret->site.fn, "returned here, in '%s'",
		   ir_fn_name(ret->site.fn));
	check_emit(c, &cf);
}
