/* ownership-leak: memory whose ownership crosses an FFI edge (allocated on the far side, or
 * handed to it) that no path releases, stores or returns. Reported at the edge. */
#include "checks.h"

#include <stdlib.h>

/* Whether a load reads the slot's pointer where the events see it: as a pointer, or as an
 * integer only handed to calls (a #[repr(C)] newtype of a pointer, passed as an i64), not stored
 * or returned as a number. */
static bool load_followed(LLVMValueRef load)
{
	if (LLVMGetTypeKind(LLVMTypeOf(load)) == LLVMPointerTypeKind)
		return true;
	for (LLVMUseRef u = LLVMGetFirstUse(load); u; u = LLVMGetNextUse(u))
		if (!ir_is_call(LLVMGetUser(u)))
			return false;
	return true;
}

/* Whether the local slot `slot` keeps what is put into it to itself: read, written and given to
 * calls that fill it without keeping it (`char *msg = NULL; exec(db, sql, &msg)`), nothing else.
 * What such a slot holds when the function returns is lost with the slot. */
static bool slot_confined(struct summaries *s, struct ir_fn *f, LLVMValueRef slot)
{
	if (!ir_is_local_alloca(f->body, slot))
		return false;
	for (LLVMUseRef u = LLVMGetFirstUse(slot); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if ((LLVMIsALoadInst(user) && load_followed(user)) ||
		    (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) != slot))
			continue;
		if (LLVMIsAIntrinsicInst(user) && (ir_intrinsic_named(user, "llvm.lifetime.") ||
						   ir_intrinsic_named(user, "llvm.dbg.")))
			continue;
		if (!ir_is_call(user) || LLVMIsAIntrinsicInst(user) ||
		    LLVMGetCalledValue(user) == slot)
			return false;
		for (unsigned j = 0, n = LLVMGetNumArgOperands(user); j < n; j++)
			if (LLVMGetOperand(user, j) == slot && summary_call_captures(s, user, j))
				return false;
	}
	return true;
}

/* Whether nothing releases, keeps or returns what place `k` holds. */
static bool place_unkept(const struct summary *sum, const struct vkey *k)
{
	static const enum ev_kind kinds[] = {EV_RELEASE, EV_CAPTURE, EV_RETURN};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		for (size_t j = summary_first_on(sum, k->base, kinds[i]); j != SIZE_MAX;
		     j = summary_next_on(sum, j))
			if (vkey_equal(&sum->events[j].key, k))
				return false;
	return true;
}

/* What a slot is to check_leak, worked out once per slot (a function filling one slot from
 * thousands of calls asks it once). */
#define SLOT_LEAKS ((void *)1) /* confined, and nothing releases, keeps or returns it */
#define SLOT_KEPT ((void *)2)

void check_leak(struct check_ctx *c, struct ir_fn *f)
{
	const struct summary *sum = summary_of(f);
	struct map slots; /* slot -> SLOT_LEAKS or SLOT_KEPT */
	map_init(&slots, false);
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *a = &sum->events[i];
		/* Fresh memory written into an object (an out-parameter filled in place, a Result a
		 * callee returns through memory) belongs to that object, whose moves and drops this
		 * function's pointer names do not follow: not a leak candidate of its own. Nor is a
		 * pointer into an allocation (Arc::into_raw), released from another address, nor
		 * memory a callee lends while its parameter's object keeps it (a cursor's row). */
		if (a->kind != EV_ALLOC || a->interior || a->lent)
			continue;
		/* Except a local slot that keeps it to itself (an error message a C call leaves in
		 * the caller's `char *`), for memory that crossed to get there: it leaks when
		 * nothing anywhere releases, keeps or returns it, not on a path of its own (code
		 * tests the call's status, not the slot). */
		bool in_slot = a->key.deref && a->key.off == 0;
		if (a->key.deref) {
			if (!in_slot || !a->site.edge)
				continue;
			void *st = map_get(&slots, a->key.base);
			if (!st) {
				st = slot_confined(c->s, f, a->key.base) &&
					     place_unkept(sum, &a->key)
					 ? SLOT_LEAKS
					 : SLOT_KEPT;
				map_put(&slots, a->key.base, st);
			}
			if (st != SLOT_LEAKS)
				continue;
		}
		const struct event *handed = a->site.edge ? a : NULL;
		LLVMValueRef *kept = NULL;
		size_t n_kept = 0, cap = 0;
		static const enum ev_kind kinds[] = {EV_USE, EV_RELEASE, EV_CAPTURE, EV_RETURN};
		for (size_t k = 0; !in_slot && k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			for (size_t j = summary_first_on(sum, a->key.base, kinds[k]); j != SIZE_MAX;
			     j = summary_next_on(sum, j)) {
				const struct event *e = &sum->events[j];
				if (!vkey_equal(&e->key, &a->key) || e == a)
					continue;
				if (e->kind == EV_USE) {
					if (e->site.edge && !handed)
						handed = e;
					continue;
				}
				VEC_RESERVE(kept, cap, n_kept + 1);
				kept[n_kept++] = e->at;
			}
		}
		/* A release skipped for a null pointer or a zero size had nothing to release. */
		/* Nor is there anything to release in another variant of the enum that holds it. */
		/* With nothing keeping it anywhere, it leaks only if some path returns holding it:
		 * not when every path where it is not null panics or aborts (`assert!(p.is_null())`
		 * after a call that frees what it does not return). */
		struct cfg_query q = {.from = a->at,
				      .blockers = kept,
				      .n_blockers = n_kept,
				      .guard = &a->key,
				      .tag = &a->tag,
				      .guard_blocker_args = true};
		if (!handed || !cfg_path_exists(c->s, f, &q)) {
			free(kept);
			continue;
		}
		const struct site *edge = &handed->site;
		struct check_finding cf = {
		    .rule = "ownership-leak",
		    .severity = n_kept ? FFIGUARD_SEV_WARNING : FFIGUARD_SEV_ERROR,
		    .inst = handed->at,
		    .fn = f,
		    .edge = edge,
		};
		cf.message = xasprintf(
		    "memory allocated with %s crosses an FFI edge and is never released%s",
		    family_alloc_text(a->family), n_kept ? " on some path" : "");
		check_note(&cf, a->site.inst, a->site.fn, "allocated here in '%s'",
			   ir_fn_name(a->site.fn));
		check_emit(c, &cf);
		free(kept);
	}
	map_release(&slots);
}
