/* The canonical body of a function: -O0 IR keeps every value in a stack slot, which hides data
 * flow, so such a function is analysed through a copy run through sroa and instsimplify.
 * One function at a time, never the user's function; the program deletes the copies. */
#include "ir.h"

#include <llvm-c/DebugInfo.h>
#include <stdlib.h>
#include <string.h>

/* sroa takes slots apart; where every slot is a scalar, mem2reg does the same for less. */
#define CANON_PASSES "sroa,instsimplify"
#define SCALAR_PASSES "mem2reg,instsimplify"

static bool has_optnone(LLVMValueRef fn)
{
	return ir_attr(fn, LLVMAttributeFunctionIndex, "optnone") != NULL;
}

bool ir_module_unoptimized(LLVMModuleRef module)
{
	for (LLVMValueRef f = LLVMGetFirstFunction(module); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f) && has_optnone(f))
			return true;
	return false;
}

/* How much of a slot's use sroa takes apart: SLOT_SCALAR, one only loaded from, stored to and
 * marked (lifetime); SLOT_FIELDS, also accessed by field at a constant offset; SLOT_COPIED, also
 * copied (memcpy/memset) or indexed. Never handed to a call or stored as a value. rustc
 * -Copt-level=0 sets no optnone: such slots are how its code is recognized. */
enum slot_use { SLOT_SCALAR, SLOT_FIELDS, SLOT_COPIED };

static bool constant_indices(LLVMValueRef gep)
{
	for (int k = 1, n = LLVMGetNumOperands(gep); k < n; k++)
		if (!LLVMIsAConstantInt(LLVMGetOperand(gep, (unsigned)k)))
			return false;
	return true;
}

static bool promotable(LLVMValueRef addr, enum slot_use level, int depth)
{
	for (LLVMUseRef u = LLVMGetFirstUse(addr); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (LLVMIsALoadInst(user))
			continue;
		if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) != addr)
			continue;
		if (LLVMIsAIntrinsicInst(user)) {
			if (ir_intrinsic_named(user, "llvm.lifetime.") ||
			    (level == SLOT_COPIED && (ir_intrinsic_named(user, "llvm.memcpy.") ||
						      ir_intrinsic_named(user, "llvm.memset."))))
				continue;
			return false;
		}
		if (level != SLOT_SCALAR && depth < 2 && LLVMIsAGetElementPtrInst(user) &&
		    (level == SLOT_COPIED || constant_indices(user)) &&
		    promotable(user, level, depth + 1))
			continue;
		return false;
	}
	return true;
}

bool ir_fn_unoptimized(LLVMValueRef fn)
{
	if (LLVMIsDeclaration(fn))
		return false;
	if (has_optnone(fn))
		return true;
	/* A slot only loaded and stored, at constant offsets, never survives sroa (with line tables
	 * only, rustc -O0 spills no parameter, and a function's only such slot may be the Option it
	 * builds to return). One that is also copied or indexed may (sroa could not split a memcpy
	 * from an escaping slot), so those say -O0 only when they are most of the function's slots,
	 * as at -O0, where every local has one, or all of them (a small -O0 function with one such
	 * slot: Rust's parse_code building a Result in memory). */
	unsigned slots = 0, split = 0;
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
	for (LLVMValueRef i = LLVMGetFirstInstruction(entry); i; i = LLVMGetNextInstruction(i)) {
		if (!LLVMIsAAllocaInst(i))
			continue;
		if (promotable(i, SLOT_FIELDS, 0))
			return true;
		slots++;
		split += promotable(i, SLOT_COPIED, 0);
	}
	return (split >= 2 && split * 2 > slots) || (split >= 1 && split == slots);
}

/* Slots past which mem2reg grows faster than the function (its use rewriting: 10 000 slots
 * took 3x sroa's time), where sroa stays linear. */
#define MEM2REG_MAX_SLOTS 1024

/* Whether mem2reg, several times cheaper on the functions real code has, does all that sroa
 * would: every slot sroa can take apart (promotable, SLOT_COPIED) is a scalar loaded and stored
 * as its own type, and there are not too many. A slot handed to a call stays for both. */
static bool mem2reg_enough(LLVMValueRef fn)
{
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
	unsigned slots = 0;
	for (LLVMValueRef i = LLVMGetFirstInstruction(entry); i; i = LLVMGetNextInstruction(i)) {
		if (!LLVMIsAAllocaInst(i) || !promotable(i, SLOT_COPIED, 0))
			continue;
		if (++slots > MEM2REG_MAX_SLOTS)
			return false;
		LLVMTypeRef type = LLVMGetAllocatedType(i);
		for (LLVMUseRef u = LLVMGetFirstUse(i); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u);
			if (LLVMIsALoadInst(user) && !LLVMGetVolatile(user) &&
			    LLVMTypeOf(user) == type)
				continue;
			if (LLVMIsAStoreInst(user) && !LLVMGetVolatile(user) &&
			    LLVMTypeOf(LLVMGetOperand(user, 0)) == type)
				continue;
			if (!LLVMIsAIntrinsicInst(user) ||
			    !ir_intrinsic_named(user, "llvm.lifetime."))
				return false;
		}
	}
	return true;
}

