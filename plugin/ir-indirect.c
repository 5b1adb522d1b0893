/* Targets of indirect calls, from what the module shows: a function pointer loaded from a global
 * (a constant ops table, or one whose every store stores the same function; the global may come
 * from an accessor that always returns it), from a struct field whose every store and constant
 * initialiser holds the same function, or a callback parameter whose every caller passes the
 * same function. A struct field is told by its GEP (-O0) or, where optimised C and C++ reach it
 * by a byte offset, by the access's struct-path TBAA tag (the struct's type node and the offset
 * into it). One target or none: a call that may reach two
 * functions stays unanalysed, as does one whose pointer comes from anywhere else. */
#include "ir.h"

#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

/* Pointers stored at one place: `off` bytes into a global variable, or into any object of a
 * struct type (base is then the LLVMTypeRef, or the TBAA type node). */
struct fp_slot {
	const void *base;
	int64_t off;
	size_t next; /* the next slot on the same base, or SIZE_MAX */
	LLVMValueRef *values;
	size_t n, cap;
	int state; /* 0: not resolved yet, 1: being resolved, 2: resolved */
	LLVMValueRef target;
};

struct indirect {
	struct ir_program *p;
	struct map by_base; /* base -> index + 1 of its first slot */
	struct fp_slot *slots;
	size_t n_slots, cap_slots;
	struct map memo;    /* value -> what it resolves to; itself when nothing */
	struct map sealed;  /* alloca -> SEALED or OPEN, once asked */
	struct map returns; /* function -> what it returns; itself when nothing */
	unsigned tbaa;      /* the metadata kind "tbaa" */
	bool cycle;         /* the current resolution met a value still being resolved */
	size_t steps;       /* work done, against STEP_BUDGET */
};

/* Resolution steps for the whole module: far beyond what real ops tables and callbacks need. */
#define STEP_BUDGET 4000000

static struct fp_slot *slot_at(struct indirect *x, const void *base, int64_t off, bool create)
{
	size_t first = (size_t)(uintptr_t)map_get(&x->by_base, base);
	for (size_t i = first ? first - 1 : SIZE_MAX; i != SIZE_MAX; i = x->slots[i].next)
		if (x->slots[i].off == off)
			return &x->slots[i];
	if (!create)
		return NULL;
	VEC_RESERVE(x->slots, x->cap_slots, x->n_slots + 1);
	struct fp_slot *s = &x->slots[x->n_slots];
	memset(s, 0, sizeof(*s));
	s->base = base;
	s->off = off;
	s->next = first ? first - 1 : SIZE_MAX;
	map_put(&x->by_base, base, (void *)(uintptr_t)(++x->n_slots));
	return s;
}

static void slot_add(struct indirect *x, const void *base, int64_t off, LLVMValueRef v)
{
	struct fp_slot *s = slot_at(x, base, off, true);
	VEC_RESERVE(s->values, s->cap, s->n + 1);
	s->values[s->n++] = v;
}

/* The pointers in a global's initializer, at their offsets into the global and into each struct
 * type that holds them. */
static void scan_initializer(struct indirect *x, LLVMValueRef g, LLVMValueRef c, LLVMTypeRef ty,
			     int64_t off, int depth)
{
	if (depth > 8)
		return;
	if (LLVMIsAFunction(c) || LLVMIsAGlobalVariable(c)) {
		slot_add(x, g, off, c);
		return;
	}
	if (LLVMIsAConstantStruct(c) && LLVMGetTypeKind(ty) == LLVMStructTypeKind) {
		unsigned n = LLVMCountStructElementTypes(ty);
		for (unsigned i = 0; i < n && i < (unsigned)LLVMGetNumOperands(c); i++) {
			LLVMValueRef e = LLVMGetOperand(c, i);
			int64_t eo = (int64_t)LLVMOffsetOfElement(x->p->layout, ty, i);
			if (LLVMIsAFunction(e) || LLVMIsAGlobalVariable(e))
				slot_add(x, ty, eo, e);
			scan_initializer(x, g, e, LLVMStructGetTypeAtIndex(ty, i), off + eo,
					 depth + 1);
		}
	} else if (LLVMIsAConstantArray(c) && LLVMGetTypeKind(ty) == LLVMArrayTypeKind) {
		LLVMTypeRef et = LLVMGetElementType(ty);
		int64_t size = (int64_t)LLVMABISizeOfType(x->p->layout, et);
		for (unsigned i = 0; i < (unsigned)LLVMGetNumOperands(c); i++)
			scan_initializer(x, g, LLVMGetOperand(c, i), et, off + i * size, depth + 1);
	}
}

/* Where a load or store (`access`) points: (global, offset) when its address is a global plus
 * constant offsets, and (struct, offset in it) when its last step is a struct field GEP or its
 * TBAA tag names a field of a struct. */
