/* Summaries (DESIGN §2): derived releases, must/may, fresh returns, aliases, captures, the
 * pointee of a parameter, recursion, and keys through -O0 slots, on hand-written IR. */
#include "summary.h"
#include "test-common.h"

static const char summary_ir[] =
    "@g = global ptr null\n"
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "declare void @_ZdlPvm(ptr, i64)\n"
    "define void @destroy(ptr %p) {\n"
    "  %null = icmp eq ptr %p, null\n"
    "  br i1 %null, label %done, label %rel\n"
    "rel:\n  call void @free(ptr %p)\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define void @maybe_destroy(ptr %p, i1 %flag) {\n"
    "  br i1 %flag, label %rel, label %done\n"
    "rel:\n  call void @free(ptr %p)\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define void @destroy_via(ptr %p) {\n  call void @destroy(ptr %p)\n  ret void\n}\n"
    "define void @drop_box(ptr %slot) {\n"
    "  %p = load ptr, ptr %slot\n  call void @free(ptr %p)\n  ret void\n}\n"
    "define void @dealloc(ptr %p, i64 %size) {\n"
    "  %z = icmp eq i64 %size, 0\n  br i1 %z, label %done, label %rel\n"
    "rel:\n  call void @_ZdlPvm(ptr %p, i64 %size)\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define ptr @make(i64 %n) {\n  %p = call ptr @malloc(i64 %n)\n  ret ptr %p\n}\n"
    "define ptr @make_or_null(i1 %c) {\n  br i1 %c, label %a, label %b\n"
    "a:\n  %p = call ptr @malloc(i64 8)\n  ret ptr %p\n"
    "b:\n  ret ptr null\n}\n"
    "define ptr @identity(ptr %p) {\n  ret ptr %p\n}\n"
    "define void @keep(ptr %p) {\n  store ptr %p, ptr @g\n  ret void\n}\n"
    "define i32 @peek(ptr %p) {\n  %v = load i32, ptr %p\n  ret i32 %v\n}\n"
    "define void @ping(ptr %p, i32 %n) {\n"
    "  %z = icmp eq i32 %n, 0\n  br i1 %z, label %rel, label %rec\n"
    "rel:\n  call void @free(ptr %p)\n  ret void\n"
    "rec:\n  %m = sub i32 %n, 1\n  call void @pong(ptr %p, i32 %m)\n  ret void\n}\n"
    "define void @pong(ptr %p, i32 %n) {\n  call void @ping(ptr %p, i32 %n)\n  ret void\n}\n"
    "define i1 @is_null(ptr %p) {\n"
    "  %i = ptrtoint ptr %p to i64\n  %c = icmp eq i64 %i, 0\n  ret i1 %c\n}\n"
    "define void @slot_user() {\n"
    "  %slot = alloca ptr\n  %p = call ptr @malloc(i64 4)\n  store ptr %p, ptr %slot\n"
    "  call void @drop_box(ptr %slot)\n  ret void\n}\n";

struct fixture {
	LLVMContextRef ctx;
	LLVMModuleRef m;
	struct ir_program p;
	struct summaries s;
};

static void setup_ir(struct fixture *fx, const char *ir);

static void setup(struct fixture *fx)
{
	setup_ir(fx, summary_ir);
}

static void teardown(struct fixture *fx)
{
	summaries_release(&fx->s);
	ir_program_release(&fx->p);
	LLVMContextDispose(fx->ctx);
}

static const struct summary *sum_of(struct fixture *fx, const char *name)
{
	LLVMValueRef fn = LLVMGetNamedFunction(fx->p.module, name);
	ck_assert_msg(fn != NULL, "no function %s", name);
	struct ir_fn *f = map_get(&fx->p.by_value, fn);
	ck_assert_msg(f && summary_of(f), "no summary for %s", name);
	return summary_of(f);
}

/* The fact of `kind` on `param` (-1: the return), or NULL. */
static const struct fact *find(const struct summary *s, enum ev_kind kind, int param)
{
	for (size_t i = 0; i < s->n_facts; i++)
		if (s->facts[i].kind == kind && s->facts[i].param == param)
			return &s->facts[i];
	return NULL;
}