static LLVMValueRef mapped(struct map *m, LLVMValueRef v)
{
	LLVMValueRef to = v ? map_get(m, v) : NULL;
	return to ? to : v;
}

/* A copy of `fn`'s body in a new internal function of the same module: the same instructions
 * (debug locations included) and, for the locations, the same subprogram. */
static LLVMValueRef copy_body(LLVMValueRef fn)
{
	LLVMModuleRef module = LLVMGetGlobalParent(fn);
	LLVMContextRef ctx = LLVMGetModuleContext(module);
	LLVMValueRef copy =
	    LLVMAddFunction(module, "ffiguard.canonical", LLVMGlobalGetValueType(fn));
	LLVMSetLinkage(copy, LLVMInternalLinkage);
	if (LLVMHasPersonalityFn(fn))
		LLVMSetPersonalityFn(copy, LLVMGetPersonalityFn(fn));
	LLVMSetSubprogram(copy, LLVMGetSubprogram(fn));

	struct map m;
	map_init(&m, false);
	for (unsigned i = 0, n = LLVMCountParams(fn); i < n; i++)
		map_put(&m, LLVMGetParam(fn, i), LLVMGetParam(copy, i));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMBasicBlockRef to = LLVMAppendBasicBlockInContext(ctx, copy, "");
		map_put(&m, LLVMBasicBlockAsValue(bb), LLVMBasicBlockAsValue(to));
	}
	/* Instructions first (phis empty: their inputs may come later), operands next. */
	LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
	unsigned dbg = LLVMGetMDKindIDInContext(ctx, "dbg", 3);
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMPositionBuilderAtEnd(
		    b, LLVMValueAsBasicBlock(map_get(&m, LLVMBasicBlockAsValue(bb))));
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
		     i = LLVMGetNextInstruction(i)) {
			LLVMValueRef c;
			if (LLVMIsAPHINode(i)) {
				c = LLVMBuildPhi(b, LLVMTypeOf(i), "");
				LLVMSetMetadata(c, dbg, LLVMGetMetadata(i, dbg));
			} else {
				c = LLVMInstructionClone(i);
				LLVMInsertIntoBuilder(b, c);
			}
			map_put(&m, i, c);
		}
	}
	LLVMDisposeBuilder(b);
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
		     i = LLVMGetNextInstruction(i)) {
			LLVMValueRef c = map_get(&m, i);
			if (LLVMIsAPHINode(i)) {
				for (unsigned k = 0, n = LLVMCountIncoming(i); k < n; k++) {
					LLVMValueRef v = mapped(&m, LLVMGetIncomingValue(i, k));
					LLVMBasicBlockRef from = LLVMValueAsBasicBlock(map_get(
					    &m, LLVMBasicBlockAsValue(LLVMGetIncomingBlock(i, k))));
					LLVMAddIncoming(c, &v, &from, 1);
				}
				continue;
			}
			for (int k = 0, n = LLVMGetNumOperands(i); k < n; k++) {
				LLVMValueRef v = LLVMGetOperand(i, (unsigned)k);
				LLVMValueRef to = v ? map_get(&m, v) : NULL;
				if (to)
					LLVMSetOperand(c, (unsigned)k, to);
			}
		}
	}
	map_release(&m);
	return copy;
}

/* Whether `in` is a lifetime mark or a debug intrinsic: nothing between a call and the copy of
 * its result. */
static bool is_mark(LLVMValueRef in)
{
	return LLVMIsAIntrinsicInst(in) &&
	       (ir_intrinsic_named(in, "llvm.lifetime.") || ir_intrinsic_named(in, "llvm.dbg."));
}

/* The instruction that runs right after `call` returns normally, marks skipped. */
static LLVMValueRef after(LLVMValueRef call)
{
	LLVMValueRef next = LLVMGetNextInstruction(call);
	if (LLVMIsAInvokeInst(call)) {
		LLVMBasicBlockRef to = LLVMGetNormalDest(call);
		LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(to));
		next = u && !LLVMGetNextUse(u) ? LLVMGetFirstInstruction(to) : NULL;
	}
	while (next && is_mark(next))
		next = LLVMGetNextInstruction(next);
	return next;
}

/* Whether `v` is defined where `call` may use it: a parameter, a slot, or an earlier
 * instruction of the call's block. */
