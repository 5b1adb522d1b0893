/* The shim inliner's entry point (inline-shims.c): it changes attributes of trivial shims on
 * FFI edges so that LLVM's inliner can do its job, and says what it did. */
#ifndef FFIGUARD_INLINE_H
#define FFIGUARD_INLINE_H

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stddef.h>

struct inline_line {
	char *text;
	LLVMValueRef fn; /* the shim */
	bool unblocked;  /* false: a candidate left alone */
};

struct inline_result {
	struct inline_line *lines; /* one per shim unblocked or left alone */
	size_t n, cap;
	size_t unblocked, skipped;
};

/* Returns 0 (r filled, module changed iff r->unblocked) or -errno with *err (caller frees). */
int inline_shims(LLVMModuleRef module, struct inline_result *r, char **err);
void inline_result_release(struct inline_result *r);

#endif