START_TEST(derived_releases)
{
	struct fixture fx;
	setup(&fx);
	/* A null check before free is still a release on every path that has something to free. */
	const struct fact *f = find(sum_of(&fx, "destroy"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->family, "malloc");
	ck_assert(f->must);
	ck_assert(!f->deref);
	/* Through a helper, the caller is a release function too. */
	f = find(sum_of(&fx, "destroy_via"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->must);
	/* A flag that is not the pointer makes it a may-release. */
	f = find(sum_of(&fx, "maybe_destroy"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(!f->must);
	/* Skipping a zero-size deallocation is no path without a release (Rust's deallocate). */
	f = find(sum_of(&fx, "dealloc"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->family, "new");
	ck_assert(f->must);
	teardown(&fx);
}
END_TEST

START_TEST(pointee_release_and_slots)
{
	struct fixture fx;
	setup(&fx);
	/* drop_in_place(&mut Box<T>): the pointer stored in *param is released. */
	const struct fact *f = find(sum_of(&fx, "drop_box"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->deref);
	ck_assert_int_eq(f->off, 0);
	/* The caller's slot holds one store, so the release names the malloc'ed pointer itself. */
	const struct summary *s = sum_of(&fx, "slot_user");
	const struct event *alloc = NULL, *rel = NULL;
	for (size_t i = 0; i < s->n_events; i++) {
		if (s->events[i].kind == EV_ALLOC)
			alloc = &s->events[i];
		if (s->events[i].kind == EV_RELEASE)
			rel = &s->events[i];
	}
	ck_assert_ptr_nonnull(alloc);
	ck_assert_ptr_nonnull(rel);
	ck_assert(vkey_equal(&alloc->key, &rel->key));
	teardown(&fx);
}
END_TEST

START_TEST(returns)
{
	struct fixture fx;
	setup(&fx);
	const struct fact *f = find(sum_of(&fx, "make"), EV_ALLOC, -1);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->family, "malloc");
	f = find(sum_of(&fx, "make_or_null"), EV_ALLOC, -1);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->may_null);
	f = find(sum_of(&fx, "identity"), EV_RETURN, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(!f->deref);
	ck_assert_int_eq(sum_of(&fx, "is_null")->null_test, 0);
	ck_assert_int_eq(sum_of(&fx, "identity")->null_test, -1);
	teardown(&fx);
}
END_TEST

START_TEST(captures_and_reads)
{
	struct fixture fx;
	setup(&fx);
	ck_assert_ptr_nonnull(find(sum_of(&fx, "keep"), EV_CAPTURE, 0));
	const struct summary *peek = sum_of(&fx, "peek");
	ck_assert_ptr_nonnull(find(peek, EV_USE, 0));
	ck_assert_ptr_null(find(peek, EV_CAPTURE, 0));
	ck_assert_ptr_null(find(peek, EV_RELEASE, 0));
	ck_assert(!find(peek, EV_USE, 0)->write);
	teardown(&fx);
}
END_TEST

START_TEST(recursion_reaches_fixpoint)
{
	struct fixture fx;
	setup(&fx);
	/* pong only releases through ping, which calls pong back: the cycle settles. */
	const struct fact *f = find(sum_of(&fx, "pong"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->family, "malloc");
	ck_assert_ptr_nonnull(find(sum_of(&fx, "ping"), EV_RELEASE, 0));
	teardown(&fx);
}
END_TEST

/* Unwinding, escapes, seen vs assumed writes, own-stack returns: the facts the lifetime, aliasing
 * and ABI rules read. */
static const char abi_ir[] =
    "@g = global ptr null\n"
    "declare void @__cxa_throw(ptr, ptr, ptr)\n"
    "declare void @opaque(ptr)\n"
    "declare i32 @__gxx_personality_v0(...)\n"
    "define void @always_throws() {\n"
    "  call void @__cxa_throw(ptr null, ptr null, ptr null)\n  unreachable\n}\n"
    "define i32 @sometimes_throws(i32 %x) {\n"
    "  %neg = icmp slt i32 %x, 0\n  br i1 %neg, label %t, label %ok\n"
    "t:\n  call void @always_throws()\n  unreachable\n"
    "ok:\n  ret i32 %x\n}\n"
    "define i32 @calls_thrower(i32 %x) {\n"
    "  %r = call i32 @sometimes_throws(i32 %x)\n  ret i32 %r\n}\n"
    "define i32 @noexcept_thrower(i32 %x) nounwind {\n"
    "  %r = call i32 @sometimes_throws(i32 %x)\n  ret i32 %r\n}\n"
    "define i32 @catches(i32 %x) personality ptr @__gxx_personality_v0 {\n"
    "  %r = invoke i32 @sometimes_throws(i32 %x) to label %ok unwind label %lp\n"
    "ok:\n  ret i32 %r\n"
    "lp:\n  %e = landingpad { ptr, i32 } catch ptr null\n  ret i32 -1\n}\n"
    "define void @keeps(ptr %p) {\n  store ptr %p, ptr @g\n  ret void\n}\n"
    "define void @keeps_locally(ptr %p) {\n"
    "  %slot = alloca ptr\n  store ptr %p, ptr %slot\n  ret void\n}\n"
    "define void @writes(ptr %p) {\n  store i32 1, ptr %p\n  ret void\n}\n"
    "define void @hands_on(ptr %p) {\n  call void @opaque(ptr %p)\n  ret void\n}\n"
    "define ptr @own_local() {\n  %buf = alloca [32 x i8]\n  ret ptr %buf\n}\n";

static void setup_ir(struct fixture *fx, const char *ir)
{
	char *err = NULL;
	fx->ctx = LLVMContextCreate();
	fx->m = parse_ir(fx->ctx, ir);
	ck_assert_int_eq(ir_program_init(&fx->p, fx->m, IR_CANON_COPY, &err), 0);
	ir_find_edges(&fx->p);
	ck_assert_int_eq(summaries_build(&fx->s, &fx->p, SUMMARY_ALL, &err), 0);
}

START_TEST(unwinding)
{
	struct fixture fx;
	setup_ir(&fx, abi_ir);
	ck_assert(sum_of(&fx, "always_throws")->may_unwind);
	ck_assert(sum_of(&fx, "always_throws")->must_unwind);
	ck_assert(sum_of(&fx, "sometimes_throws")->may_unwind);
	ck_assert(!sum_of(&fx, "sometimes_throws")->must_unwind);
	/* Through a plain call, the callee's exception leaves the caller too. */
	ck_assert(sum_of(&fx, "calls_thrower")->may_unwind);
	/* noexcept (nounwind) and a catch-all landing pad without resume stop it. */
	ck_assert(!sum_of(&fx, "noexcept_thrower")->may_unwind);
	ck_assert(!sum_of(&fx, "catches")->may_unwind);
	teardown(&fx);
}
END_TEST

/* Unwinding under the constants a call passes: a switch and a branch on parameters given
 * constants take only their side, and constants passed on are followed into the callee. */
static const char options_ir[] =
    "declare void @__cxa_throw(ptr, ptr, ptr)\n"
    "define i32 @opt(i32 %x, i32 %y) {\n"
    "  switch i32 %x, label %dflt [ i32 1, label %plain\n i32 2, label %throw ]\n"
    "plain:\n  ret i32 0\n"
    "throw:\n  call void @__cxa_throw(ptr null, ptr null, ptr null)\n  unreachable\n"
    "dflt:\n  %big = icmp sgt i32 %y, 100\n  br i1 %big, label %throw, label %plain\n}\n"
    "define i32 @fwd(i32 %x) {\n  %r = call i32 @opt(i32 %x, i32 0)\n  ret i32 %r\n}\n"
    "define i32 @caller(i32 %n) {\n"
    "  %case1 = call i32 @opt(i32 1, i32 500)\n  %case2 = call i32 @opt(i32 2, i32 0)\n"
    "  %small = call i32 @opt(i32 7, i32 5)\n  %large = call i32 @opt(i32 7, i32 500)\n"
    "  %fwd1 = call i32 @fwd(i32 1)\n  %fwd2 = call i32 @fwd(i32 2)\n"
    "  %any = call i32 @opt(i32 %n, i32 0)\n  ret i32 0\n}\n";

static bool unwinds_at(struct fixture *fx, const char *call)
{
	LLVMValueRef caller = LLVMGetNamedFunction(fx->m, "caller");
	for (LLVMValueRef i = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(caller)); i;
	     i = LLVMGetNextInstruction(i)) {
		size_t len;
		if (strcmp(LLVMGetValueName2(i, &len), call) != 0)
			continue;
		struct site where;
		return summary_callee_may_unwind(&fx->s, i, &where);
	}
	ck_abort_msg("no call %s", call);
	return false;
}

START_TEST(unwinding_under_constants)
{
	struct fixture fx;
	setup_ir(&fx, options_ir);
	ck_assert(sum_of(&fx, "opt")->may_unwind);
	ck_assert(!unwinds_at(&fx, "case1"));
	ck_assert(unwinds_at(&fx, "case2"));
	ck_assert(!unwinds_at(&fx, "small"));
	ck_assert(unwinds_at(&fx, "large"));
	ck_assert(!unwinds_at(&fx, "fwd1"));
	ck_assert(unwinds_at(&fx, "fwd2"));
	ck_assert(unwinds_at(&fx, "any"));
	teardown(&fx);
}
END_TEST

START_TEST(escapes_and_writes)
{
	struct fixture fx;
	setup_ir(&fx, abi_ir);
	const struct fact *f = find(sum_of(&fx, "keeps"), EV_CAPTURE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->escapes);
	/* A local slot that loads name again is not a capture at all. */
	ck_assert_ptr_null(find(sum_of(&fx, "keeps_locally"), EV_CAPTURE, 0));
	f = find(sum_of(&fx, "writes"), EV_USE, 0);
	ck_assert(f->write && f->written);
	/* Unknown code may write: assumed, never "written" (aliasing-readonly-write ignores it). */
	f = find(sum_of(&fx, "hands_on"), EV_USE, 0);
	ck_assert(f->write && !f->written);
	ck_assert(!find(sum_of(&fx, "hands_on"), EV_CAPTURE, 0)->escapes);
	f = find(sum_of(&fx, "own_local"), EV_RETURN, -1);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->escapes);
	teardown(&fx);
}
END_TEST

/* What parameters promise: -O2 attributes, or at -O0 the Rust reference types in debug info. */
static const char params_ir[] =
    "define void @rust_o2(ptr noalias nonnull %a, ptr noalias readonly dereferenceable(8) %b, "
    "ptr %c) \"ffiguard-lang\"=\"rust\" {\n  ret void\n}\n"
    "define void @rust_o0(ptr %a, ptr %b, ptr %c) \"ffiguard-lang\"=\"rust\" !dbg !10 {\n"
    "  ret void\n}\n"
    "!llvm.dbg.cu = !{!0}\n"
    "!llvm.module.flags = !{!1}\n"
    "!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !2, producer: \"rustc\", "
    "isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)\n"
    "!1 = !{i32 2, !\"Debug Info Version\", i32 3}\n"
    "!2 = !DIFile(filename: \"lib.rs\", directory: \"/tmp\")\n"
    "!3 = !DIBasicType(name: \"i32\", size: 32, encoding: DW_ATE_signed)\n"
    "!4 = !DIDerivedType(tag: DW_TAG_pointer_type, name: \"&mut i32\", baseType: !3, size: 64)\n"
    "!5 = !DIDerivedType(tag: DW_TAG_pointer_type, name: \"&i32\", baseType: !3, size: 64)\n"
    "!6 = !DIDerivedType(tag: DW_TAG_pointer_type, name: \"*const i32\", baseType: !3, size: 64)\n"
    "!7 = !DISubroutineType(types: !{null, !4, !5, !6})\n"
    "!10 = distinct !DISubprogram(name: \"rust_o0\", scope: !2, file: !2, line: 1, type: !7, "
    "spFlags: DISPFlagDefinition, unit: !0)\n";

START_TEST(parameter_promises)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, params_ir);
	LLVMValueRef o2 = LLVMGetNamedFunction(m, "rust_o2"),
		     o0 = LLVMGetNamedFunction(m, "rust_o0");
	struct ir_param_info a = ir_param_info(o2, NULL, 0), b = ir_param_info(o2, NULL, 1),
			     c = ir_param_info(o2, NULL, 2);
	ck_assert(a.nonnull && a.exclusive && !a.readonly);
	ck_assert(b.nonnull && !b.exclusive && b.readonly);
	ck_assert(!c.nonnull && !c.exclusive && !c.readonly);
	a = ir_param_info(o0, NULL, 0);
	b = ir_param_info(o0, NULL, 1);
	c = ir_param_info(o0, NULL, 2);
	ck_assert(a.nonnull && a.exclusive && a.rust_ref);
	ck_assert(b.nonnull && !b.exclusive && b.rust_ref);
	ck_assert(!c.nonnull && !c.exclusive && !c.rust_ref);
	LLVMContextDispose(ctx);
}
END_TEST

/* A write behind `if (flags == 1)` carries that guard; a caller passing a constant settles it,
 * one passing its own parameter inherits it, and a symbol's address never equals 0 or -1. */
START_TEST(write_guards)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, "define void @mark(ptr %p, i32 %flags) {\n"
					"  %c = icmp eq i32 %flags, 1\n"
					"  br i1 %c, label %w, label %done\n"
					"w:\n  store i8 0, ptr %p\n  br label %done\n"
					"done:\n  ret void\n}\n"
					"define void @relay(ptr %p, i32 %f) {\n"
					"  call void @mark(ptr %p, i32 %f)\n  ret void\n}\n"
					"define void @never(ptr %p) {\n"
					"  call void @mark(ptr %p, i32 0)\n  ret void\n}\n"
					"define void @sym() { ret void }\n");
	struct ir_program p;
	struct summaries s;
	char *err = NULL;
	ck_assert_int_eq(ir_program_init(&p, m, IR_CANON_COPY, &err), 0);
	ck_assert_int_eq(summaries_build(&s, &p, SUMMARY_ALL, &err), 0);
	const struct fact *w = summary_fact(
	    summary_of(map_get(&p.by_value, LLVMGetNamedFunction(m, "mark"))), EV_USE, 0);
	ck_assert(w && w->written);
	ck_assert_int_eq(w->write_guard.param, 1);
	ck_assert_int_eq(w->write_guard.pred, LLVMIntEQ);
	LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
	ck_assert(summary_guard_may_hold(&w->write_guard, LLVMConstInt(i32, 1, false)));
	ck_assert(!summary_guard_may_hold(&w->write_guard, LLVMConstInt(i32, 0, false)));
	ck_assert(summary_guard_may_hold(&w->write_guard,
					 LLVMGetParam(LLVMGetNamedFunction(m, "relay"), 1)));
	const struct fact *r = summary_fact(
	    summary_of(map_get(&p.by_value, LLVMGetNamedFunction(m, "relay"))), EV_USE, 0);
	ck_assert(r && r->written && r->write_guard.param == 1);
	const struct fact *n = summary_fact(
	    summary_of(map_get(&p.by_value, LLVMGetNamedFunction(m, "never"))), EV_USE, 0);
	ck_assert(!n || !n->written);
	struct guard dyn = {0, LLVMIntEQ, LLVMGetNamedFunction(m, "sym")};
	LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
	LLVMValueRef minus1 = LLVMConstIntToPtr(LLVMConstAllOnes(LLVMInt64TypeInContext(ctx)), ptr);
	ck_assert(!summary_guard_may_hold(&dyn, minus1));
	ck_assert(!summary_guard_may_hold(&dyn, LLVMConstPointerNull(ptr)));
	ck_assert(summary_guard_may_hold(&dyn, LLVMGetNamedFunction(m, "sym")));
	summaries_release(&s);
	ir_program_release(&p);
	LLVMContextDispose(ctx);
}
END_TEST

