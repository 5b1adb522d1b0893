/* FFI edge discovery: direct edges both ways, chains of shims, near misses, -O0 IR; every
 * analysis also checks that the module is left exactly as it was. */
#include "ir.h"
#include "test-common.h"

#include <llvm-c/Analysis.h>

static const char edges_ir[] =
    /* Rust side */
    "define i32 @rust_direct(i32 %x) #0 { %r = call i32 @cpp_impl(i32 %x)\n ret i32 %r }\n"
    "define i32 @rust_fwd(i32 %x) #0 { %r = call i32 @cpp_impl(i32 %x)\n ret i32 %r }\n"
    "define i32 @rust_user(i32 %x) #0 { %a = call i32 @rust_fwd(i32 %x)\n"
    "  %b = call i32 @rust_helper(i32 %a)\n ret i32 %b }\n"
    "define i32 @rust_helper(i32 %x) #0 { %r = mul i32 %x, 2\n ret i32 %r }\n"
    "define i32 @rust_to_bridge(i32 %x) #0 { %r = call i32 @cxxbridge1$scale(i32 %x)\n"
    "  ret i32 %r }\n"
    "define void @rust_to_deleter(ptr %p) #0 { call void @cpp_delete(ptr %p)\n ret void }\n"
    "define void @rust_to_libc(i64 %n) #0 { %p = call ptr @malloc(i64 %n)\n"
    "  call void @free(ptr %p)\n ret void }\n"
    "define i32 @rust_indirect(ptr %f, i32 %x) #0 { %r = call i32 %f(i32 %x)\n ret i32 %r }\n"
    "define i32 @rust_impl(i32 %x) #0 { %r = add i32 %x, 1\n ret i32 %r }\n"
    /* C++ side */
    "define i32 @cpp_impl(i32 %x) #1 { %r = add i32 %x, 7\n ret i32 %r }\n"
    "define i32 @cxxbridge1$scale(i32 %x) #1 { %r = call i32 @_Z5scalei(i32 %x)\n ret i32 %r }\n"
    "define i32 @_Z5scalei(i32 %x) #1 { %a = mul i32 %x, 3\n %b = add i32 %a, 1\n"
    "  %c = call i32 @rust_impl(i32 %b)\n %d = call i32 @cpp_impl(i32 %c)\n ret i32 %d }\n"
    "define void @cpp_delete(ptr %p) #1 { call void @_ZdlPv(ptr %p)\n ret void }\n"
    "define i32 @main() #1 { %r = call i32 @rust_direct(i32 1)\n ret i32 %r }\n"
    "declare void @_ZdlPv(ptr)\n"
    "declare ptr @malloc(i64)\n"
    "declare void @free(ptr)\n"
    "attributes #0 = { \"ffiguard-lang\"=\"rust\" }\n"
    "attributes #1 = { \"ffiguard-lang\"=\"c++\" }\n";

/* Analyses `ir` and checks on the way that the module's printed text did not change. */
static struct ffiguard_report *analyze(const char *ir, LLVMContextRef *ctx_out,
				       LLVMModuleRef *m_out)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir);
	char *before = LLVMPrintModuleToString(m);
	struct ffiguard_report *r = ffiguard_report_new();
	char *err = NULL;
	ck_assert_int_eq(ffiguard_analyze(m, r, &err), 0);
	ck_assert_ptr_null(err);
	char *after = LLVMPrintModuleToString(m);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(LLVMVerifyModule(m, LLVMReturnStatusAction, NULL), 0);
	LLVMDisposeMessage(before);
	LLVMDisposeMessage(after);
	*ctx_out = ctx;
	*m_out = m;
	return r;
}

/* The edge from caller to callee, or NULL. */
static const struct ffiguard_edge *find_edge(const struct ffiguard_report *r, const char *caller,
					     const char *callee)
{
	for (size_t i = 0; i < ffiguard_report_edge_count(r); i++) {
		const struct ffiguard_edge *e = ffiguard_report_edge(r, i);
		if (strcmp(e->caller.symbol, caller) == 0 && strcmp(e->callee.symbol, callee) == 0)
			return e;
	}
	return NULL;
}

START_TEST(direct_edges_both_directions)
{
	LLVMContextRef ctx;
	LLVMModuleRef m;
	struct ffiguard_report *r = analyze(edges_ir, &ctx, &m);
	const struct ffiguard_edge *e = find_edge(r, "rust_direct", "cpp_impl");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->caller.lang, FFIGUARD_LANG_RUST);
	ck_assert_int_eq(e->callee.lang, FFIGUARD_LANG_CXX);
	ck_assert_uint_eq(e->n_via, 0);
	ck_assert_ptr_null(e->loc.file);
	e = find_edge(r, "main", "rust_direct");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->caller.lang, FFIGUARD_LANG_CXX);
	ck_assert_int_eq(e->callee.lang, FFIGUARD_LANG_RUST);
	ffiguard_report_free(r);
	LLVMContextDispose(ctx);
}
END_TEST

