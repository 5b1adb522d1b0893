/* Trivial shims (DESIGN §5): small, loop-free, EH-free forwarders. Edge discovery follows them;
 * the inliner will inline them. This file only classifies; it never changes IR. It also holds
 * the small IR queries every module uses: calls, attributes, phi/select inputs, allocas. */
#include "ir.h"

#include <stdatomic.h>
#include <stdint.h>

#include <string.h>

#define SHIM_MAX_BLOCKS 4
#define SHIM_MAX_INSTRUCTIONS 24

const char *ir_shim_verdict_text(enum ir_shim_verdict v)
{
	switch (v) {
	case IR_SHIM_OK:
		return "trivial shim";
	case IR_SHIM_DECLARATION:
		return "no body in this module";
	case IR_SHIM_INTERPOSABLE:
		return "interposable definition";
	case IR_SHIM_VARARG:
		return "variadic";
	case IR_SHIM_TOO_BIG:
		return "too large";
	case IR_SHIM_LOOP:
		return "has a loop";
	case IR_SHIM_ALLOCA:
		return "keeps a stack slot";
	case IR_SHIM_INLINE_ASM:
		return "contains inline asm";
	case IR_SHIM_VECTOR:
		return "uses vector values";
	case IR_SHIM_TARGET_INTRINSIC:
		return "uses a target intrinsic";
	case IR_SHIM_EH_PAD:
		return "has exception handling";
	case IR_SHIM_RECURSIVE:
		return "recursive";
	case IR_SHIM_MANY_CALLS:
		return "calls more than one function";
	case IR_SHIM_INDIRECT_CALL:
		return "makes an indirect call";
	}
	return "?";
}

bool ir_is_call(LLVMValueRef inst)
{
	LLVMOpcode op = LLVMGetInstructionOpcode(inst);
	return op == LLVMCall || op == LLVMInvoke || op == LLVMCallBr;
}

bool ir_call_aligned(LLVMValueRef call, LLVMValueRef callee)
{
	return LLVMCountParamTypes(LLVMGetCalledFunctionType(call)) == LLVMCountParams(callee);
}

bool ir_is_inline_asm_call(LLVMValueRef call)
{
	return LLVMIsAInlineAsm(LLVMGetCalledValue(call)) != NULL;
}

LLVMValueRef ir_called_function(LLVMValueRef call)
{
	LLVMValueRef v = LLVMGetCalledValue(call);
	/* Aliases may chain; a cycle is invalid IR, but stay bounded anyway. */
	for (int depth = 0; v && LLVMIsAGlobalAlias(v) && depth < 16; depth++)
		v = LLVMAliasGetAliasee(v);
	return v && LLVMIsAFunction(v) ? v : NULL;
}

static bool is_vector(LLVMTypeRef t)
{
	LLVMTypeKind k = LLVMGetTypeKind(t);
	return k == LLVMVectorTypeKind || k == LLVMScalableVectorTypeKind;
}

/* Intrinsics that only describe the program to the optimizer. */
static bool is_annotation(const char *name)
{
	return strncmp(name, "llvm.dbg.", 9) == 0 || strncmp(name, "llvm.lifetime.", 14) == 0 ||
	       strcmp(name, "llvm.assume") == 0 || strncmp(name, "llvm.expect", 11) == 0;
}

static bool is_target_intrinsic(const char *name)
{
	static const char *const targets[] = {
	    "x86.",  "aarch64.", "arm.",   "nvvm.", "amdgcn.",    "ppc.", "riscv.",
	    "wasm.", "hexagon.", "mips.",  "s390.", "loongarch.", "bpf.", "spv.",
	    "r600.", "ve.",      "xcore.", "dx.",   "sparc.",
	};
	if (strncmp(name, "llvm.", 5) != 0)
		return false;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		if (strncmp(name + 5, targets[i], strlen(targets[i])) == 0)
			return true;
	return false;
}