/* The facts issue 11 added: stored parameters (the last store per place, constants too), the
 * take that replaces what it returns, where null may be returned, a pointer into fresh memory,
 * and a moved slot (memcpy) naming what its source held. */
static const char stored_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)\n"
    "define void @init(ptr %self, ptr %p) {\n"
    "  store ptr null, ptr %self\n  store ptr %p, ptr %self\n  ret void\n}\n"
    "define ptr @take(ptr %self) {\n"
    "  %old = load ptr, ptr %self\n  store ptr null, ptr %self\n  ret ptr %old\n}\n"
    "define ptr @get(ptr %self) {\n  %v = load ptr, ptr %self\n  ret ptr %v\n}\n"
    "define ptr @find(ptr %t, i1 %hit) {\n  br i1 %hit, label %y, label %n\n"
    "y:\n  br label %m\nn:\n  br label %m\n"
    "m:\n  %r = phi ptr [ %t, %y ], [ null, %n ]\n  ret ptr %r\n}\n"
    "define ptr @find_checked(ptr %t) {\n  %r = call ptr @find(ptr %t, i1 true)\n"
    "  %z = icmp eq ptr %r, null\n  br i1 %z, label %bad, label %ok\n"
    "bad:\n  unreachable\nok:\n  ret ptr %r\n}\n"
    "define ptr @inner(i64 %n) {\n  %p = call ptr @malloc(i64 %n)\n"
    "  %q = getelementptr i8, ptr %p, i64 16\n  ret ptr %q\n}\n"
    "define ptr @moved() {\n  %a = alloca [16 x i8]\n  %b = alloca [16 x i8]\n"
    "  %p = call ptr @malloc(i64 4)\n  %f = getelementptr i8, ptr %a, i64 8\n"
    "  store ptr %p, ptr %f\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %a, i64 16, i1 false)\n"
    "  %g = getelementptr i8, ptr %b, i64 8\n  %v = load ptr, ptr %g\n  ret ptr %v\n}\n";

START_TEST(stored_take_null_interior)
{
	struct fixture fx;
	setup_ir(&fx, stored_ir);
	/* init: null then the pointer; only the last store is kept. */
	const struct summary *init = sum_of(&fx, "init");
	ck_assert_uint_eq(init->n_stored, 1);
	ck_assert_int_eq(init->stored[0].from, 1);
	ck_assert_int_eq(init->stored[0].into, 0);
	ck_assert_int_eq(init->stored[0].off, 0);
	ck_assert_uint_eq(init->ptr_clobbers, 0);
	/* take returns what it replaces; get returns what stays. */
	const struct fact *t = find(sum_of(&fx, "take"), EV_RETURN, 0);
	ck_assert(t && t->deref && t->replaced);
	const struct fact *g = find(sum_of(&fx, "get"), EV_RETURN, 0);
	ck_assert(g && g->deref && !g->replaced);
	/* find may return null; behind a null check that ends the path, not any more. */
	ck_assert_ptr_nonnull(sum_of(&fx, "find")->null_return);
	ck_assert_ptr_null(sum_of(&fx, "find_checked")->null_return);
	/* A pointer 16 bytes into fresh memory is that allocation, marked interior. */
	const struct fact *in = find(sum_of(&fx, "inner"), EV_ALLOC, -1);
	ck_assert(in && in->interior);
	/* The slot memcpy'd from another names what the other held: fresh memory. */
	ck_assert_ptr_nonnull(find(sum_of(&fx, "moved"), EV_ALLOC, -1));
	teardown(&fx);
}
END_TEST

/* A fresh object a function returns keeping a parameter (source_new(cb, user_data)): said by
 * place, only where it is the one thing put there and nothing else may change it; a caller then
 * names what the object holds there as its argument, while nothing changes the field. */
static const char ret_held_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "define void @reset(ptr %s) {\n  store ptr null, ptr %s\n  ret void\n}\n"
    "define ptr @src_new(ptr %cb, ptr %ud) {\n  %s = call ptr @malloc(i64 16)\n"
    "  store ptr %cb, ptr %s\n  %f = getelementptr i8, ptr %s, i64 8\n"
    "  store ptr %ud, ptr %f\n  ret ptr %s\n}\n"
    "define ptr @src_twice(ptr %a, ptr %b) {\n  %s = call ptr @malloc(i64 16)\n"
    "  store ptr %a, ptr %s\n  store ptr %b, ptr %s\n  ret ptr %s\n}\n"
    "define ptr @src_reset(ptr %a) {\n  %s = call ptr @malloc(i64 16)\n"
    "  store ptr %a, ptr %s\n  call void @reset(ptr %s)\n  ret ptr %s\n}\n"
    "define void @src_free(ptr %s) {\n  %f = getelementptr i8, ptr %s, i64 8\n"
    "  %u = load ptr, ptr %f\n  call void @free(ptr %u)\n  call void @free(ptr %s)\n"
    "  ret void\n}\n"
    "define void @user(ptr %ud) {\n  %s = call ptr @src_new(ptr null, ptr %ud)\n"
    "  call void @src_free(ptr %s)\n  call void @free(ptr %ud)\n  ret void\n}\n"
    "define void @user_changed(ptr %ud, ptr %other) {\n"
    "  %s = call ptr @src_new(ptr null, ptr %ud)\n  %f = getelementptr i8, ptr %s, i64 8\n"
    "  store ptr %other, ptr %f\n  call void @src_free(ptr %s)\n  ret void\n}\n";

/* How many RELEASE events `name` has on its parameter `param` itself. */
static size_t releases_of_param(struct fixture *fx, const char *name, unsigned param)
{
	const struct summary *sum = sum_of(fx, name);
	LLVMValueRef p = LLVMGetParam(LLVMGetNamedFunction(fx->p.module, name), param);
	size_t n = 0;
	for (size_t i = 0; i < sum->n_events; i++)
		n += sum->events[i].kind == EV_RELEASE && sum->events[i].key.base == p &&
		     !sum->events[i].key.deref;
	return n;
}

START_TEST(returned_object_keeps_params)
{
	struct fixture fx;
	setup_ir(&fx, ret_held_ir);
	const struct summary *nw = sum_of(&fx, "src_new");
	ck_assert_uint_eq(nw->n_ret_held, 2);
	ck_assert_int_eq(nw->ret_held[0].param, 0);
	ck_assert_int_eq(nw->ret_held[0].off, 0);
	ck_assert_int_eq(nw->ret_held[1].param, 1);
	ck_assert_int_eq(nw->ret_held[1].off, 8);
	/* Two stores at one place, or a callee that may store there: nothing said. */
	ck_assert_uint_eq(sum_of(&fx, "src_twice")->n_ret_held, 0);
	ck_assert_uint_eq(sum_of(&fx, "src_reset")->n_ret_held, 0);
	/* src_free's release of the field is the release of user's argument: twice. */
	ck_assert_uint_eq(releases_of_param(&fx, "user", 0), 2);
	/* After a store into the field, the field is not the argument any more. */
	ck_assert_uint_eq(releases_of_param(&fx, "user_changed", 0), 0);
	teardown(&fx);
}
END_TEST

/* What an object a call returns holds is what the nearest call that puts something there put:
 * an input it keeps (set_input), unless a call writes bytes over it (a memset clearing it) or
 * the object escapes the function. */
static const char kept_ir[] =
    "@g = global ptr null\n"
    "declare ptr @malloc(i64)\n"
    "declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)\n"
    "define ptr @obj_new() {\n  %o = call ptr @malloc(i64 24)\n  ret ptr %o\n}\n"
    "define void @set_input(ptr %o, ptr %in) {\n  store ptr %in, ptr %o\n"
    "  %sz = getelementptr i8, ptr %o, i64 8\n  store i64 1, ptr %sz\n  ret void\n}\n"
    "define void @reset(ptr %o) {\n"
    "  call void @llvm.memset.p0.i64(ptr %o, i8 0, i64 16, i1 false)\n  ret void\n}\n"
    "define i8 @next(ptr %o) {\n  %in = load ptr, ptr %o\n  %c = load i8, ptr %in\n"
    "  ret i8 %c\n}\n"
    "define void @kept(ptr %b) {\n  %o = call ptr @obj_new()\n"
    "  call void @set_input(ptr %o, ptr %b)\n  %c = call i8 @next(ptr %o)\n  ret void\n}\n"
    "define void @after_reset(ptr %b) {\n  %o = call ptr @obj_new()\n"
    "  call void @set_input(ptr %o, ptr %b)\n  call void @reset(ptr %o)\n"
    "  %c = call i8 @next(ptr %o)\n  ret void\n}\n"
    "define void @escaped(ptr %b) {\n  %o = call ptr @obj_new()\n  store ptr %o, ptr @g\n"
    "  call void @set_input(ptr %o, ptr %b)\n  %c = call i8 @next(ptr %o)\n  ret void\n}\n";

