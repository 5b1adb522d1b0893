/* The shim inliner (DESIGN §5): on FFI edges, trivial shims whose inlining stock LTO refuses are
 * made inlinable (a dead personality dropped, target attributes taken from their callers, a
 * no-builtins mismatch cleared); LLVM's inliner, which runs next, inlines them. */
#include "inline.h"
#include "ir.h"

#include <errno.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/DebugInfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *str_attr(LLVMValueRef fn, const char *key, unsigned *len)
{
	LLVMAttributeRef a =
	    LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, key, strlen(key));
	*len = 0;
	return a ? LLVMGetStringAttributeValue(a, len) : NULL;
}

static bool same(const char *a, unsigned na, const char *b, unsigned nb)
{
	return na == nb && (!na || memcmp(a, b, na) == 0);
}

/* Features every x86-64 CPU has: clang lists them, rustc leaves them to target-cpu=x86-64. */
static bool baseline_feature(const char *f, unsigned n)
{
	static const char *const base[] = {"+cmov", "+cx8",  "+fxsr", "+mmx",
					   "+sse",  "+sse2", "+x87"};
	for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		if (same(f, n, base[i], strlen(base[i])))
			return true;
	return false;
}

/* Every "+feature" of `sub` is also enabled in `super` (comma-separated lists), the x86-64
 * baseline counting as enabled everywhere. */
static bool features_subset(const char *sub, unsigned ns, const char *super, unsigned nsup)
{
	for (unsigned i = 0; i < ns;) {
		unsigned j = i;
		while (j < ns && sub[j] != ',')
			j++;
		if (sub[i] == '+' && !baseline_feature(sub + i, j - i)) {
			bool found = false;
			for (unsigned k = 0; k < nsup && !found;) {
				unsigned l = k;
				while (l < nsup && super[l] != ',')
					l++;
				found = same(sub + i, j - i, super + k, l - k);
				k = l + 1;
			}
			if (!found)
				return false;
		}
		i = j + 1;
	}
	return true;
}

struct blockers {
	bool personality, target, builtins;
};

/* Why LLVM's inliner would refuse to inline `callee` into `caller` (the checks of
 * InlineCost/TargetTransformInfo that a trivial shim can fail). */
static struct blockers blocked(LLVMValueRef caller, LLVMValueRef callee)
{
	struct blockers b = {0};
	b.personality = LLVMHasPersonalityFn(callee) && LLVMHasPersonalityFn(caller) &&
			LLVMGetPersonalityFn(callee) != LLVMGetPersonalityFn(caller);
	unsigned n1, n2, f1, f2;
	const char *cpu1 = str_attr(caller, "target-cpu", &n1);
	const char *cpu2 = str_attr(callee, "target-cpu", &n2);
	const char *fe1 = str_attr(caller, "target-features", &f1);
	const char *fe2 = str_attr(callee, "target-features", &f2);
	b.target = (cpu2 && !same(cpu1 ? cpu1 : "", cpu1 ? n1 : 0, cpu2, n2)) ||
		   (fe2 && !features_subset(fe2, f2, fe1 ? fe1 : "", fe1 ? f1 : 0));
	unsigned nb;
	b.builtins = str_attr(callee, "no-builtins", &nb) && !str_attr(caller, "no-builtins", &nb);
	return b;
}

static void set_str_attr(LLVMValueRef fn, const char *key, const char *value, unsigned len)
{
	LLVMRemoveStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, key, strlen(key));
	if (value)
		LLVMAddAttributeAtIndex(
		    fn, LLVMAttributeFunctionIndex,
		    LLVMCreateStringAttribute(LLVMGetTypeContext(LLVMTypeOf(fn)), key, strlen(key),
					      value, len));
}