static bool is_eh(LLVMOpcode op)
{
	return op == LLVMLandingPad || op == LLVMCleanupPad || op == LLVMCatchPad ||
	       op == LLVMCatchSwitch || op == LLVMResume || op == LLVMCleanupRet ||
	       op == LLVMCatchRet || op == LLVMInvoke;
}

/* Forwarding may look past two unwind-only blocks on top of the shim limit. */
#define CYCLE_MAX_BLOCKS (SHIM_MAX_BLOCKS + 2)

/* True when the CFG has a cycle reachable from the entry (iterative DFS); the caller has checked
 * n_blocks <= CYCLE_MAX_BLOCKS. */
static bool has_cycle(LLVMValueRef fn, unsigned n_blocks)
{
	LLVMBasicBlockRef blocks[CYCLE_MAX_BLOCKS];
	LLVMGetBasicBlocks(fn, blocks);
	int state[CYCLE_MAX_BLOCKS] = {0}; /* 0 new, 1 on stack, 2 done */
	unsigned stack[CYCLE_MAX_BLOCKS], next[CYCLE_MAX_BLOCKS];
	int sp = 0;
	stack[0] = 0;
	next[0] = 0;
	state[0] = 1;
	while (sp >= 0) {
		LLVMValueRef term = LLVMGetBasicBlockTerminator(blocks[stack[sp]]);
		unsigned n_succ = term ? LLVMGetNumSuccessors(term) : 0;
		if (next[sp] >= n_succ) {
			state[stack[sp]] = 2;
			sp--;
			continue;
		}
		LLVMBasicBlockRef succ = LLVMGetSuccessor(term, next[sp]++);
		unsigned idx = 0;
		while (idx < n_blocks && blocks[idx] != succ)
			idx++;
		if (idx == n_blocks)
			continue;
		if (state[idx] == 1)
			return true;
		if (state[idx] == 0) {
			state[idx] = 1;
			sp++;
			stack[sp] = idx;
			next[sp] = 0;
		}
	}
	return false;
}

/* A block that only runs while unwinding: it starts with a landing pad or another EH pad. */
static bool is_eh_block(LLVMBasicBlockRef bb)
{
	LLVMValueRef first = LLVMGetFirstInstruction(bb);
	while (first && LLVMGetInstructionOpcode(first) == LLVMPHI)
		first = LLVMGetNextInstruction(first);
	return first && is_eh(LLVMGetInstructionOpcode(first)) &&
	       LLVMGetInstructionOpcode(first) != LLVMInvoke;
}

enum ir_shim_verdict ir_shim_classify(LLVMValueRef fn, LLVMValueRef body, bool forwarding,
				      LLVMValueRef *callee)
{
	*callee = NULL;
	if (LLVMIsDeclaration(fn))
		return IR_SHIM_DECLARATION;
	switch (LLVMGetLinkage(fn)) {
	case LLVMWeakAnyLinkage:
	case LLVMLinkOnceAnyLinkage:
	case LLVMExternalWeakLinkage:
	case LLVMCommonLinkage:
		return IR_SHIM_INTERPOSABLE;
	default:
		break;
	}
	if (LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)))
		return IR_SHIM_VARARG;
	unsigned n_blocks = LLVMCountBasicBlocks(body);
	if (n_blocks > (forwarding ? CYCLE_MAX_BLOCKS : SHIM_MAX_BLOCKS))
		return IR_SHIM_TOO_BIG;

	unsigned count = 0, normal_blocks = 0;
	LLVMValueRef target = NULL;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		/* Forwarding ignores the unwind path: a noexcept bridge's terminate pad at -O0 or a
		 * Rust drop cleanup does not change where the call goes. */
		if (forwarding && is_eh_block(bb))
			continue;
		if (++normal_blocks > SHIM_MAX_BLOCKS)
			return IR_SHIM_TOO_BIG;
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
		     i = LLVMGetNextInstruction(i)) {
			LLVMOpcode op = LLVMGetInstructionOpcode(i);
			if (is_eh(op) && !(forwarding && op == LLVMInvoke))
				return IR_SHIM_EH_PAD;
			if (op == LLVMAlloca)
				return IR_SHIM_ALLOCA;
			if (is_vector(LLVMTypeOf(i)))
				return IR_SHIM_VECTOR;
			for (int k = 0, n = LLVMGetNumOperands(i); k < n; k++) {
				LLVMValueRef o = LLVMGetOperand(i, (unsigned)k);
				if (o && is_vector(LLVMTypeOf(o)))
					return IR_SHIM_VECTOR;
			}
			if (ir_is_call(i)) {
				if (ir_is_inline_asm_call(i))
					return IR_SHIM_INLINE_ASM;
				LLVMValueRef f = ir_called_function(i);
				if (!f)
					return IR_SHIM_INDIRECT_CALL;
				if (LLVMGetIntrinsicID(f)) {
					size_t len;
					const char *name = LLVMGetValueName2(f, &len);
					if (is_annotation(name))
						continue;
					if (is_target_intrinsic(name))
						return IR_SHIM_TARGET_INTRINSIC;
				} else {
					if (f == fn)
						return IR_SHIM_RECURSIVE;
					if (target && target != f)
						return IR_SHIM_MANY_CALLS;
					target = f;
				}
			}
			if (++count > SHIM_MAX_INSTRUCTIONS)
				return IR_SHIM_TOO_BIG;
		}
	}
	if (n_blocks > 1 && has_cycle(body, n_blocks))
		return IR_SHIM_LOOP;
	*callee = target;
	return IR_SHIM_OK;
}