/* The call of `next` in `name` reads the argument (param 0) through the object: the event, or
 * NULL. */
static const struct event *read_back(struct fixture *fx, const char *name)
{
	const struct summary *sum = sum_of(fx, name);
	LLVMValueRef fn = LLVMGetNamedFunction(fx->p.module, name);
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		LLVMValueRef callee = ir_is_call(e->at) ? LLVMGetCalledValue(e->at) : NULL;
		size_t len;
		if (e->kind == EV_USE && callee &&
		    strcmp(LLVMGetValueName2(callee, &len), "next") == 0 &&
		    e->key.base == LLVMGetParam(fn, 0) && !e->key.deref)
			return e;
	}
	return NULL;
}

START_TEST(kept_input_and_blind_writes)
{
	struct fixture fx;
	setup_ir(&fx, kept_ir);
	const struct summary *reset = sum_of(&fx, "reset");
	ck_assert(summary_writes_blind(reset, 0, 0));
	ck_assert(summary_writes_blind(reset, 0, 8));
	ck_assert(!summary_writes_blind(reset, 0, 16));
	/* set_input's size is an integer at 8: no pointer it names, not over its input at 0. */
	ck_assert(summary_writes_blind(sum_of(&fx, "set_input"), 0, 8));
	ck_assert(!summary_writes_blind(sum_of(&fx, "set_input"), 0, 0));
	const struct event *e = read_back(&fx, "kept");
	ck_assert(e != NULL);
	size_t len;
	ck_assert_str_eq(LLVMGetValueName2(LLVMGetCalledValue(e->kept), &len), "set_input");
	ck_assert(read_back(&fx, "after_reset") == NULL);
	ck_assert(read_back(&fx, "escaped") == NULL);
	teardown(&fx);
}
END_TEST

/* A field freed and refilled with fresh memory no longer holds what was released (curl's
 * copying setter); one freed and left does. A pointer packed into a pair and unpacked again
 * (Result::unwrap inlined at -O0) is the pointer itself: returned, not captured. */
static const char replaced_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "define void @set(ptr %h) {\n  %old = load ptr, ptr %h\n  call void @free(ptr %old)\n"
    "  %new = call ptr @malloc(i64 8)\n  store ptr %new, ptr %h\n  ret void\n}\n"
    "define void @drop_field(ptr %h) {\n  %old = load ptr, ptr %h\n"
    "  call void @free(ptr %old)\n  ret void\n}\n"
    "define void @set_same(ptr %h) {\n  %old = load ptr, ptr %h\n  call void @free(ptr %old)\n"
    "  store ptr %old, ptr %h\n  ret void\n}\n"
    "define ptr @pass_pair(ptr %p) {\n"
    "  %a = insertvalue { ptr, i64 } poison, ptr %p, 0\n"
    "  %b = insertvalue { ptr, i64 } %a, i64 8, 1\n"
    "  %q = extractvalue { ptr, i64 } %b, 0\n  ret ptr %q\n}\n";