static void say(struct inline_result *r, LLVMValueRef fn, bool unblocked, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void say(struct inline_result *r, LLVMValueRef fn, bool unblocked, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	VEC_RESERVE(r->lines, r->cap, r->n + 1);
	r->lines[r->n].unblocked = unblocked;
	r->lines[r->n].fn = fn;
	r->lines[r->n++].text = buf_steal(&b);
	if (unblocked)
		r->unblocked++;
	else
		r->skipped++;
}

/* The one (cpu, features) all functions calling `fn` are built for; false when they differ. */
static bool callers_target(LLVMValueRef fn, LLVMValueRef *model)
{
	*model = NULL;
	for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		if (!LLVMIsAInstruction(call) || !ir_is_call(call) ||
		    LLVMGetCalledValue(call) != fn)
			return false; /* address taken: other callers we cannot see */
		LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
		if (!*model) {
			*model = caller;
			continue;
		}
		unsigned a, b, c, d;
		const char *ca = str_attr(*model, "target-cpu", &a),
			   *cb = str_attr(caller, "target-cpu", &b);
		const char *fa = str_attr(*model, "target-features", &c);
		const char *fb = str_attr(caller, "target-features", &d);
		if (!same(ca ? ca : "", a, cb ? cb : "", b) ||
		    !same(fa ? fa : "", c, fb ? fb : "", d))
			return false;
	}
	return *model != NULL;
}

/* A definition the linker keeps as it is (not interposable) whose body cannot raise: no
 * resume, and only calls to intrinsics or nounwind functions. */
static bool cannot_unwind(LLVMValueRef fn)
{
	if (!fn)
		return false;
	if (ir_attr(fn, LLVMAttributeFunctionIndex, "nounwind"))
		return true;
	LLVMLinkage l = LLVMGetLinkage(fn);
	if (LLVMIsDeclaration(fn) || l == LLVMWeakAnyLinkage || l == LLVMLinkOnceAnyLinkage ||
	    l == LLVMExternalWeakLinkage)
		return false;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
		     i = LLVMGetNextInstruction(i)) {
			if (LLVMIsAResumeInst(i))
				return false;
			if (!ir_is_call(i))
				continue;
			LLVMValueRef callee = ir_called_function(i);
			if (!callee)
				return false;
			if (!LLVMGetIntrinsicID(callee) && !ir_call_nounwind(i))
				return false;
		}
	}
	return true;
}

/* A noexcept shim compiled before its callee was known keeps `invoke callee` with a terminate
 * pad. When the merged module shows the callee cannot unwind, the invoke is a plain call and
 * the pad is dead: rewrite it so, and delete the blocks nothing reaches. Arguments with ABI
 * type attributes (byval, sret, ...) are left alone: a plain call would drop them. */
static bool drop_dead_pads(LLVMValueRef fn)
{
	static const char *const abi_attrs[] = {"byval", "sret", "inalloca", "preallocated"};
	bool changed = false;
	LLVMBuilderRef b = LLVMCreateBuilderInContext(LLVMGetTypeContext(LLVMTypeOf(fn)));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef inv = LLVMGetBasicBlockTerminator(bb);
		if (!inv || !LLVMIsAInvokeInst(inv) || !cannot_unwind(ir_called_function(inv)))
			continue;
		unsigned n = LLVMGetNumArgOperands(inv);
		bool plain = true;
		for (unsigned a = 0; plain && a < n; a++)
			for (size_t k = 0; k < sizeof(abi_attrs) / sizeof(abi_attrs[0]); k++)
				if (ir_attr(inv, a + 1, abi_attrs[k]))
					plain = false;
		if (!plain)
			continue;
		LLVMValueRef *args = xmalloc((n + 1) * sizeof(*args));
		for (unsigned a = 0; a < n; a++)
			args[a] = LLVMGetOperand(inv, a);
		LLVMPositionBuilderBefore(b, inv);
		LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(inv));
		LLVMValueRef call = LLVMBuildCall2(b, LLVMGetCalledFunctionType(inv),
						   LLVMGetCalledValue(inv), args, n, "");
		LLVMSetInstructionCallConv(call, LLVMGetInstructionCallConv(inv));
		LLVMBuildBr(b, LLVMGetNormalDest(inv));
		LLVMReplaceAllUsesWith(inv, call);
		LLVMInstructionEraseFromParent(inv);
		free(args);
		changed = true;
	}
	LLVMDisposeBuilder(b);
	/* Blocks nothing branches to any more (the pads), until none is left. */
	for (bool again = changed; again;) {
		again = false;
		LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn), next; bb; bb = next) {
			next = LLVMGetNextBasicBlock(bb);
			if (bb != entry && !LLVMGetFirstUse(LLVMBasicBlockAsValue(bb))) {
				LLVMDeleteBasicBlock(bb);
				again = true;
			}
		}
	}
	return changed;
}

