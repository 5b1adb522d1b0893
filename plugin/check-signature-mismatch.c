/* abi-signature-mismatch: the call's own prototype (what the caller declared) against the
 * definition in the other language, compared as the ABI sees them: aggregates flattened to
 * their scalars, byval/sret and zeroext/signext kept. Reported at the call. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SLOTS 64

/* One register-sized piece of an argument: 'i' integer, 'f' float, 'p' pointer, 'v' vector,
 * 'b' aggregate by value in memory (byval), 's' sret; ext 'z'/'s' for zeroext/signext. */
struct slot {
	char cls, ext;
	uint64_t bits;
};

struct slots {
	struct slot v[MAX_SLOTS];
	size_t n;
};

static void add(struct slots *s, char cls, uint64_t bits)
{
	if (s->n < MAX_SLOTS)
		s->v[s->n++] = (struct slot){cls, 0, bits};
}

static void flatten(LLVMTargetDataRef dl, LLVMTypeRef t, struct slots *out)
{
	switch (LLVMGetTypeKind(t)) {
	case LLVMIntegerTypeKind:
		add(out, 'i', LLVMGetIntTypeWidth(t));
		break;
	case LLVMHalfTypeKind:
	case LLVMBFloatTypeKind:
	case LLVMFloatTypeKind:
	case LLVMDoubleTypeKind:
	case LLVMX86_FP80TypeKind:
	case LLVMFP128TypeKind:
		add(out, 'f', LLVMSizeOfTypeInBits(dl, t));
		break;
	case LLVMPointerTypeKind:
		add(out, 'p', LLVMSizeOfTypeInBits(dl, t));
		break;
	case LLVMStructTypeKind:
		for (unsigned i = 0, n = LLVMCountStructElementTypes(t); i < n; i++)
			flatten(dl, LLVMStructGetTypeAtIndex(t, i), out);
		break;
	case LLVMArrayTypeKind:
		for (uint64_t i = 0, n = LLVMGetArrayLength2(t); i < n && out->n < MAX_SLOTS; i++)
			flatten(dl, LLVMGetElementType(t), out);
		break;
	case LLVMVoidTypeKind:
		break;
	default:
		add(out, 'v', LLVMSizeOfTypeInBits(dl, t));
	}
}

/* The ABI pieces of a function type's parameters, with the attributes of a call or function. */
static void param_slots(LLVMTargetDataRef dl, LLVMTypeRef fnty, LLVMValueRef v, struct slots *out)
{
	unsigned n = LLVMCountParamTypes(fnty);
	LLVMTypeRef *params = xmalloc((n + 1) * sizeof(*params));
	LLVMGetParamTypes(fnty, params);
	for (unsigned i = 0; i < n; i++) {
		LLVMAttributeRef byval = ir_attr(v, i + 1, "byval");
		if (byval) {
			add(out, 'b', LLVMSizeOfTypeInBits(dl, LLVMGetTypeAttributeValue(byval)));
			continue;
		}
		if (ir_attr(v, i + 1, "sret")) {
			add(out, 's', 0);
			continue;
		}
		size_t before = out->n;
		flatten(dl, params[i], out);
		if (out->n == before + 1 && out->v[before].cls == 'i')
			out->v[before].ext = ir_attr(v, i + 1, "zeroext")   ? 'z'
					     : ir_attr(v, i + 1, "signext") ? 's'
									    : 0;
	}
	free(params);
}

static const char *why(const struct slot *a, const struct slot *b)
{
	if (!a || !b)
		return "the number of parameters differs";
	if (a->cls == 'b' || b->cls == 'b')
		return "an aggregate passed by value on one side is a pointer or scalars on the "
		       "other";
	if (a->cls == 's' || b->cls == 's')
		return "one side returns through a hidden pointer (sret), the other does not";
	if ((a->cls == 'p') != (b->cls == 'p'))
		return "a pointer on one side is an integer or float on the other";
	if ((a->cls == 'f') != (b->cls == 'f'))
		return "an integer on one side is floating point on the other";
	if (a->bits != b->bits)
		return a->cls == 'f' ? "float on one side is double on the other"
				     : "the integer widths differ";
	return "one side zero-extends (unsigned) what the other sign-extends (signed)";
}