START_TEST(replaced_fields_and_packed_pairs)
{
	struct fixture fx;
	setup_ir(&fx, replaced_ir);
	const struct fact *f = find(sum_of(&fx, "set"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->deref && f->cleared);
	f = find(sum_of(&fx, "drop_field"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(f->deref && !f->cleared);
	/* Storing back what was released leaves it there. */
	f = find(sum_of(&fx, "set_same"), EV_RELEASE, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(!f->cleared);
	const struct summary *pair = sum_of(&fx, "pass_pair");
	f = find(pair, EV_RETURN, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert(!f->deref);
	ck_assert_ptr_null(find(pair, EV_CAPTURE, 0));
	teardown(&fx);
}
END_TEST

/* Rust's drop glue by reference at -O0: drop_in_place<Box<T>>(&mut Box<T>) loads the Box and
 * drops the T it points to, whose owned field is released: a release two levels below the
 * parameter, which a caller whose slot holds the Box sees one level down. A function that
 * replaces the loaded pointer first releases nothing of the caller's so. */
static const char two_down_ir[] =
    "declare void @free(ptr)\n"
    "define void @drop_fields(ptr %t) {\n  %name = load ptr, ptr %t\n"
    "  call void @free(ptr %name)\n  ret void\n}\n"
    "define void @drop_box(ptr %slot) {\n  %b = load ptr, ptr %slot\n"
    "  call void @drop_fields(ptr %b)\n  call void @free(ptr %b)\n  ret void\n}\n"
    "define void @drop_replaced(ptr %slot, ptr %other) {\n  store ptr %other, ptr %slot\n"
    "  %b = load ptr, ptr %slot\n  call void @drop_fields(ptr %b)\n  ret void\n}\n"
    "define void @drop_value(ptr %t) {\n  %slot = alloca ptr\n  store ptr %t, ptr %slot\n"
    "  call void @drop_box(ptr %slot)\n  ret void\n}\n"
    "define void @drop_wrap(ptr %slot) {\n  call void @drop_box(ptr %slot)\n  ret void\n}\n"
    "define void @drop_maybe(ptr %slot, i1 %c) {\n  br i1 %c, label %d, label %e\n"
    "d:\n  call void @drop_box(ptr %slot)\n  br label %e\ne:\n  ret void\n}\n"
    "define ptr @field8(ptr %o) {\n  %a = getelementptr i8, ptr %o, i64 8\n"
    "  %n = load ptr, ptr %a\n  ret ptr %n\n}\n"
    "define ptr @name_of(ptr %h) {\n  %o = load ptr, ptr %h\n"
    "  %n = call ptr @field8(ptr %o)\n  ret ptr %n\n}\n";

START_TEST(releases_two_levels_down)
{
	struct fixture fx;
	setup_ir(&fx, two_down_ir);
	const struct summary *box = sum_of(&fx, "drop_box");
	ck_assert_uint_eq(box->n_rel2, 1);
	ck_assert_int_eq(box->rel2[0].param, 0);
	ck_assert(box->rel2[0].off == 0 && box->rel2[0].off2 == 0 && box->rel2[0].must);
	ck_assert_str_eq(box->rel2[0].family, "malloc");
	ck_assert_uint_eq(sum_of(&fx, "drop_replaced")->n_rel2, 0);
	/* A wrapper passing the parameter on releases the same, as surely as it calls. */
	const struct summary *wrap = sum_of(&fx, "drop_wrap"), *maybe = sum_of(&fx, "drop_maybe");
	ck_assert_uint_eq(wrap->n_rel2, 1);
	ck_assert(wrap->rel2[0].param == 0 && wrap->rel2[0].off2 == 0 && wrap->rel2[0].must);
	ck_assert_ptr_null(wrap->rel2[0].via);
	ck_assert_uint_eq(maybe->n_rel2, 1);
	ck_assert(!maybe->rel2[0].must);
	/* An accessor through a handle returns what is two levels below its parameter. */
	const struct summary *name = sum_of(&fx, "name_of");
	ck_assert_int_eq(name->ret2.param, 0);
	ck_assert(name->ret2.off == 0 && name->ret2.off2 == 8);
	ck_assert_int_eq(sum_of(&fx, "field8")->ret2.param, -1);
	/* The caller's slot names the Box: its field is released one level below the parameter,
	 * the Box itself too. */
	const struct summary *value = sum_of(&fx, "drop_value");
	size_t deref = 0, self = 0;
	for (size_t i = 0; i < value->n_facts; i++) {
		const struct fact *f = &value->facts[i];
		if (f->kind != EV_RELEASE || f->param != 0)
			continue;
		deref += f->deref && f->off == 0 && f->must;
		self += !f->deref && f->must;
	}
	ck_assert_uint_eq(deref, 1);
	ck_assert_uint_eq(self, 1);
	teardown(&fx);
}
END_TEST

/* Moves between parameters' pointees, as std's generic helpers make them at -O0: Result::ok copies
 * its argument into a local and the local into its sret slot. Callers follow each pointer of the
 * copy from their own memory: fresh memory becomes theirs to hand on, integers are blind bytes,
 * their own parameters' pointees compose into a copy of their own. */
static const char copies_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)\n"
    "define void @ok(ptr %out, ptr %self) {\n  %x = alloca [24 x i8]\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %x, ptr %self, i64 24, i1 false)\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %x, i64 24, i1 false)\n  ret void\n}\n"
    "define void @patched(ptr %out, ptr %self) {\n  %x = alloca [24 x i8]\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %x, ptr %self, i64 24, i1 false)\n"
    "  %q = call ptr @malloc(i64 8)\n  %f = getelementptr i8, ptr %x, i64 8\n"
    "  store ptr %q, ptr %f\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %x, i64 24, i1 false)\n  ret void\n}\n"
    "define void @make(ptr %out) {\n  %tmp = alloca [24 x i8]\n  store i64 5, ptr %tmp\n"
    "  %p = call ptr @malloc(i64 16)\n  %f = getelementptr i8, ptr %tmp, i64 8\n"
    "  store ptr %p, ptr %f\n  call void @ok(ptr %out, ptr %tmp)\n  ret void\n}\n"
    "define void @wrap(ptr %a, ptr %b) {\n  call void @ok(ptr %a, ptr %b)\n  ret void\n}\n"
    "define void @twice(ptr %out) {\n  %tmp = alloca [16 x i8]\n"
    "  %p = call ptr @malloc(i64 16)\n  store ptr %p, ptr %tmp\n"
    "  %f = getelementptr i8, ptr %tmp, i64 8\n  store ptr %p, ptr %f\n"
    "  call void @ok(ptr %out, ptr %tmp)\n  ret void\n}\n"
    "define void @peek(ptr %p) {\n  %v = load ptr, ptr %p\n  ret void\n}\n"
    "define void @nulls(ptr %out) {\n  %tmp = alloca [16 x i8]\n  store ptr null, ptr %tmp\n"
    "  %f = getelementptr i8, ptr %tmp, i64 8\n  store i64 7, ptr %f\n"
    "  call void @peek(ptr %tmp)\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %tmp, i64 16, i1 false)\n  ret void\n}\n"
    "define void @use_make() {\n  %s = alloca [24 x i8]\n  call void @make(ptr %s)\n"
    "  %f = getelementptr i8, ptr %s, i64 8\n  %p = load ptr, ptr %f\n"
    "  call void @free(ptr %p)\n  ret void\n}\n";

START_TEST(copies_between_parameters)
{
	struct fixture fx;
	setup_ir(&fx, copies_ir);
	/* Relayed through a local: one copy, no clobber, the source not given away. */
	const struct summary *ok = sum_of(&fx, "ok");
	ck_assert_uint_eq(ok->n_copies, 1);
	ck_assert(ok->copies[0].from == 1 && ok->copies[0].into == 0);
	ck_assert(ok->copies[0].from_off == 0 && ok->copies[0].into_off == 0);
	ck_assert_int_eq(ok->copies[0].len, 24);
	ck_assert_uint_eq(ok->ptr_clobbers, 0);
	ck_assert_ptr_null(find(ok, EV_CAPTURE, 1));
	/* The local patched in between: its own pointer at 8, the argument's bytes around it. */
	const struct summary *patched = sum_of(&fx, "patched");
	ck_assert_uint_eq(patched->n_copies, 2);
	ck_assert(patched->copies[0].from_off == 0 && patched->copies[0].len == 8);
	ck_assert(patched->copies[1].from_off == 16 && patched->copies[1].into_off == 16);
	ck_assert(summary_puts_fresh(patched, 0, 8));
	/* A caller moving its own fresh memory through ok: an out-parameter, integers blind. */
	const struct summary *make = sum_of(&fx, "make");
	ck_assert(summary_puts_fresh(make, 0, 8));
	ck_assert(summary_writes_blind(make, 0, 0) && summary_writes_blind(make, 0, 16));
	ck_assert(!summary_writes_blind(make, 0, 8));
	ck_assert_uint_eq(make->n_copies, 0);
	ck_assert_uint_eq(make->ptr_clobbers, 0);
	/* A wrapper handing its parameters on makes the same copy. */
	const struct summary *wrap = sum_of(&fx, "wrap");
	ck_assert_uint_eq(wrap->n_copies, 1);
	ck_assert(wrap->copies[0].from == 1 && wrap->copies[0].len == 24);
	/* One allocation at two places of one value (an enum's variants): neither is said. */
	const struct summary *twice = sum_of(&fx, "twice");
	ck_assert(!summary_puts_fresh(twice, 0, 0) && !summary_puts_fresh(twice, 0, 8));
	ck_assert(summary_writes_blind(twice, 0, 0) && summary_writes_blind(twice, 0, 8));
	/* A null copied names nothing (it crashed on sqlite-raw once); an integer is blind. The
	 * slot, given to peek, is copied as it is (not taken apart by canonicalization). */
	const struct summary *nulls = sum_of(&fx, "nulls");
	ck_assert_uint_eq(nulls->ptr_clobbers, 0);
	ck_assert(!summary_writes_blind(nulls, 0, 0) && summary_writes_blind(nulls, 0, 8));
	ck_assert_uint_eq(nulls->n_copies + nulls->n_stored, 0);
	/* The caller's slot gets the fresh memory: its release there names the allocation. */
	const struct summary *use = sum_of(&fx, "use_make");
	const struct event *alloc = NULL, *rel = NULL;
	for (size_t i = 0; i < use->n_events; i++) {
		const struct event *e = &use->events[i];
		if (e->kind == EV_ALLOC)
			alloc = e;
		if (e->kind == EV_RELEASE)
			rel = e;
	}
	ck_assert(alloc && rel && vkey_equal(&alloc->key, &rel->key));
	ck_assert(alloc->key.deref && alloc->key.off == 8);
	teardown(&fx);
}
END_TEST

/* A call whose operands do not line up with its callee's parameters (a 16-byte struct as one
 * aggregate operand where the definition takes two i64) gets no summary of its callee: the
 * pointer after the struct is kept by unknown code, not matched with the struct's second half. */
static const char misaligned_ir[] =
    "declare ptr @malloc(i64)\n"
    "define i32 @set_opaque(i64 %a, i64 %b, ptr %p) {\n  ret i32 0\n}\n"
    "define i32 @set_one(ptr %p) {\n  ret i32 0\n}\n"
    "define void @user({ i64, i64 } %v) {\n  %p = call ptr @malloc(i64 8)\n"
    "  %r = call i32 @set_opaque({ i64, i64 } %v, ptr %p)\n"
    "  %q = call ptr @malloc(i64 8)\n  %t = call i32 @set_one(ptr %q)\n  ret void\n}\n";

START_TEST(misaligned_call_is_unknown)
{
	struct fixture fx;
	setup_ir(&fx, misaligned_ir);
	LLVMValueRef user = LLVMGetNamedFunction(fx.p.module, "user");
	LLVMValueRef set_opaque = LLVMGetNamedFunction(fx.p.module, "set_opaque");
	LLVMValueRef set_one = LLVMGetNamedFunction(fx.p.module, "set_one");
	LLVMValueRef opaque = ir_call_from(user, set_opaque), one = ir_call_from(user, set_one);
	ck_assert(opaque && one);
	ck_assert(!ir_call_aligned(opaque, set_opaque));
	ck_assert_ptr_null(summary_of_callee(&fx.s, opaque));
	ck_assert(ir_call_aligned(one, set_one));
	ck_assert_ptr_nonnull(summary_of_callee(&fx.s, one));
	/* The pointer handed to the misaligned call is kept by unknown code. */
	const struct summary *sum = sum_of(&fx, "user");
	size_t captured = 0;
	for (size_t i = 0; i < sum->n_events; i++)
		captured += sum->events[i].kind == EV_CAPTURE && sum->events[i].at == opaque;
	ck_assert_uint_eq(captured, 1);
	teardown(&fx);
}
END_TEST

/* What a local slot holds where it is read: the nearest store on every path, a null a callee
 * stored (nothing to release), fresh memory a callee put there; paths that disagree leave the
 * slot's own name. */
static const char contents_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "define void @drop_box(ptr %slot) {\n"
    "  %p = load ptr, ptr %slot\n  call void @free(ptr %p)\n  ret void\n}\n"
    "define ptr @take(ptr %self) {\n"
    "  %old = load ptr, ptr %self\n  store ptr null, ptr %self\n  ret ptr %old\n}\n"
    "define void @make_into(ptr %out) {\n"
    "  %p = call ptr @malloc(i64 4)\n  store ptr %p, ptr %out\n  ret void\n}\n"
    "define void @restored(ptr %a, ptr %b) {\n  %slot = alloca ptr\n"
    "  store ptr %a, ptr %slot\n  call void @drop_box(ptr %slot)\n"
    "  store ptr %b, ptr %slot\n  call void @drop_box(ptr %slot)\n  ret void\n}\n"
    "define ptr @taken() {\n  %slot = alloca ptr\n  call void @make_into(ptr %slot)\n"
    "  %p = call ptr @take(ptr %slot)\n  call void @drop_box(ptr %slot)\n  ret ptr %p\n}\n"
    "define void @merged(ptr %a, ptr %b, i1 %c) {\n  %slot = alloca ptr\n"
    "  br i1 %c, label %x, label %y\n"
    "x:\n  store ptr %a, ptr %slot\n  br label %m\n"
    "y:\n  store ptr %b, ptr %slot\n  br label %m\n"
    "m:\n  call void @drop_box(ptr %slot)\n  ret void\n}\n";

START_TEST(slot_contents_by_place)
{
	struct fixture fx;
	setup_ir(&fx, contents_ir);
	/* Each drop releases what was stored just before it: both parameters, on every path. */
	const struct summary *r = sum_of(&fx, "restored");
	const struct fact *a = find(r, EV_RELEASE, 0), *b = find(r, EV_RELEASE, 1);
	ck_assert(a && a->must && !a->deref);
	ck_assert(b && b->must && !b->deref);
	/* The take returns the fresh memory make_into put in the slot; the drop after it finds
	 * the null the take left, so nothing is released here. */
	const struct summary *t = sum_of(&fx, "taken");
	const struct fact *fresh = find(t, EV_ALLOC, -1);
	ck_assert(fresh);
	ck_assert_str_eq(fresh->family, "malloc");
	for (size_t i = 0; i < t->n_events; i++)
		ck_assert_int_ne(t->events[i].kind, EV_RELEASE);
	/* Two stores that reach the drop from two paths: neither parameter is named. */
	const struct summary *m = sum_of(&fx, "merged");
	ck_assert_ptr_null(find(m, EV_RELEASE, 0));
	ck_assert_ptr_null(find(m, EV_RELEASE, 1));
	teardown(&fx);
}
END_TEST

/* A callee returning one of two parameters names the one its caller does not pass null for
 * (Result::unwrap_or(null) at -O0); __rust_try(f, data, catch) runs f(data) whatever other
 * closures share it. */
static const char either_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "define ptr @pick(ptr %a, ptr %b, i1 %c) {\n"
    "  %r = select i1 %c, ptr %a, ptr %b\n  ret ptr %r\n}\n"
    "define ptr @made() {\n  %p = call ptr @malloc(i64 4)\n"
    "  %r = call ptr @pick(ptr %p, ptr null, i1 true)\n  ret ptr %r\n}\n"
    "define ptr @unsure(ptr %q) {\n  %p = call ptr @malloc(i64 4)\n"
    "  %r = call ptr @pick(ptr %p, ptr %q, i1 true)\n  ret ptr %r\n}\n"
    "define internal i32 @__rust_try(ptr %f, ptr %d, ptr %c) {\n"
    "  call void %f(ptr %d)\n  ret i32 0\n}\n"
    "define void @do_free(ptr %d) {\n"
    "  %p = load ptr, ptr %d\n  call void @free(ptr %p)\n  ret void\n}\n"
    "define void @do_keep(ptr %d) {\n  ret void\n}\n"
    "define void @guarded(ptr %p) {\n  %slot = alloca ptr\n  store ptr %p, ptr %slot\n"
    "  %r = call i32 @__rust_try(ptr @do_free, ptr %slot, ptr null)\n  ret void\n}\n"
    "define void @kept(ptr %p) {\n  %slot = alloca ptr\n  store ptr %p, ptr %slot\n"
    "  %r = call i32 @__rust_try(ptr @do_keep, ptr %slot, ptr null)\n  ret void\n}\n";

START_TEST(either_and_trampoline)
{
	struct fixture fx;
	setup_ir(&fx, either_ir);
	ck_assert_ptr_nonnull(find(sum_of(&fx, "pick"), EV_RETURN, 0));
	ck_assert_ptr_nonnull(find(sum_of(&fx, "pick"), EV_RETURN, 1));
	/* The other argument is null: the result is the malloc'd pointer. */
	const struct fact *made = find(sum_of(&fx, "made"), EV_ALLOC, -1);
	ck_assert(made && made->must);
	/* Two real candidates: the result names neither. */
	ck_assert_ptr_null(find(sum_of(&fx, "unsure"), EV_ALLOC, -1));
	/* The closure __rust_try runs for this caller releases what the data slot holds. */
	const struct fact *rel = find(sum_of(&fx, "guarded"), EV_RELEASE, 0);
	ck_assert(rel && rel->must && !rel->deref);
	ck_assert_ptr_null(find(sum_of(&fx, "kept"), EV_RELEASE, 0));
	teardown(&fx);
}
END_TEST

/* Indirect calls: a constant ops table behind a pointer global, a callback every caller passes
 * the same function for, and one that may be two functions (left unresolved). */
static const char indirect_ir[] =
    "%ops = type { ptr, ptr }\n"
    "declare void @free(ptr)\n"
    "define void @my_free(ptr %p) {\n  call void @free(ptr %p)\n  ret void\n}\n"
    "@table = constant %ops { ptr null, ptr @my_free }\n"
    "@ops = global ptr @table\n"
    "define void @release(ptr %p) {\n  %t = load ptr, ptr @ops\n"
    "  %f = getelementptr %ops, ptr %t, i32 0, i32 1\n  %fn = load ptr, ptr %f\n"
    "  call void %fn(ptr %p)\n  ret void\n}\n"
    "define void @each(ptr %p, ptr %cb) {\n  call void %cb(ptr %p)\n  ret void\n}\n"
    "define void @user(ptr %p) {\n  call void @each(ptr %p, ptr @my_free)\n  ret void\n}\n"
    "define void @user2(ptr %p) {\n  call void @each(ptr %p, ptr @my_free)\n  ret void\n}\n"
    "define void @either(ptr %p, ptr %cb) {\n  call void %cb(ptr %p)\n  ret void\n}\n"
    "define void @a(ptr %p) {\n  call void @either(ptr %p, ptr @my_free)\n  ret void\n}\n"
    "define void @b(ptr %p) {\n  call void @either(ptr %p, ptr @free)\n  ret void\n}\n";

static LLVMValueRef first_indirect(LLVMValueRef fn)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			if (ir_is_call(i) && !ir_called_function(i))
				return i;
	return NULL;
}

START_TEST(indirect_targets)
{
	struct fixture fx;
	setup_ir(&fx, indirect_ir);
	LLVMValueRef my_free = LLVMGetNamedFunction(fx.m, "my_free");
	LLVMValueRef rel = first_indirect(LLVMGetNamedFunction(fx.m, "release"));
	LLVMValueRef each = first_indirect(LLVMGetNamedFunction(fx.m, "each"));
	LLVMValueRef either = first_indirect(LLVMGetNamedFunction(fx.m, "either"));
	ck_assert_ptr_eq(ir_program_callee(&fx.p, rel), my_free);
	ck_assert_ptr_eq(ir_program_callee(&fx.p, each), my_free);
	ck_assert_ptr_null(ir_program_callee(&fx.p, either));
	/* Resolved calls are analysed like direct ones: release and each release their pointer. */
	ck_assert_ptr_nonnull(find(sum_of(&fx, "release"), EV_RELEASE, 0));
	ck_assert_ptr_nonnull(find(sum_of(&fx, "each"), EV_RELEASE, 0));
	ck_assert_ptr_null(find(sum_of(&fx, "either"), EV_RELEASE, 0));
	teardown(&fx);
}
END_TEST

/* Only the functions a finding can involve get a summary: those whose reach has an FFI edge or
 * Rust's memory meeting another family, and everything they call. Pure C++ that meets neither
 * gets none (as a declaration), and nothing about the others changes. */
START_TEST(needed_scope)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(
	    ctx,
	    "declare void @free(ptr)\n"
	    "declare void @__rust_dealloc(ptr, i64, i64)\n"
	    "define void @_Z6deeperPv(ptr %p) {\n  call void @free(ptr %p)\n  ret void\n}\n"
	    "define void @_Z7releasePv(ptr %p) {\n"
	    "  call void @_Z6deeperPv(ptr %p)\n  ret void\n}\n"
	    "define void @_Z5alonePv(ptr %p) {\n  call void @free(ptr %p)\n  ret void\n}\n"
	    "define void @_Z6callerPv(ptr %p) {\n  call void @_Z5alonePv(ptr %p)\n  ret void\n}\n"
	    "define void @_ZN4demo4give17h0123456789abcdefE(ptr %p) {\n"
	    "  call void @_Z7releasePv(ptr %p)\n  ret void\n}\n"
	    "define void @_ZN4demo5mixed17h0123456789abcdefE(ptr %p, ptr %q) {\n"
	    "  call void @__rust_dealloc(ptr %p, i64 4, i64 4)\n"
	    "  call void @free(ptr %q)\n  ret void\n}\n"
	    "define void @_ZN4demo4drop17h0123456789abcdefE(ptr %p) {\n"
	    "  call void @__rust_dealloc(ptr %p, i64 4, i64 4)\n  ret void\n}\n"
	    /* An edge whose caller has no summary: a global allocator's shim (an allocator
	     * itself) calling C++. */
	    "define ptr @_ZN4demo5alloc17h0123456789abcdefE(i64 %n) #0 {\n"
	    "  %p = call ptr @_Z7cxxallocm(i64 %n)\n  ret ptr %p\n}\n"
	    "define ptr @_Z7cxxallocm(i64 %n) {\n  ret ptr null\n}\n"
	    "attributes #0 = { allockind(\"alloc\") \"alloc-family\"=\"__rust_alloc\" }\n");
	struct ir_program p;
	struct summaries s;
	char *err = NULL;
	ck_assert_int_eq(ir_program_init(&p, m, IR_CANON_COPY, &err), 0);
	ir_find_edges(&p);
	ck_assert_uint_eq(p.n_edges, 2);
	ck_assert_int_eq(summaries_build(&s, &p, SUMMARY_NEEDED, &err), 0);
	static const struct {
		const char *name;
		bool summarised;
	} expect[] = {
	    {"_ZN4demo4give17h0123456789abcdefE", true},  /* holds the edge */
	    {"_Z7releasePv", true},                       /* the edge's callee */
	    {"_Z6deeperPv", true},                        /* what the callee calls */
	    {"_ZN4demo5mixed17h0123456789abcdefE", true}, /* Rust's family meets malloc's */
	    {"_Z5alonePv", false},                        /* C++ and malloc only */
	    {"_Z6callerPv", false},
	    {"_ZN4demo4drop17h0123456789abcdefE", false}, /* Rust's family only */
	};
	for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		struct ir_fn *f = map_get(&p.by_value, LLVMGetNamedFunction(m, expect[i].name));
		ck_assert_msg(f && (summary_of(f) != NULL) == expect[i].summarised, "%s: %s",
			      expect[i].name, expect[i].summarised ? "no summary" : "a summary");
	}
	const struct summary *rel =
	    summary_of(map_get(&p.by_value, LLVMGetNamedFunction(m, "_Z7releasePv")));
	ck_assert_ptr_nonnull(find(rel, EV_RELEASE, 0));
	summaries_release(&s);
	ir_program_release(&p);
	LLVMContextDispose(ctx);
}
END_TEST

/* A -O0 function that keeps its parameter in a stack slot and passes it to `callee`. */
static void put_o0_forward(struct buf *ir, const char *name, const char *callee)
{
	buf_printf(ir,
		   "define void @%s(ptr %%p) #0 {\n  %%s = alloca ptr, align 8\n"
		   "  store ptr %%p, ptr %%s, align 8\n  %%v = load ptr, ptr %%s, align 8\n"
		   "  call void @%s(ptr %%v)\n  ret void\n}\n",
		   name, callee);
}

/* Which variant of an enum an out-parameter's allocation belongs to: the Ok path stores the
 * niche constant beside C's handle (eq), the Err path a Rust allocation where that constant is
 * never stored (!eq); a caller's path from the call meets only the release its match allows. */
static const char variants_ir[] =
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "declare ptr @__rust_alloc(i64, i64)\n"
    "declare void @__rust_dealloc(ptr, i64, i64)\n"
    "define void @_ZN4demo3err17h0123456789abcdefE(ptr %out) {\n"
    "  %p = call ptr @__rust_alloc(i64 4, i64 1)\n"
    "  %f = getelementptr i8, ptr %out, i64 8\n  store ptr %p, ptr %f\n"
    "  store i64 4, ptr %out\n  ret void\n}\n"
    "define void @_ZN4demo4open17h0123456789abcdefE(ptr %out, i32 %id) {\n"
    "  %ok = icmp eq i32 %id, 0\n  br i1 %ok, label %a, label %b\n"
    "a:\n  %p = call ptr @malloc(i64 4)\n"
    "  %f = getelementptr i8, ptr %out, i64 8\n  store ptr %p, ptr %f\n"
    "  store i64 -9223372036854775808, ptr %out\n  br label %done\n"
    "b:\n  call void @_ZN4demo3err17h0123456789abcdefE(ptr %out)\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define void @_ZN4demo3use17h0123456789abcdefE(i32 %id) {\n"
    "  %r = alloca [32 x i8]\n  call void @_ZN4demo4open17h0123456789abcdefE(ptr %r, i32 %id)\n"
    "  %t = load i64, ptr %r\n"
    "  %isok = icmp eq i64 %t, -9223372036854775808\n"
    "  br i1 %isok, label %ok, label %bad\n"
    "ok:\n  %f = getelementptr i8, ptr %r, i64 8\n  %h = load ptr, ptr %f\n"
    "  call void @free(ptr %h)\n  ret void\n"
    "bad:\n  %f2 = getelementptr i8, ptr %r, i64 8\n  %s = load ptr, ptr %f2\n"
    "  call void @__rust_dealloc(ptr %s, i64 4, i64 1)\n  ret void\n}\n"
    "define void @_ZN4demo4drop17h0123456789abcdefE(ptr %r) {\n  %t = load i64, ptr %r\n"
    "  %isok = icmp eq i64 %t, -9223372036854775808\n  br i1 %isok, label %ok, label %bad\n"
    "ok:\n  %f = getelementptr i8, ptr %r, i64 8\n  %h = load ptr, ptr %f\n"
    "  call void @free(ptr %h)\n  ret void\n"
    "bad:\n  %f2 = getelementptr i8, ptr %r, i64 8\n  %s = load ptr, ptr %f2\n"
    "  call void @__rust_dealloc(ptr %s, i64 4, i64 1)\n  ret void\n}\n"
    "define void @_ZN4demo6if_err17h0123456789abcdefE(ptr %r) {\n  %t = load i64, ptr %r\n"
    "  %isok = icmp eq i64 %t, -9223372036854775808\n  br i1 %isok, label %done, label %bad\n"
    "bad:\n  call void @_ZN4demo4drop17h0123456789abcdefE(ptr %r)\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)\n"
    "define void @_ZN4demo4copy17h0123456789abcdefE(ptr %out, ptr %in) {\n"
    "  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %in, i64 24, i1 false)\n  ret void\n}\n"
    "define void @_ZN4demo4move17h0123456789abcdefE(ptr %out, i32 %id) {\n"
    "  %r = alloca [32 x i8]\n  call void @_ZN4demo4open17h0123456789abcdefE(ptr %r, i32 %id)\n"
    "  call void @_ZN4demo4copy17h0123456789abcdefE(ptr %out, ptr %r)\n  ret void\n}\n";

static const struct fact *alloc_of(const struct summary *sum, const char *family)
{
	for (size_t i = 0; i < sum->n_facts; i++)
		if (sum->facts[i].kind == EV_ALLOC && sum->facts[i].deref &&
		    strcmp(sum->facts[i].family, family) == 0)
			return &sum->facts[i];
	return NULL;
}

START_TEST(enum_variant_tags)
{
	struct fixture fx;
	setup_ir(&fx, variants_ir);
	const struct summary *open = sum_of(&fx, "_ZN4demo4open17h0123456789abcdefE");
	const struct fact *c_handle = alloc_of(open, "malloc"), *string = alloc_of(open, "rust");
	ck_assert_ptr_nonnull(c_handle);
	ck_assert_ptr_nonnull(string);
	ck_assert(c_handle->tag.set && c_handle->tag.eq && c_handle->tag.off == 0);
	ck_assert_int_eq(LLVMConstIntGetSExtValue(c_handle->tag.value), INT64_MIN);
	/* The callee's own tag (off 0 == 4) gives way to the one of the enum built here. */
	ck_assert(string->tag.set && !string->tag.eq && string->tag.off == 0);
	ck_assert_int_eq(LLVMConstIntGetSExtValue(string->tag.value), INT64_MIN);

	/* A drop releasing one place by two families, one per variant: a fact each, with its
	 * variant. A caller that drops only Err keeps only the Err side's release. */
	const struct summary *drop = sum_of(&fx, "_ZN4demo4drop17h0123456789abcdefE");
	size_t c_rel = 0, rust_rel = 0;
	for (size_t i = 0; i < drop->n_facts; i++) {
		const struct fact *ft = &drop->facts[i];
		if (ft->kind != EV_RELEASE || !ft->deref || ft->off != 8)
			continue;
		bool is_c = strcmp(ft->family, "malloc") == 0;
		c_rel += is_c;
		rust_rel += !is_c;
		ck_assert(ft->tag.set && ft->tag.off == 0 && ft->tag.eq == is_c);
	}
	ck_assert(c_rel == 1 && rust_rel == 1);
	const struct summary *if_err = sum_of(&fx, "_ZN4demo6if_err17h0123456789abcdefE");
	c_rel = rust_rel = 0;
	for (size_t i = 0; i < if_err->n_facts; i++) {
		const struct fact *ft = &if_err->facts[i];
		if (ft->kind == EV_RELEASE && ft->deref && ft->off == 8) {
			c_rel += strcmp(ft->family, "malloc") == 0;
			rust_rel += strcmp(ft->family, "rust") == 0;
		}
	}
	ck_assert(c_rel == 0 && rust_rel == 1);

	/* A copy of a place that holds one variant's memory or the other's says neither. */
	const struct summary *move = sum_of(&fx, "_ZN4demo4move17h0123456789abcdefE");
	ck_assert_ptr_null(alloc_of(move, "malloc"));
	ck_assert_ptr_null(alloc_of(move, "rust"));
	ck_assert(summary_writes_blind(move, 0, 8));

	LLVMValueRef use = LLVMGetNamedFunction(fx.m, "_ZN4demo3use17h0123456789abcdefE");
	struct ir_fn *f = map_get(&fx.p.by_value, use);
	LLVMValueRef free_call = NULL, dealloc_call = NULL;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(use); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
		     i = LLVMGetNextInstruction(i)) {
			LLVMValueRef callee = ir_is_call(i) ? ir_called_function(i) : NULL;
			size_t n;
			const char *name = callee ? LLVMGetValueName2(callee, &n) : "";
			if (strcmp(name, "free") == 0)
				free_call = i;
			if (strcmp(name, "__rust_dealloc") == 0)
				dealloc_call = i;
		}
	const struct summary *sum = summary_of(f);
	size_t checked = 0;
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (e->kind != EV_ALLOC)
			continue;
		ck_assert(e->tag.set && e->tag.object != NULL && e->tag.off == 0);
		bool is_c = strcmp(e->family, "malloc") == 0;
		struct cfg_query to_free = {.from = e->at, .to = free_call, .tag = &e->tag};
		struct cfg_query to_dealloc = {.from = e->at, .to = dealloc_call, .tag = &e->tag};
		ck_assert(cfg_path_exists(&fx.s, f, &to_free) == is_c);
		ck_assert(cfg_path_exists(&fx.s, f, &to_dealloc) == !is_c);
		/* Without the tag both paths exist. */
		to_free.tag = to_dealloc.tag = NULL;
		ck_assert(cfg_path_exists(&fx.s, f, &to_free) &&
			  cfg_path_exists(&fx.s, f, &to_dealloc));
		checked++;
	}
	ck_assert_uint_eq(checked, 2);
	teardown(&fx);
}
END_TEST

