/* May an exception leave this function? A resume, a throw, or a plain call to a function that
 * may unwind, in a function not marked nounwind. Unknown declarations are not guessed at. */
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

void summary_unwind(struct summaries *s, struct ir_fn *f)
{
	struct summary *sum = f->summary;
	sum->may_unwind = sum->must_unwind = false;
	memset(&sum->unwind_site, 0, sizeof(sum->unwind_site));
	if (ir_attr(f->fn, LLVMAttributeFunctionIndex, "nounwind"))
		return;
	LLVMValueRef *sites = NULL;
	size_t n = 0, cap = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
		     inst = LLVMGetNextInstruction(inst)) {
			struct site site = {inst, f, NULL, NULL, NULL};
			bool unwinds = LLVMIsAResumeInst(inst) != NULL, always = unwinds;
			/* An invoke's exception lands in this function; only a resume lets it out.
			 */
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
