/* Per-function facts for the checks. This first part: allocator families (DESIGN §4), from
 * attributes and names only; allocator bodies are never looked into. */
#ifndef FFIGUARD_SUMMARY_H
#define FFIGUARD_SUMMARY_H

#include <llvm-c/Core.h>
#include <stdbool.h>

enum alloc_role {
	ALLOC_NONE = 0,
	ALLOC_ALLOCATES,   /* returns fresh memory (or, with out_param, stores it there) */
	ALLOC_RELEASES,    /* releases parameter `ptr_arg` */
	ALLOC_REALLOCATES, /* releases `ptr_arg` and returns fresh memory of the same family */
};

struct alloc_fact {
	enum alloc_role role;
	char family[64];      /* "rust", "malloc", "new", "new[]" or a custom alloc-family */
	int ptr_arg;          /* released parameter, or the out-parameter; -1 when none */
	bool out_param;       /* posix_memalign: the allocation is stored through ptr_arg */
	bool may_return_null; /* malloc family and nothrow new; not Rust's or throwing new */
};

/* Classifies a function (usually a declaration) as an allocation or release function of a
 * family. Returns false and role ALLOC_NONE for anything else. */
bool summary_alloc_classify(LLVMValueRef fn, struct alloc_fact *out);

#endif