/* Rust tests a drop flag together with the value's discriminant (`and`, or `select flag, d,
 * false`): a flag the path cleared decides the whole test, so the second drop is not reached
 * from the first. */
static const char flags_ir[] =
    "declare void @rel(ptr)\n"
    "define void @f(ptr %p, i1 %c, i1 %d) {\n"
    "entry:\n  br i1 %c, label %drop, label %keep\n"
    "drop:\n  call void @rel(ptr %p)\n  br label %join\n"
    "keep:\n  br label %join\n"
    "join:\n  %flag = phi i1 [false, %drop], [true, %keep]\n"
    "  %both = and i1 %flag, %d\n  br i1 %both, label %again, label %next\n"
    "again:\n  call void @rel(ptr %p)\n  br label %next\n"
    "next:\n  %sel = select i1 %flag, i1 %d, i1 false\n  br i1 %sel, label %third, label %done\n"
    "third:\n  call void @rel(ptr %p)\n  br label %done\n"
    "done:\n  ret void\n}\n";

START_TEST(flag_conditions)
{
	struct fixture fx;
	setup_ir(&fx, flags_ir);
	LLVMValueRef fn = LLVMGetNamedFunction(fx.m, "f");
	struct ir_fn *f = map_get(&fx.p.by_value, fn);
	LLVMValueRef rel[3];
	size_t n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			if (ir_is_call(i) && n < 3)
				rel[n++] = i;
	ck_assert_uint_eq(n, 3);
	struct cfg_query first_to_and = {.from = rel[0], .to = rel[1]};
	struct cfg_query first_to_select = {.from = rel[0], .to = rel[2]};
	struct cfg_query entry_to_and = {.to = rel[1]};
	struct cfg_query entry_to_select = {.to = rel[2]};
	ck_assert(!cfg_path_exists(&fx.s, f, &first_to_and));
	ck_assert(!cfg_path_exists(&fx.s, f, &first_to_select));
	ck_assert(cfg_path_exists(&fx.s, f, &entry_to_and));
	ck_assert(cfg_path_exists(&fx.s, f, &entry_to_select));
	teardown(&fx);
}
END_TEST

