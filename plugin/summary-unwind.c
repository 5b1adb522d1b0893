/* May an exception leave this function? A resume behind an invoke that may unwind, a throw, or
 * a plain call to a function that may unwind, in a function not marked nounwind. Unknown
 * declarations called plainly are not guessed at. */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* The C++ runtime's throwing entry points and libstdc++'s std::__throw_* helpers. */
static bool throws(LLVMValueRef callee)
{
	static const char *const names[] = {"__cxa_throw", "__cxa_rethrow",
					    "_Unwind_RaiseException", "_Unwind_Resume",
					    "__cxa_rethrow_primary_exception"};
	size_t n;
	const char *name = LLVMGetValueName2(callee, &n);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return strncmp(name, "_ZSt", 4) == 0 && strstr(name, "__throw_") != NULL;
}

/* Rust's panic entry points, which crate-only bitcode declares (std's bodies are elsewhere):
 * core::panicking's, and the helpers of expect/unwrap and begin_panic. Those that cannot unwind
 * (panic_nounwind, panic_cannot_unwind) are declared nounwind and never get here. */
static bool panics(struct ir_fn *g)
{
	static const char *const names[] = {
	    "core::option::expect_failed", "core::option::unwrap_failed",
	    "core::result::unwrap_failed", "std::panicking::begin_panic", "std::rt::begin_panic"};
	if (!g || g->lang != FFIGUARD_LANG_RUST || !LLVMIsDeclaration(g->fn))
		return false;
	const char *name = ir_fn_name(g);
	if (strncmp(name, "core::panicking::", 17) == 0)
		return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(name, names[i], strlen(names[i])) == 0)
			return true;
	return false;
}

/* Whether an invoke may unwind into its landing pad: clang invokes what it believes may throw,
 * so a callee without a summary of its body (a declaration: operator new, libstdc++'s string; a
 * library model) or unresolved is taken at its word; a summarised body says; a nounwind call
 * site or callee never does. */
static bool invoke_unwinds(struct summaries *s, LLVMValueRef inv)
{
	if (ir_call_nounwind(inv))
		return false;
	LLVMValueRef callee = ir_program_callee(s->program, inv);
	struct ir_fn *g = callee ? map_get(&s->program->by_value, callee) : NULL;
	if (!callee || throws(callee) || panics(g))
		return true;
	if (ir_attr(callee, LLVMAttributeFunctionIndex, "nounwind"))
		return false;
	/* A library model says what happens to memory, not whether the call throws. */
	const struct summary *gs = g ? summary_of(g) : NULL;
	return gs && !gs->modelled ? gs->may_unwind || gs->unwind_unknown : true;
}

/* Whether a plain call reaches code whose unwinding is not known. */
static bool call_unknown(struct summaries *s, LLVMValueRef call)
{
	LLVMValueRef callee = ir_program_callee(s->program, call);
	if (!callee)
		return true;
	if (LLVMGetIntrinsicID(callee) || ir_attr(callee, LLVMAttributeFunctionIndex, "nounwind"))
		return false;
	struct ir_fn *g = map_get(&s->program->by_value, callee);
	const struct summary *gs = g ? summary_of(g) : NULL;
	return gs && !gs->modelled ? gs->unwind_unknown : true;
}

void summary_unwind(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	sum->may_unwind = sum->must_unwind = sum->unwind_unknown = false;
	memset(&sum->unwind_site, 0, sizeof(sum->unwind_site));
	if (ir_attr(f->fn, LLVMAttributeFunctionIndex, "nounwind"))
		return;
	/* A resume passes on what a landing pad caught: only when some invoke may unwind into one
	 * (a cleanup's resume behind calls that cannot throw lets nothing out). */
	bool landed = false;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb && !landed;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		landed = t && LLVMIsAInvokeInst(t) && invoke_unwinds(s, t);
	}
	LLVMValueRef *sites = NULL;
	size_t n = 0, cap = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
		     inst = LLVMGetNextInstruction(inst)) {
			struct site site = {inst, f, NULL, NULL, NULL};
			bool unwinds = landed && LLVMIsAResumeInst(inst), always = unwinds;
			/* An invoke's exception lands in this function; only a resume lets it out.
			 */
			if (LLVMIsACallInst(inst) && !ir_call_nounwind(inst) &&
			    !sum->unwind_unknown)
				sum->unwind_unknown = call_unknown(s, inst);
			if (LLVMIsACallInst(inst) && !ir_call_nounwind(inst)) {
				LLVMValueRef callee = ir_program_callee(s->program, inst);
				struct ir_fn *g =
				    callee ? map_get(&s->program->by_value, callee) : NULL;
				const struct summary *gs = g ? summary_of(g) : NULL;
				if (callee && (throws(callee) || panics(g))) {
					unwinds = always = true;
				} else if (gs && gs->may_unwind) {
					unwinds = true;
					always = gs->must_unwind;
					if (!ir_fn_is_library(gs->unwind_site.fn))
						site = gs->unwind_site;
				}
			}
			if (!unwinds)
				continue;
			if (!sum->may_unwind)
				sum->unwind_site = site;
			sum->may_unwind = true;
			if (!always)
				continue;
			VEC_RESERVE(sites, cap, n + 1);
			sites[n++] = inst;
		}
	}
	/* Every path ends in something that always unwinds: no path returns around them. */
	struct cfg_query q = {.blockers = sites, .n_blockers = n};
	sum->must_unwind = n > 0 && !cfg_path_exists(s, f, &q);
	free(sites);
}