struct place {
	LLVMValueRef base; /* after constant GEPs and casts */
	int64_t off;
	const void *type; /* the struct type or TBAA type node; NULL when no field is known */
	int64_t type_off;
};

/* A struct's TBAA type node, {name, member type, offset, member type, offset, ...}, with at
 * least two members: one member's node is not told from a scalar's {name, parent, 0}. */
#define MAX_TBAA_MEMBERS 64

static bool tbaa_struct(LLVMValueRef node, unsigned *n)
{
	*n = LLVMIsAMDNode(node) ? LLVMGetMDNodeNumOperands(node) : 0;
	return *n >= 5 && *n % 2 == 1 && *n <= 1 + 2 * MAX_TBAA_MEMBERS;
}

/* The field a struct-path TBAA tag names: {base type, access type, offset}, the base type a
 * struct's node when it is not the access type itself (a scalar's tag). Named in the innermost
 * struct holding it, as a struct GEP names it: `d->base.ops` and `b->ops` are one field. */
static void tbaa_field(struct indirect *x, LLVMValueRef access, struct place *pl)
{
	LLVMValueRef tag = LLVMGetMetadata(access, x->tbaa);
	unsigned n = tag ? LLVMGetMDNodeNumOperands(tag) : 0;
	if (n < 3 || n > 4)
		return;
	LLVMValueRef ops[4];
	LLVMGetMDNodeOperands(tag, ops);
	if (!ops[0] || ops[0] == ops[1] || !ops[2] || !LLVMIsAConstantInt(ops[2]))
		return;
	LLVMValueRef type = ops[0];
	int64_t off = LLVMConstIntGetSExtValue(ops[2]);
	unsigned m;
	for (int depth = 0; depth < 8 && tbaa_struct(type, &m); depth++) {
		LLVMValueRef members[1 + 2 * MAX_TBAA_MEMBERS];
		LLVMGetMDNodeOperands(type, members);
		/* The member at the greatest offset not past the field. */
		LLVMValueRef inner = NULL;
		int64_t at = 0;
		for (unsigned i = 1; i + 1 < m; i += 2) {
			if (!members[i + 1] || !LLVMIsAConstantInt(members[i + 1]))
				return;
			int64_t o = LLVMConstIntGetSExtValue(members[i + 1]);
			if (o <= off && (!inner || o >= at)) {
				inner = members[i];
				at = o;
			}
		}
		unsigned k;
		if (!inner || !tbaa_struct(inner, &k))
			break;
		type = inner;
		off -= at;
	}
	pl->type = type;
	pl->type_off = off;
}

static struct place place_of(struct indirect *x, LLVMValueRef access)
{
	LLVMValueRef addr = LLVMGetOperand(access, LLVMIsAStoreInst(access) ? 1 : 0);
	struct place pl = {addr, 0, NULL, 0};
	bool first = true;
	for (int i = 0; i < 16; i++) {
		LLVMValueRef v = pl.base;
		if (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v)) {
			pl.base = LLVMGetOperand(v, 0);
			continue;
		}
		bool gep = LLVMIsAGetElementPtrInst(v) ||
			   (LLVMIsAConstantExpr(v) && LLVMGetConstOpcode(v) == LLVMGetElementPtr);
		int64_t off, foff = 0;
		LLVMTypeRef field_of;
		if (!gep || !ir_gep_offset(x->p->layout, v, &off, &field_of, &foff))
			break;
		if (first && field_of) {
			pl.type = field_of;
			pl.type_off = foff;
		}
		first = false;
		pl.off += off;
		pl.base = LLVMGetOperand(v, 0);
	}
	if (!pl.type)
		tbaa_field(x, access, &pl);
	return pl;
}

static LLVMValueRef resolve(struct indirect *x, LLVMValueRef v, int depth);

/* A stack slot whose every use is a load from it, a store into it or a lifetime mark, at
 * constant offsets: what it holds is what the function's own stores put there. -O0 code keeps
 * every local and parameter in one; its canonical copy (sroa) would have none. */
static bool contained(struct indirect *x, LLVMValueRef addr, int depth)
{
	for (LLVMUseRef u = LLVMGetFirstUse(addr); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		int64_t off;
		if (LLVMIsALoadInst(user))
			continue;
		/* A pointer store; another value there (an integer) is no known function. */
		if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) != addr &&
		    LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(user, 0))) == LLVMPointerTypeKind)
			continue;
		if (LLVMIsAIntrinsicInst(user) && ir_intrinsic_named(user, "llvm.lifetime."))
			continue;
		if (depth < 3 && LLVMIsAGetElementPtrInst(user) &&
		    ir_gep_offset(x->p->layout, user, &off, NULL, NULL) &&
		    contained(x, user, depth + 1))
			continue;
		return false;
	}
	return true;
}