/* The same register class and width. A pointer and an integer of its width are one integer
 * register to both sides: rustc lowers a { ptr, len } return to { i64, i64 } where clang has
 * { ptr, i64 }, and a repr(C) struct of one pointer passed by value (a -sys crate's handle) to
 * i64 where C declares the pointer. A narrower integer against a pointer still differs. So are
 * a float and a vector of its width one vector register: an eightbyte of two floats is double
 * to rustc and <2 x float> to clang (meshoptimizer's statistics returned by value). */
static bool same_class(const struct slot *a, const struct slot *b)
{
	if (a->bits != b->bits)
		return false;
	if (a->cls == b->cls)
		return true;
	return (a->cls == 'p' && b->cls == 'i') || (a->cls == 'i' && b->cls == 'p') ||
	       (a->cls == 'f' && b->cls == 'v') || (a->cls == 'v' && b->cls == 'f');
}

static bool same(const struct slot *a, const struct slot *b)
{
	return same_class(a, b) && a->ext == b->ext;
}

/* "i16 (i8 signext, i8 zeroext)": a prototype as LLVM spells it, with the ABI attributes. */
static char *prototype(LLVMTypeRef fnty, LLVMValueRef v)
{
	static const char *const attrs[] = {"byval", "sret", "zeroext", "signext"};
	struct buf b = {0};
	char *ret = LLVMPrintTypeToString(LLVMGetReturnType(fnty));
	buf_printf(&b, "%s (", ret);
	LLVMDisposeMessage(ret);
	unsigned n = LLVMCountParamTypes(fnty);
	LLVMTypeRef *params = xmalloc((n + 1) * sizeof(*params));
	LLVMGetParamTypes(fnty, params);
	for (unsigned i = 0; i < n; i++) {
		char *t = LLVMPrintTypeToString(params[i]);
		buf_printf(&b, "%s%s", i ? ", " : "", t);
		LLVMDisposeMessage(t);
		for (size_t k = 0; k < sizeof(attrs) / sizeof(attrs[0]); k++)
			if (ir_attr(v, i + 1, attrs[k]))
				buf_printf(&b, " %s", attrs[k]);
	}
	buf_puts(&b, LLVMIsFunctionVarArg(fnty) ? (n ? ", ...)" : "...)") : ")");
	free(params);
	return buf_steal(&b);
}

/* Why two prototypes (function types with the attributes of a call or a function) differ, as
 * the ABI sees them; NULL when they agree. */
static const char *disagreement(LLVMTargetDataRef dl, LLVMTypeRef ta, LLVMValueRef va,
				LLVMTypeRef tb, LLVMValueRef vb)
{
	/* On the stack, unzeroed: asked once per FFI edge, and only the first n are read. */
	struct slots sa, sb, *a = &sa, *b = &sb;
	a->n = b->n = 0;
	param_slots(dl, ta, va, a);
	param_slots(dl, tb, vb, b);
	const char *reason = NULL;
	for (size_t i = 0; !reason && i < (a->n > b->n ? a->n : b->n); i++) {
		const struct slot *x = i < a->n ? &a->v[i] : NULL, *y = i < b->n ? &b->v[i] : NULL;
		if (!x || !y || !same(x, y))
			reason = why(x, y);
	}
	if (!reason) {
		/* Returns: the scalars must match; extension of a return is the callee's courtesy.
		 */
		a->n = b->n = 0;
		flatten(dl, LLVMGetReturnType(ta), a);
		flatten(dl, LLVMGetReturnType(tb), b);
		bool differ = a->n != b->n;
		for (size_t i = 0; !differ && i < a->n; i++)
			differ = !same_class(&a->v[i], &b->v[i]);
		if (differ)
			reason = "the return types differ";
	}
	if (!reason && LLVMIsFunctionVarArg(ta) != LLVMIsFunctionVarArg(tb))
		reason = "one side is variadic, the other is not";
	return reason;
}