LLVMValueRef ir_shim_call(LLVMValueRef shim, LLVMValueRef callee)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(shim); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			if (ir_is_call(i) && ir_called_function(i) == callee)
				return i;
	return NULL;
}

LLVMValueRef ir_call_from(LLVMValueRef caller, LLVMValueRef callee)
{
	for (LLVMUseRef u = LLVMGetFirstUse(callee); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (LLVMIsAGlobalAlias(user)) {
			LLVMValueRef call = ir_call_from(caller, user);
			if (call)
				return call;
			continue;
		}
		if (LLVMIsAInstruction(user) && ir_is_call(user) &&
		    LLVMGetCalledValue(user) == callee &&
		    LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)) == caller)
			return user;
	}
	return NULL;
}

/* LLVM looks attribute names up in a long table on every call, and the checks ask per parameter
 * of every edge. Callers pass string literals: remember the kind by the literal's address, the
 * two packed in one word (user addresses fit in 48 bits) so that threads need no lock. */
#define KIND_CACHE 64
static _Atomic uint64_t kind_cache[KIND_CACHE];

unsigned ir_attr_kind(const char *name)
{
	uint64_t addr = (uint64_t)(uintptr_t)name & 0xffffffffffffull;
	_Atomic uint64_t *slot = &kind_cache[(addr >> 3) % KIND_CACHE];
	uint64_t e = atomic_load_explicit(slot, memory_order_relaxed);
	if (e && (e & 0xffffffffffffull) == addr)
		return (unsigned)(e >> 48);
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
	if ((uint64_t)(uintptr_t)name == addr && kind < 0xffff)
		atomic_store_explicit(slot, (uint64_t)kind << 48 | addr, memory_order_relaxed);
	return kind;
}

LLVMAttributeRef ir_attr(LLVMValueRef v, unsigned idx, const char *name)
{
	unsigned kind = ir_attr_kind(name);
	if (!kind)
		return NULL;
	return LLVMIsAInstruction(v) ? LLVMGetCallSiteEnumAttribute(v, idx, kind)
				     : LLVMGetEnumAttributeAtIndex(v, idx, kind);
}

bool ir_call_nounwind(LLVMValueRef call)
{
	LLVMValueRef callee = ir_called_function(call);
	return ir_attr(call, LLVMAttributeFunctionIndex, "nounwind") ||
	       (callee && ir_attr(callee, LLVMAttributeFunctionIndex, "nounwind"));
}

unsigned ir_merge_count(LLVMValueRef v)
{
	return LLVMIsAPHINode(v) ? LLVMCountIncoming(v) : LLVMIsASelectInst(v) ? 2 : 0;
}