#define SEALED ((void *)1)
#define OPEN ((void *)2)

static bool is_sealed(struct indirect *x, LLVMValueRef base)
{
	if (!LLVMIsAAllocaInst(base))
		return false;
	void *known = map_get(&x->sealed, base);
	if (!known) {
		known = contained(x, base, 0) ? SEALED : OPEN;
		map_put(&x->sealed, base, known);
	}
	return known == SEALED;
}

static LLVMValueRef resolve_slot(struct indirect *x, struct fp_slot *s, int depth)
{
	if (s->state == 2)
		return s->target;
	if (s->state == 1) {
		x->cycle = true;
		return NULL;
	}
	s->state = 1;
	bool outer = x->cycle;
	x->cycle = false;
	LLVMValueRef target = NULL;
	bool ok = s->n > 0;
	for (size_t i = 0; ok && i < s->n; i++) {
		LLVMValueRef t = resolve(x, s->values[i], depth + 1);
		ok = t && (!target || t == target);
		target = t;
	}
	target = ok ? target : NULL;
	/* Nothing found because of a value still being resolved: ask again another time. */
	s->state = !target && x->cycle ? 0 : 2;
	s->target = target;
	x->cycle = outer || x->cycle;
	return target;
}

/* The slot a load reads: a global's, or a struct field's when the object is not a known
 * global. */
static struct fp_slot *slot_of_load(struct indirect *x, LLVMValueRef load, int depth)
{
	struct place pl = place_of(x, load);
	if (is_sealed(x, pl.base))
		return slot_at(x, pl.base, pl.off, false);
	LLVMValueRef g = LLVMIsAGlobalVariable(pl.base) ? pl.base : resolve(x, pl.base, depth + 1);
	if (g && LLVMIsAGlobalVariable(g))
		return slot_at(x, g, pl.off, false);
	return pl.type ? slot_at(x, pl.type, pl.type_off, false) : NULL;
}

/* The one function (or global) a parameter is: every direct call passes it, and the function's
 * address is used for nothing else. */
static LLVMValueRef resolve_param(struct indirect *x, LLVMValueRef arg, int depth)
{
	LLVMValueRef body = LLVMGetParamParent(arg);
	struct ir_fn *f = map_get(&x->p->by_value, body);
	if (!f)
		return NULL;
	unsigned i = 0, n = LLVMCountParams(body);
	while (i < n && LLVMGetParam(body, i) != arg)
		i++;
	LLVMValueRef target = NULL;
	for (LLVMUseRef u = LLVMGetFirstUse(f->fn); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		/* Uses in a function analysed through its canonical copy are counted there. */
		if (LLVMIsAInstruction(call)) {
			LLVMValueRef in = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
			struct ir_fn *caller = map_get(&x->p->by_value, in);
			if (!caller || caller->body != in)
				continue;
		}
		if (!ir_is_call(call) || LLVMGetCalledValue(call) != f->fn ||
		    LLVMGetNumArgOperands(call) <= i)
			return NULL;
		LLVMValueRef t = resolve(x, LLVMGetOperand(call, i), depth + 1);
		if (!t || (target && t != target))
			return NULL;
		target = t;
	}
	return target;
}

/* The one function (or global) a defined function returns on every path: an accessor of an
 * ops table (`const struct ops *get_ops(void) { return &ops; }`). */
static LLVMValueRef resolve_return(struct indirect *x, LLVMValueRef call, int depth)
{
	LLVMValueRef fn = ir_called_function(call);
	struct ir_fn *g = fn ? map_get(&x->p->by_value, fn) : NULL;
	if (!g || LLVMIsDeclaration(g->fn))
		return NULL;
	LLVMValueRef known = map_get(&x->returns, g->fn);
	if (known)
		return known == g->fn ? NULL : known;
	bool outer = x->cycle;
	x->cycle = false;
	LLVMValueRef target = NULL;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(g->body); bb;
	     bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
		if (!t || !LLVMIsAReturnInst(t))
			continue;
		LLVMValueRef r =
		    LLVMGetNumOperands(t) ? resolve(x, LLVMGetOperand(t, 0), depth + 1) : NULL;
		if (!r || (target && r != target)) {
			target = NULL;
			break;
		}
		target = r;
	}
	/* Once per function, unless a value still being resolved was in the way. */
	if (target || !x->cycle)
		map_put(&x->returns, g->fn, target ? target : g->fn);
	x->cycle = outer || x->cycle;
	return target;
}