/* C that frees a field and stores null there on every path after it (onig's history_root_free)
 * leaves the place null: its release fact, and its callers' events, say so. Without the null
 * store, or with it on one path only, they do not. */
static const char cleared_ir[] =
    "declare void @free(ptr)\n"
    "define void @clear(ptr %r) {\n"
    "  %f = getelementptr i8, ptr %r, i64 8\n  %h = load ptr, ptr %f\n"
    "  %z = icmp eq ptr %h, null\n  br i1 %z, label %done, label %rel\n"
    "rel:\n  call void @free(ptr %h)\n  store ptr null, ptr %f\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define void @keep(ptr %r, i1 %c) {\n"
    "  %f = getelementptr i8, ptr %r, i64 8\n  %h = load ptr, ptr %f\n"
    "  call void @free(ptr %h)\n  br i1 %c, label %null, label %done\n"
    "null:\n  store ptr null, ptr %f\n  br label %done\n"
    "done:\n  ret void\n}\n"
    "define void @twice(ptr %r) {\n  call void @clear(ptr %r)\n  call void @clear(ptr %r)\n"
    "  ret void\n}\n";

static const struct fact *release_of(const struct summary *sum)
{
	for (size_t i = 0; sum && i < sum->n_facts; i++)
		if (sum->facts[i].kind == EV_RELEASE && sum->facts[i].param == 0 &&
		    sum->facts[i].deref && sum->facts[i].off == 8)
			return &sum->facts[i];
	return NULL;
}