void check_signature_mismatch(struct check_ctx *c, struct ir_edge *e)
{
	struct ir_fn *g = ir_edge_direct(e);
	if (g->lang == e->caller->lang || LLVMIsDeclaration(g->fn))
		return;
	LLVMTypeRef call_ty = LLVMGetCalledFunctionType(e->call);
	LLVMTypeRef def_ty = LLVMGlobalGetValueType(g->fn);
	const char *reason = disagreement(c->s->layout, call_ty, e->call, def_ty, g->fn);
	if (!reason)
		return;
	struct site edge = edge_site(e);
	char *as_called = prototype(call_ty, e->call);
	char *as_defined = prototype(def_ty, g->fn);
	struct check_finding cf = {
	    .rule = "abi-signature-mismatch",
	    .severity = FFIGUARD_SEV_ERROR,
	    .inst = e->call,
	    .fn = e->caller,
	    .edge = &edge,
	    .edge_is_call = true,
	};
	cf.message = xasprintf("'%s' is called as '%s' but defined as '%s': %s", ir_fn_name(g),
			       as_called, as_defined, reason);
	check_note(&cf, NULL, g, "'%s' is defined here (%s)", ir_fn_name(g),
		   ffiguard_lang_name(g->lang));
	check_emit(c, &cf);
	free(as_called);
	free(as_defined);
}

/* The first call to `fn` from user code (not a library) of a Rust, or of a C/C++, function. */
static LLVMValueRef first_call(struct check_ctx *c, LLVMValueRef fn, bool rust,
			       struct ir_fn **caller)
{
	for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		if (!ir_is_call(call) || LLVMGetCalledValue(call) != fn)
			continue;
		LLVMValueRef parent = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
		struct ir_fn *f = map_get(&c->s->program->by_value, parent);
		if (!f || ir_fn_is_library(f) || f->lang == FFIGUARD_LANG_UNKNOWN ||
		    (f->lang == FFIGUARD_LANG_RUST) != rust)
			continue;
		*caller = f;
		return call;
	}
	return NULL;
}

void check_declaration_agreement(struct check_ctx *c, struct ir_fn *d)
{
	/* A function the module only declares, called from both languages: each side brought its
	 * own prototype, and linking kept the calls' types. */
	if (!LLVMIsDeclaration(d->fn))
		return;
	struct ir_fn *rf = NULL, *cf_fn = NULL;
	LLVMValueRef rcall = first_call(c, d->fn, true, &rf);
	LLVMValueRef ccall = rcall ? first_call(c, d->fn, false, &cf_fn) : NULL;
	if (!ccall)
		return;
	LLVMTypeRef rt = LLVMGetCalledFunctionType(rcall), ct = LLVMGetCalledFunctionType(ccall);
	const char *reason = disagreement(c->s->layout, rt, rcall, ct, ccall);
	if (!reason)
		return;
	char *as_rust = prototype(rt, rcall), *as_c = prototype(ct, ccall);
	struct check_finding cf = {
	    .rule = "abi-signature-mismatch",
	    .severity = FFIGUARD_SEV_ERROR,
	    .inst = rcall,
	    .fn = rf,
	    .edge_is_call = true,
	};
	cf.message =
	    xasprintf("'%s' is declared as '%s' here but as '%s' by %s code: %s", ir_fn_name(d),
		      as_rust, as_c, ffiguard_lang_name(cf_fn->lang), reason);
	check_note(&cf, ccall, cf_fn, "'%s' calls it as '%s' here", ir_fn_name(cf_fn), as_c);
	check_emit(c, &cf);
	free(as_rust);
	free(as_c);
}