static LLVMValueRef resolve(struct indirect *x, LLVMValueRef v, int depth)
{
	while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
		v = LLVMGetOperand(v, 0);
	if (LLVMIsAFunction(v) || LLVMIsAGlobalVariable(v))
		return v;
	bool call = ir_is_call(v) && LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
	if (!LLVMIsALoadInst(v) && !LLVMIsAArgument(v) && !call)
		return NULL;
	static char in_progress;
	LLVMValueRef known = map_get(&x->memo, v);
	if (known == (LLVMValueRef)&in_progress) {
		x->cycle = true;
		return NULL;
	}
	if (known)
		return known == v ? NULL : known; /* v itself: known to be unknown */
	if (depth > 6 || ++x->steps > STEP_BUDGET) {
		x->p->indirect_cut = x->p->indirect_cut || x->steps > STEP_BUDGET;
		x->cycle = true; /* not final: another question may get further */
		return NULL;
	}
	map_put(&x->memo, v, &in_progress);
	bool outer = x->cycle;
	x->cycle = false;
	LLVMValueRef t = NULL;
	if (LLVMIsAArgument(v)) {
		t = resolve_param(x, v, depth);
	} else if (call) {
		t = resolve_return(x, v, depth);
	} else {
		struct fp_slot *s = slot_of_load(x, v, depth);
		t = s ? resolve_slot(x, s, depth) : NULL;
	}
	/* A result that depended on a value still being resolved may be partial: not kept. */
	map_put(&x->memo, v, x->cycle && !t ? NULL : t ? t : v);
	x->cycle = outer || x->cycle;
	return t;
}

void ir_resolve_indirect(struct ir_program *p)
{
	struct indirect x = {.p = p};
	x.tbaa = LLVMGetMDKindIDInContext(LLVMGetModuleContext(p->module), "tbaa", 4);
	map_release(&p->indirect);
	map_init(&p->indirect, false);
	p->indirect_cut = false;
	map_init(&x.by_base, false);
	map_init(&x.memo, false);
	map_init(&x.sealed, false);
	map_init(&x.returns, false);
	for (LLVMValueRef g = LLVMGetFirstGlobal(p->module); g; g = LLVMGetNextGlobal(g)) {
		LLVMValueRef init = LLVMIsDeclaration(g) ? NULL : LLVMGetInitializer(g);
		if (init)
			scan_initializer(&x, g, init, LLVMGlobalGetValueType(g), 0, 0);
	}
	/* Every pointer stored into a global or a struct field, in the bodies analysed, then the
	 * indirect calls, once every store is known. (A store through a pointer the analysis
	 * cannot place is not seen: resolution trusts the stores it sees.) */
	for (size_t i = 0; i < p->n_fns; i++) {
		struct ir_fn *f = p->fns[i];
		ir_fn_scan(f);
		for (size_t k = 0; k < f->n_stores; k++) {
			LLVMValueRef v = LLVMGetOperand(f->stores[k], 0);
			struct place pl = place_of(&x, f->stores[k]);
			/* A sealed slot's stores are its own. */
			if (is_sealed(&x, pl.base)) {
				slot_add(&x, pl.base, pl.off, v);
				continue;
			}
			if (LLVMIsAGlobalVariable(pl.base))
				slot_add(&x, pl.base, pl.off, v);
			if (pl.type)
				slot_add(&x, pl.type, pl.type_off, v);
		}
	}
	for (size_t i = 0; i < p->n_fns; i++)
		for (size_t k = 0; k < p->fns[i]->n_calls; k++) {
			LLVMValueRef call = p->fns[i]->calls[k];
			if (ir_called_function(call))
				continue;
			LLVMValueRef t = resolve(&x, LLVMGetCalledValue(call), 0);
			if (t && LLVMIsAFunction(t) && !LLVMGetIntrinsicID(t) &&
			    LLVMCountParams(t) == LLVMGetNumArgOperands(call))
				map_put(&p->indirect, call, t);
		}
	for (size_t i = 0; i < x.n_slots; i++)
		free(x.slots[i].values);
	free(x.slots);
	map_release(&x.by_base);
	map_release(&x.memo);
	map_release(&x.sealed);
	map_release(&x.returns);
}

LLVMValueRef ir_program_callee(const struct ir_program *p, LLVMValueRef call)
{
	LLVMValueRef callee = ir_called_function(call);
	return callee ? callee : map_get(&p->indirect, call);
}

LLVMValueRef ir_trampoline_target(LLVMValueRef call, unsigned *first)
{
	LLVMValueRef callee = ir_called_function(call);
	size_t len;
	if (!callee || LLVMGetNumArgOperands(call) != 3 ||
	    strcmp(LLVMGetValueName2(callee, &len), "__rust_try") != 0 ||
	    !LLVMIsAFunction(LLVMGetOperand(call, 0)))
		return NULL;
	*first = 1;
	return LLVMGetOperand(call, 0);
}