START_TEST(release_leaves_null)
{
	struct fixture fx;
	setup_ir(&fx, cleared_ir);
	const struct fact *clear = release_of(sum_of(&fx, "clear"));
	const struct fact *keep = release_of(sum_of(&fx, "keep"));
	ck_assert_ptr_nonnull(clear);
	ck_assert_ptr_nonnull(keep);
	ck_assert(clear->cleared);
	ck_assert(!keep->cleared);
	const struct summary *twice = sum_of(&fx, "twice");
	size_t releases = 0;
	for (size_t i = 0; i < twice->n_events; i++) {
		const struct event *e = &twice->events[i];
		if (e->kind != EV_RELEASE)
			continue;
		ck_assert(e->cleared && e->via_place);
		releases++;
	}
	/* The second call finds null there already (the null the first stores): one release. */
	ck_assert_uint_eq(releases, 1);
	teardown(&fx);
}
END_TEST

/* -O0 bodies are canonicalized only where a finding can be. The raw bodies' edges say where: an
 * indirect call through a parameter kept in a stack slot resolves there already. A -O0 shim
 * becomes one once canonical, and the edges are found again through it. */
START_TEST(lazy_canonical)
{
	struct buf ir = {0};
	buf_puts(&ir, "declare void @free(ptr)\n");
	put_o0_forward(&ir, "_Z4takePv", "free");
	put_o0_forward(&ir, "_ZN4demo3fwd17h0123456789abcdefE", "_Z4takePv");
	put_o0_forward(&ir, "_ZN4demo4give17h0123456789abcdefE",
		       "_ZN4demo3fwd17h0123456789abcdefE");
	put_o0_forward(&ir, "_Z5cxxcbPv", "free");
	put_o0_forward(&ir, "_Z5alonePv", "free");
	buf_puts(&ir, "define void @_ZN4demo3run17h0123456789abcdefE(ptr %cb, ptr %x) #0 {\n"
		      "  %cbs = alloca ptr, align 8\n  %xs = alloca ptr, align 8\n"
		      "  store ptr %cb, ptr %cbs, align 8\n  store ptr %x, ptr %xs, align 8\n"
		      "  %f = load ptr, ptr %cbs, align 8\n  %a = load ptr, ptr %xs, align 8\n"
		      "  call void %f(ptr %a)\n  ret void\n}\n"
		      "define void @_Z4mainv() #0 {\n"
		      "  call void @_ZN4demo3run17h0123456789abcdefE(ptr @_Z5cxxcbPv, ptr null)\n"
		      "  ret void\n}\n"
		      "attributes #0 = { noinline optnone }\n");
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir.data);
	buf_release(&ir);
	struct ir_program p;
	struct summaries s;
	char *err = NULL;
	ck_assert_int_eq(ir_program_init(&p, m, IR_CANON_COPY, &err), 0);
#define FN(name) ((struct ir_fn *)map_get(&p.by_value, LLVMGetNamedFunction(m, name)))
	struct ir_fn *run = FN("_ZN4demo3run17h0123456789abcdefE"),
		     *give = FN("_ZN4demo4give17h0123456789abcdefE"), *alone = FN("_Z5alonePv");
	/* Raw bodies: the callback resolves through its slot; fwd, with a slot, is no shim. */
	ir_find_edges(&p);
	ck_assert_ptr_eq(ir_program_callee(&p, first_indirect(run->fn)),
			 LLVMGetNamedFunction(m, "_Z5cxxcbPv"));
	ck_assert_uint_eq(p.n_edges, 3); /* main -> run, run -> cxxcb, fwd -> take */
	ck_assert_ptr_eq(run->body, run->fn);

	ck_assert_int_eq(summaries_build(&s, &p, SUMMARY_NEEDED, &err), 0);
	ck_assert_ptr_ne(run->body, run->fn);
	ck_assert_ptr_ne(give->body, give->fn);
	ck_assert_ptr_eq(alone->body, alone->fn); /* C++ and malloc only: left as it is */
	ck_assert_ptr_null(summary_of(alone));
	size_t through_fwd = 0;
	for (size_t i = 0; i < p.n_edges; i++)
		through_fwd += p.edges[i].caller == give && p.edges[i].n_via == 1 &&
			       p.edges[i].callee == FN("_Z4takePv");
	ck_assert_uint_eq(through_fwd, 1);
	ck_assert_uint_eq(p.n_edges, 4); /* and give -> take through fwd */
#undef FN
	summaries_release(&s);
	ir_program_release(&p);
	LLVMContextDispose(ctx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Summaries");
	TCase *tc = tcase_create("Per-function facts");
	tcase_add_test(tc, derived_releases);
	tcase_add_test(tc, pointee_release_and_slots);
	tcase_add_test(tc, returns);
	tcase_add_test(tc, captures_and_reads);
	tcase_add_test(tc, recursion_reaches_fixpoint);
	tcase_add_test(tc, stored_take_null_interior);
	tcase_add_test(tc, slot_contents_by_place);
	tcase_add_test(tc, either_and_trampoline);
	tcase_add_test(tc, indirect_targets);
	tcase_add_test(tc, needed_scope);
	tcase_add_test(tc, lazy_canonical);
	tcase_add_test(tc, flag_conditions);
	tcase_add_test(tc, release_leaves_null);
	tcase_add_test(tc, enum_variant_tags);
	tcase_add_test(tc, returned_object_keeps_params);
	tcase_add_test(tc, misaligned_call_is_unknown);
	tcase_add_test(tc, kept_input_and_blind_writes);
	suite_add_tcase(s, tc);
	TCase *abi = tcase_create("Unwinding, escapes, parameter promises");
	tcase_add_test(abi, unwinding);
	tcase_add_test(abi, replaced_fields_and_packed_pairs);
	tcase_add_test(abi, releases_two_levels_down);
	tcase_add_test(abi, copies_between_parameters);
	tcase_add_test(abi, unwinding_under_constants);
	tcase_add_test(abi, escapes_and_writes);
	tcase_add_test(abi, parameter_promises);
	tcase_add_test(abi, write_guards);
	suite_add_tcase(s, abi);
	return run_suite(s);
}
