/* The canonical copy: -O0 IR keeps every value in an alloca, which hides data flow. We analyse a
 * clone run through sroa/early-cse/instsimplify; the user's module is never touched. */
#include "ir.h"

#include <llvm-c/Error.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <string.h>

static bool has_optnone(LLVMModuleRef m)
{
	unsigned kind = LLVMGetEnumAttributeKindForName("optnone", 7);
	for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f) &&
		    LLVMGetEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex, kind))
			return true;
	return false;
}

bool ir_module_unoptimized(LLVMModuleRef module)
{
	return has_optnone(module);
}

int ir_canonicalize(LLVMModuleRef module, bool in_place, LLVMModuleRef *canon, char **err)
{
	*canon = module;
	*err = NULL;
	if (!has_optnone(module))
		return 0;

	LLVMModuleRef clone = in_place ? module : LLVMCloneModule(module);
	unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
	unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
	for (LLVMValueRef f = LLVMGetFirstFunction(clone); f; f = LLVMGetNextFunction(f)) {
		if (LLVMIsDeclaration(f))
			continue;
		/* optnone requires noinline; drop both so that the passes run on the copy. */
		LLVMRemoveEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex, optnone);
		LLVMRemoveEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex, noinline);
	}
	LLVMPassBuilderOptionsRef opts = LLVMCreatePassBuilderOptions();
	LLVMErrorRef e = LLVMRunPasses(clone, "function(sroa,early-cse,instsimplify)", NULL, opts);
	LLVMDisposePassBuilderOptions(opts);
	if (e) {
		char *msg = LLVMGetErrorMessage(e);
		*err = xasprintf("cannot canonicalize -O0 IR: %s", msg);
		LLVMDisposeErrorMessage(msg);
		if (!in_place)
			LLVMDisposeModule(clone);
		return -1;
	}
	*canon = clone;
	return 0;
}
