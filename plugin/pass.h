/* ffiguard as an LLVM pass, in opt or inside the linker: the C side of the adapter.
 * The adapter (pass-plugin.cpp) registers passes and turns emitted text into diagnostics. */
#ifndef FFIGUARD_PASS_H
#define FFIGUARD_PASS_H

#include <llvm-c/Core.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum pass_mode {
	PASS_OPT,          /* -passes=ffiguard on whatever module opt was given */
	PASS_FULL_LTO,     /* the linker's merged module, at FullLinkTimeOptimizationEarlyEP */
	PASS_THIN_BACKEND, /* one ThinLTO backend module after import, maybe in parallel threads */
};

enum pass_diag {
	PASS_DIAG_WARNING,
	PASS_DIAG_ERROR,
	PASS_DIAG_REMARK,
	PASS_DIAG_INLINED, /* remarks of the shim inliner about `fn`: it unblocked it */
	PASS_DIAG_SKIPPED, /* or left it alone */
};

/* `fn` is the function a remark is about, or NULL. */
typedef void (*pass_emit_fn)(void *data, enum pass_diag kind, LLVMValueRef fn, const char *text);

/* Analyses `module` without changing it. Options come from FFIGUARD_OPTIONS (':'-separated),
 * then from `params` (the pass parameters, ';'-separated); bad ones are warnings. output=FILE
 * writes the report first (ThinLTO backends: the union of all of them), atomically; then every
 * finding is emitted as one diagnostic, those that reach fail-on last (the linker's default is
 * never): as errors in the linker, as warnings followed by one error in opt, whose first error
 * ends the process. A report that cannot be written is an error. With inline-shims=1 the shim
 * inliner runs after the analysis, and this returns whether it changed the module. Never
 * aborts. */
bool pass_run(LLVMModuleRef module, enum pass_mode mode, const char *params, pass_emit_fn emit,
	      void *data);
/* ffiguard-facts<output=FILE>: writes the module's facts file (or, with facts-dir=DIR, one
 * named after the module in DIR); failing to is an error. Never changes the module. */
bool pass_facts(LLVMModuleRef module, const char *params, pass_emit_fn emit, void *data);
/* ffiguard-inline on its own: what it did goes out as remarks. Returns whether it changed the
 * module. */
bool pass_inline(LLVMModuleRef module, pass_emit_fn emit, void *data);

#ifdef __cplusplus
}
#endif

#endif