static const char *blocker_text(struct blockers b)
{
	return b.personality ? "a personality the caller does not share"
	       : b.target    ? "target features the caller lacks"
			     : "-fno-builtin on one side only";
}

/* Makes `shim` inlinable into `caller`; returns what it changed, or NULL with *why set. */
static const char *unblock(struct ir_fn *shim, struct blockers b, const char **why)
{
	LLVMValueRef fn = shim->fn, model = NULL;
	if (b.target && !callers_target(fn, &model)) {
		*why = "its callers are built for different targets (or its address is taken)";
		return NULL;
	}
	if (b.personality)
		LLVMSetPersonalityFn(fn, NULL);
	if (b.target) {
		unsigned n, m;
		const char *cpu = str_attr(model, "target-cpu", &n);
		const char *fe = str_attr(model, "target-features", &m);
		set_str_attr(fn, "target-cpu", cpu, n);
		set_str_attr(fn, "target-features", fe, m);
	}
	if (b.builtins)
		set_str_attr(fn, "no-builtins", NULL, 0);
	return b.personality ? "dropped its personality (no exception can reach it)"
	       : b.target    ? "gave it its callers' target-cpu and target-features (its body "
			       "uses no feature-specific operation)"
			     : "cleared no-builtins (it calls no library function)";
}

int inline_shims(LLVMModuleRef module, struct inline_result *r, char **err)
{
	struct ir_program p;
	memset(r, 0, sizeof(*r));
	*err = NULL;
	if (ir_module_unoptimized(module)) {
		say(r, NULL, false,
		    "ffiguard-inline: the module is unoptimized (-O0): nothing to inline");
		return 0;
	}
	int rc = ir_program_init(&p, module, IR_CANON_NONE, err);
	if (rc < 0)
		goto out;
	ir_find_edges(&p);
	struct map seen;
	map_init(&seen, false);
	for (size_t i = 0; i < p.n_edges; i++) {
		struct ir_edge *e = &p.edges[i];
		struct ir_fn *caller = e->caller;
		for (size_t k = 0; k <= e->n_via; k++) {
			struct ir_fn *g = k < e->n_via ? e->via[k] : e->callee;
			/* Stop where a pad removed on the way took the call with it. */
			if (LLVMIsDeclaration(g->fn) || !ir_call_from(caller->fn, g->fn))
				break;
			struct blockers b = blocked(caller->fn, g->fn);
			if ((b.personality || b.target || b.builtins) && !map_get(&seen, g->fn)) {
				LLVMValueRef next;
				if (b.personality)
					drop_dead_pads(g->fn);
				enum ir_shim_verdict v =
				    ir_shim_classify(g->fn, g->fn, false, &next);
				const char *why = ir_shim_verdict_text(v), *what = NULL;
				if (v == IR_SHIM_OK && b.builtins && next &&
				    LLVMIsDeclaration(next))
					why = "it calls a function that may be a library builtin";
				else if (v == IR_SHIM_OK)
					what = unblock(g, b, &why);
				map_put(&seen, g->fn, g);
				if (what)
					say(r, g->fn, true,
					    "ffiguard-inline: '%s' can now be inlined into '%s' "
					    "(was "
					    "blocked by %s): %s",
					    ir_fn_name(g), ir_fn_name(caller), blocker_text(b),
					    what);
				else
					say(r, g->fn, false,
					    "ffiguard-inline: left '%s' alone (blocked from '%s' "
					    "by %s): %s",
					    ir_fn_name(g), ir_fn_name(caller), blocker_text(b),
					    why);
			}
			caller = g;
		}
	}
	map_release(&seen);
	char *msg = NULL;
	if (r->unblocked && LLVMVerifyModule(module, LLVMReturnStatusAction, &msg)) {
		*err = xasprintf("the module does not verify after ffiguard-inline: %s", msg);
		rc = -EINVAL;
	}
	LLVMDisposeMessage(msg);
out:
	ir_program_release(&p);
	return rc;
}

void inline_result_release(struct inline_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lines[i].text);
	free(r->lines);
	memset(r, 0, sizeof(*r));
}