LLVMValueRef ir_merge_input(LLVMValueRef v, unsigned i)
{
	return LLVMIsAPHINode(v) ? LLVMGetIncomingValue(v, i) : LLVMGetOperand(v, i + 1);
}

LLVMValueRef ir_extracted(LLVMValueRef v)
{
	if (!LLVMIsAExtractValueInst(v) || LLVMGetNumIndices(v) != 1)
		return NULL;
	unsigned field = LLVMGetIndices(v)[0];
	LLVMValueRef agg = LLVMGetOperand(v, 0);
	for (; LLVMIsAInsertValueInst(agg); agg = LLVMGetOperand(agg, 0))
		if (LLVMGetIndices(agg)[0] == field)
			return LLVMGetNumIndices(agg) == 1 ? LLVMGetOperand(agg, 1) : NULL;
	/* The first of the aggregate's reads of that field (among its first few users). */
	int seen = 0;
	for (LLVMUseRef u = LLVMGetFirstUse(agg); u && seen < 16; u = LLVMGetNextUse(u), seen++) {
		LLVMValueRef e = LLVMGetUser(u);
		if (LLVMIsAExtractValueInst(e) && LLVMGetNumIndices(e) == 1 &&
		    LLVMGetIndices(e)[0] == field && LLVMGetOperand(e, 0) == agg)
			return e == v ? NULL : e;
	}
	return NULL;
}

LLVMValueRef ir_single_pred_term(LLVMBasicBlockRef bb)
{
	LLVMValueRef term = NULL;
	for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(bb)); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (!LLVMIsATerminatorInst(user))
			continue;
		if (term && term != user)
			return NULL;
		term = user;
	}
	return term;
}

bool ir_gep_offset(LLVMTargetDataRef layout, LLVMValueRef gep, int64_t *off, LLVMTypeRef *field_of,
		   int64_t *field_off)
{
	LLVMTypeRef ty = LLVMGetGEPSourceElementType(gep);
	unsigned n = LLVMGetNumOperands(gep);
	int64_t total = 0;
	if (field_of)
		*field_of = NULL;
	for (unsigned i = 1; i < n; i++) {
		LLVMValueRef idx = LLVMGetOperand(gep, i);
		if (!LLVMIsAConstantInt(idx))
			return false;
		int64_t k = LLVMConstIntGetSExtValue(idx);
		if (i == 1) {
			total += k * (int64_t)LLVMABISizeOfType(layout, ty);
			continue;
		}
		switch (LLVMGetTypeKind(ty)) {
		case LLVMStructTypeKind: {
			int64_t eo = (int64_t)LLVMOffsetOfElement(layout, ty, (unsigned)k);
			if (field_of) {
				*field_of = ty;
				*field_off = eo;
			}
			total += eo;
			ty = LLVMStructGetTypeAtIndex(ty, (unsigned)k);
			break;
		}
		case LLVMArrayTypeKind:
		case LLVMVectorTypeKind:
			ty = LLVMGetElementType(ty);
			total += k * (int64_t)LLVMABISizeOfType(layout, ty);
			if (field_of)
				*field_of = NULL;
			break;
		default:
			return false;
		}
	}
	*off = total;
	return true;
}

LLVMValueRef ir_phi_incoming(LLVMValueRef phi, LLVMBasicBlockRef pred)
{
	for (unsigned i = 0, n = LLVMCountIncoming(phi); i < n; i++)
		if (LLVMGetIncomingBlock(phi, i) == pred)
			return LLVMGetIncomingValue(phi, i);
	return NULL;
}

bool ir_intrinsic_named(LLVMValueRef call, const char *prefix)
{
	size_t n;
	const char *name = LLVMGetValueName2(LLVMGetCalledValue(call), &n);
	return strncmp(name, prefix, strlen(prefix)) == 0;
}

bool ir_is_local_alloca(LLVMValueRef fn, LLVMValueRef v)
{
	return LLVMIsAAllocaInst(v) && LLVMGetBasicBlockParent(LLVMGetInstructionParent(v)) == fn;
}