static bool available_at(LLVMValueRef v, LLVMValueRef call)
{
	if (LLVMIsAArgument(v) || LLVMIsAAllocaInst(v) || LLVMIsAGlobalValue(v))
		return true;
	if (!LLVMIsAInstruction(v) || LLVMGetInstructionParent(v) != LLVMGetInstructionParent(call))
		return false;
	for (LLVMValueRef in = LLVMGetPreviousInstruction(call); in;
	     in = LLVMGetPreviousInstruction(in))
		if (in == v)
			return true;
	return false;
}

/* -O0 Rust builds a callee's by-value result in a temporary and copies it out whole:
 * `call f(sret %tmp); memcpy(%dst, %tmp, N)`. In the copy the callee builds it in %dst
 * directly (what memcpyopt does when it may), so that what f stores there is seen stored into
 * %dst: String::from_raw_parts is Vec::from_raw_parts_in's stores into its own sret. */
static void forward_results(LLVMValueRef fn)
{
	unsigned sret = ir_attr_kind("sret");
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef tmp = LLVMGetFirstInstruction(bb); tmp && LLVMIsAAllocaInst(tmp);
		     tmp = LLVMGetNextInstruction(tmp)) {
			LLVMTypeRef t = LLVMGetAllocatedType(tmp);
			if (LLVMGetTypeKind(t) != LLVMArrayTypeKind)
				continue;
			LLVMValueRef call = NULL, copy = NULL;
			unsigned arg = 0;
			bool ok = true;
			for (LLVMUseRef u = LLVMGetFirstUse(tmp); ok && u; u = LLVMGetNextUse(u)) {
				LLVMValueRef user = LLVMGetUser(u);
				if (is_mark(user))
					continue;
				if (LLVMIsAIntrinsicInst(user) &&
				    ir_intrinsic_named(user, "llvm.memcpy") && !copy &&
				    LLVMGetOperand(user, 1) == tmp &&
				    LLVMGetOperand(user, 0) != tmp) {
					copy = user;
					continue;
				}
				ok = ir_is_call(user) && !call && LLVMGetCalledValue(user) != tmp;
				call = user;
				for (unsigned i = 0, n = ok ? LLVMGetNumArgOperands(user) : 0;
				     i < n; i++)
					if (LLVMGetOperand(user, i) == tmp)
						arg = i;
			}
			if (!ok || !call || !copy || after(call) != copy ||
			    !LLVMGetCallSiteEnumAttribute(call, arg + 1, sret))
				continue;
			LLVMValueRef len = LLVMGetOperand(copy, 2), dst = LLVMGetOperand(copy, 0);
			if (!LLVMIsAConstantInt(len) ||
			    LLVMConstIntGetZExtValue(len) != LLVMGetArrayLength2(t) ||
			    LLVMGetTypeKind(LLVMGetElementType(t)) != LLVMIntegerTypeKind ||
			    LLVMGetIntTypeWidth(LLVMGetElementType(t)) != 8 ||
			    !available_at(dst, call))
				continue;
			bool passed = false;
			for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n; i++)
				passed = passed || LLVMGetOperand(call, i) == dst;
			if (passed)
				continue;
			LLVMSetOperand(call, arg, dst);
			LLVMInstructionEraseFromParent(copy);
		}
}

int ir_canonical_body(LLVMValueRef fn, bool in_place, struct ir_passes *passes, LLVMValueRef *body,
		      char **err)
{
	*err = NULL;
	*body = fn;
	if (!ir_fn_unoptimized(fn))
		return 0;
	LLVMValueRef target = fn;
	if (in_place) {
		/* optnone requires noinline; the passes skip optnone functions. */
		unsigned optnone = ir_attr_kind("optnone");
		unsigned noinline = ir_attr_kind("noinline");
		LLVMRemoveEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optnone);
		LLVMRemoveEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, noinline);
	} else {
		target = copy_body(fn);
	}
	/* The names sroa and mem2reg give the values they make (`x.sroa.0`) are never read, and
	 * making them unique cost an eighth of the passes' time. */
	LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(fn));
	LLVMBool named = !LLVMContextShouldDiscardValueNames(ctx);
	LLVMContextSetDiscardValueNames(ctx, 1);
	char *msg = NULL;
	int rc = ir_passes_run(passes, target,
			       mem2reg_enough(target) ? SCALAR_PASSES : CANON_PASSES, &msg);
	LLVMContextSetDiscardValueNames(ctx, !named);
	if (rc < 0) {
		size_t len;
		*err = xasprintf("cannot canonicalize -O0 function '%s': %s",
				 LLVMGetValueName2(fn, &len), msg);
		free(msg);
		if (target != fn)
			LLVMDeleteFunction(target);
		return -1;
	}
	forward_results(target);
	*body = target;
	return 1;
}
