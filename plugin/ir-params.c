/* What a function's signature promises about each parameter (non-null, exclusive, read-only):
 * from attributes (rustc at -O2, clang) or, at -O0 where rustc emits none, from the Rust
 * reference types in the debug info. Judging calls against these promises is the checks' job. */
#include "ir.h"

#include <llvm-c/DebugInfo.h>
#include <string.h>

static bool has_attr(LLVMValueRef fn, LLVMValueRef call, unsigned idx, const char *name)
{
	return (fn && ir_attr(fn, idx, name)) || (call && ir_attr(call, idx, name));
}

/* The operands of a metadata node, as values. */
static unsigned md_operands(LLVMContextRef ctx, LLVMMetadataRef md, LLVMValueRef *ops, unsigned max)
{
	LLVMValueRef node = LLVMMetadataAsValue(ctx, md);
	unsigned n = LLVMGetMDNodeNumOperands(node);
	if (n > max)
		return 0;
	LLVMGetMDNodeOperands(node, ops);
	return n;
}

static LLVMMetadataRef first_of_kind(LLVMContextRef ctx, LLVMMetadataRef md, LLVMMetadataKind kind)
{
	LLVMValueRef ops[32];
	unsigned n = md_operands(ctx, md, ops, 32);
	for (unsigned i = 0; i < n; i++) {
		LLVMMetadataRef op = ops[i] ? LLVMValueAsMetadata(ops[i]) : NULL;
		if (op && LLVMGetMetadataKind(op) == kind)
			return op;
	}
	return NULL;
}

/* The Rust type name of parameter `i` ("&mut i32", "&demo::Widget", "Option<&T>"), from the
 * DISubprogram's subroutine type; NULL when the debug info does not say. */
static const char *debug_type_name(LLVMValueRef fn, unsigned i, size_t *len)
{
	LLVMMetadataRef sp = LLVMGetSubprogram(fn);
	if (!sp)
		return NULL;
	LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(fn));
	LLVMMetadataRef type = first_of_kind(ctx, sp, LLVMDISubroutineTypeMetadataKind);
	LLVMMetadataRef types = type ? first_of_kind(ctx, type, LLVMMDTupleMetadataKind) : NULL;
	LLVMValueRef elems[64];
	unsigned n = types ? md_operands(ctx, types, elems, 64) : 0;
	/* Element 0 is the return type; the rest must line up with the IR parameters. */
	if (n != LLVMCountParams(fn) + 1 || !elems[i + 1])
		return NULL;
	LLVMMetadataRef t = LLVMValueAsMetadata(elems[i + 1]);
	if (LLVMGetMetadataKind(t) != LLVMDIDerivedTypeMetadataKind)
		return NULL;
	return LLVMDITypeGetName(t, len);
}

struct ir_param_info ir_param_info(LLVMValueRef fn, LLVMValueRef call, unsigned i)
{
	struct ir_param_info info = {0};
	unsigned idx = i + 1;
	info.nonnull =
	    has_attr(fn, call, idx, "nonnull") || has_attr(fn, call, idx, "dereferenceable");
	info.readonly = has_attr(fn, call, idx, "readonly") || has_attr(fn, call, idx, "readnone");
	info.exclusive = has_attr(fn, NULL, idx, "noalias") && !info.readonly;
	size_t len = 0;
	const char *name = fn && ffiguard_function_lang(fn) == FFIGUARD_LANG_RUST
			       ? debug_type_name(fn, i, &len)
			       : NULL;
	if (name && len > 0 && name[0] == '&') {
		info.nonnull = true;
		info.rust_ref = true;
		info.exclusive = info.exclusive || (len > 5 && strncmp(name, "&mut ", 5) == 0);
	}
	return info;
}