START_TEST(edges_through_shims)
{
	LLVMContextRef ctx;
	LLVMModuleRef m;
	struct ffiguard_report *r = analyze(edges_ir, &ctx, &m);
	/* Caller-side shim: rust_user -> rust_fwd (rust) -> cpp_impl. */
	const struct ffiguard_edge *e = find_edge(r, "rust_user", "cpp_impl");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->n_via, 1);
	ck_assert_str_eq(e->via[0].symbol, "rust_fwd");
	ck_assert_int_eq(e->via[0].lang, FFIGUARD_LANG_RUST);
	/* Callee-side shim: a cxx bridge forwarding to the C++ implementation. */
	e = find_edge(r, "rust_to_bridge", "_Z5scalei");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->n_via, 1);
	ck_assert_str_eq(e->via[0].symbol, "cxxbridge1$scale");
	ck_assert_str_eq(e->callee.name, "scale(int)");
	ck_assert_ptr_null(find_edge(r, "rust_to_bridge", "cxxbridge1$scale"));
	ffiguard_report_free(r);
	LLVMContextDispose(ctx);
}
END_TEST

START_TEST(near_misses)
{
	LLVMContextRef ctx;
	LLVMModuleRef m;
	struct ffiguard_report *r = analyze(edges_ir, &ctx, &m);
	/* A C++ one-liner calling operator delete stays the callee. */
	ck_assert_ptr_nonnull(find_edge(r, "rust_to_deleter", "cpp_delete"));
	ck_assert_ptr_null(find_edge(r, "rust_to_deleter", "_ZdlPv"));
	/* Same-language calls and calls into unknown declarations are not edges. */
	ck_assert_ptr_null(find_edge(r, "rust_user", "rust_helper"));
	ck_assert_ptr_null(find_edge(r, "rust_to_libc", "malloc"));
	ck_assert_ptr_null(find_edge(r, "rust_to_libc", "free"));
	/* _Z5scalei calls two functions: not a shim, so the bridge chain ends there. */
	ck_assert_ptr_null(find_edge(r, "rust_to_bridge", "rust_impl"));
	ck_assert_ptr_nonnull(find_edge(r, "_Z5scalei", "rust_impl"));
	struct ffiguard_summary *s = ffiguard_report_summary(r);
	ck_assert_uint_eq(s->ffi_edges, ffiguard_report_edge_count(r));
	ck_assert_uint_eq(s->ffi_edges, 7);
	ck_assert_uint_eq(s->unanalyzed_edges, 1);
	ck_assert_uint_eq(s->functions, 14);
	ffiguard_report_free(r);
	LLVMContextDispose(ctx);
}
END_TEST

/* -O0 shape: the forwarder keeps its argument in an alloca until the canonical copy drops it. */
static const char o0_ir[] =
    "define i32 @rust_fwd(i32 %x) #0 { %p = alloca i32\n store i32 %x, ptr %p\n"
    "  %v = load i32, ptr %p\n %r = call i32 @cpp_impl(i32 %v)\n ret i32 %r }\n"
    "define i32 @rust_user(i32 %x) #0 { %r = call i32 @rust_fwd(i32 %x)\n ret i32 %r }\n"
    "define i32 @cpp_impl(i32 %x) #1 { %r = add i32 %x, 7\n ret i32 %r }\n"
    "attributes #0 = { noinline optnone \"ffiguard-lang\"=\"rust\" }\n"
    "attributes #1 = { noinline optnone \"ffiguard-lang\"=\"c++\" }\n";

START_TEST(o0_through_canonical_copy)
{
	LLVMContextRef ctx;
	LLVMModuleRef m;
	struct ffiguard_report *r = analyze(o0_ir, &ctx, &m);
	const struct ffiguard_edge *e = find_edge(r, "rust_user", "cpp_impl");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->via[0].symbol, "rust_fwd");
	/* The user's module keeps its optnone allocas: only the copy was canonicalized. */
	ck_assert_int_eq(LLVMGetInstructionOpcode(LLVMGetFirstInstruction(
			     LLVMGetEntryBasicBlock(LLVMGetNamedFunction(m, "rust_fwd")))),
			 LLVMAlloca);
	ffiguard_report_free(r);
	LLVMContextDispose(ctx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("FFI edges");
	TCase *tc = tcase_create("Edge discovery");
	tcase_add_test(tc, direct_edges_both_directions);
	tcase_add_test(tc, edges_through_shims);
	tcase_add_test(tc, near_misses);
	suite_add_tcase(s, tc);
	tc = tcase_create("-O0 IR");
	tcase_add_test(tc, o0_through_canonical_copy);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
