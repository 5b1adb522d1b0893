/* Trivial-shim classification (DESIGN §5): forwarders pass, every disqualifier is named. */
#include "inline.h"
#include "ir.h"
#include "test-common.h"

#include <llvm-c/Analysis.h>

static const char shim_ir[] =
    "declare i32 @target(i32)\n"
    "declare i32 @other(i32)\n"
    "declare i32 @vararg_target(i32, ...)\n"
    "define i32 @fwd(i32 %x) { %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "define i32 @getter(i32 %x) { %r = mul i32 %x, 3\n ret i32 %r }\n"
    "define i32 @two_calls(i32 %x) { %a = call i32 @target(i32 %x)\n"
    "  %b = call i32 @other(i32 %a)\n ret i32 %b }\n"
    "define i32 @same_twice(i32 %x) { %a = call i32 @target(i32 %x)\n"
    "  %b = call i32 @target(i32 %a)\n ret i32 %b }\n"
    "define i32 @looping(i32 %n) {\n"
    "entry:\n br label %loop\n"
    "loop:\n %i = phi i32 [0, %entry], [%j, %loop]\n %j = add i32 %i, 1\n"
    " %c = icmp slt i32 %j, %n\n br i1 %c, label %loop, label %done\n"
    "done:\n %r = call i32 @target(i32 %j)\n ret i32 %r }\n"
    "define i32 @branchy(i32 %n) {\n"
    "entry:\n %c = icmp eq i32 %n, 0\n br i1 %c, label %a, label %b\n"
    "a:\n br label %b\n"
    "b:\n %r = call i32 @target(i32 %n)\n ret i32 %r }\n"
    "define i32 @stack(i32 %x) { %p = alloca i32\n store i32 %x, ptr %p\n"
    "  %v = load i32, ptr %p\n %r = call i32 @target(i32 %v)\n ret i32 %r }\n"
    "define i32 @asm(i32 %x) { %r = call i32 asm \"mov $1, $0\", \"=r,r\"(i32 %x)\n ret i32 %r }\n"
    "define <4 x i32> @vec(<4 x i32> %v) { %r = add <4 x i32> %v, %v\n ret <4 x i32> %r }\n"
    "define i32 @tintrin(i32 %x) { %r = call i32 @llvm.x86.rdpid()\n ret i32 %r }\n"
    "declare i32 @llvm.x86.rdpid()\n"
    "define i32 @eh(i32 %x) personality ptr @__gxx_personality_v0 {\n"
    "  %r = invoke i32 @target(i32 %x) to label %ok unwind label %lp\n"
    "ok:\n ret i32 %r\n"
    "lp:\n %l = landingpad { ptr, i32 } cleanup\n resume { ptr, i32 } %l }\n"
    "define i32 @dead_personality(i32 %x) personality ptr @__gxx_personality_v0 {\n"
    "  %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "declare i32 @__gxx_personality_v0(...)\n"
    "define i32 @va(i32 %x, ...) { %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "define i32 @rec(i32 %x) { %r = call i32 @rec(i32 %x)\n ret i32 %r }\n"
    "define weak i32 @weak_fwd(i32 %x) { %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "define linkonce_odr i32 @odr_fwd(i32 %x) { %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "define i32 @indirect(ptr %f, i32 %x) { %r = call i32 %f(i32 %x)\n ret i32 %r }\n"
    "define i32 @annotated(i32 %x) { call void @llvm.assume(i1 true)\n"
    "  %r = call i32 @target(i32 %x)\n ret i32 %r }\n"
    "declare void @llvm.assume(i1)\n";

static enum ir_shim_verdict classify(LLVMModuleRef m, const char *name, const char **callee)
{
	LLVMValueRef c = NULL;
	LLVMValueRef f = LLVMGetNamedFunction(m, name);
	ck_assert_msg(f != NULL, "no function %s", name);
	enum ir_shim_verdict v = ir_shim_classify(f, f, false, &c);
	size_t len;
	*callee = c ? LLVMGetValueName2(c, &len) : NULL;
	return v;
}

START_TEST(forwarders_are_shims)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, shim_ir);
	const char *callee;
	ck_assert_int_eq(classify(m, "fwd", &callee), IR_SHIM_OK);
	ck_assert_str_eq(callee, "target");
	ck_assert_int_eq(classify(m, "getter", &callee), IR_SHIM_OK);
	ck_assert_ptr_null(callee);
	ck_assert_int_eq(classify(m, "same_twice", &callee), IR_SHIM_OK);
	ck_assert_str_eq(callee, "target");
	ck_assert_int_eq(classify(m, "branchy", &callee), IR_SHIM_OK);
	ck_assert_int_eq(classify(m, "dead_personality", &callee), IR_SHIM_OK);
	ck_assert_int_eq(classify(m, "odr_fwd", &callee), IR_SHIM_OK);
	ck_assert_int_eq(classify(m, "annotated", &callee), IR_SHIM_OK);
	ck_assert_str_eq(callee, "target");
	LLVMContextDispose(ctx);
}
END_TEST

START_TEST(disqualifiers)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, shim_ir);
	const char *callee;
	ck_assert_int_eq(classify(m, "target", &callee), IR_SHIM_DECLARATION);
	ck_assert_int_eq(classify(m, "two_calls", &callee), IR_SHIM_MANY_CALLS);
	ck_assert_int_eq(classify(m, "looping", &callee), IR_SHIM_LOOP);
	ck_assert_int_eq(classify(m, "stack", &callee), IR_SHIM_ALLOCA);
	ck_assert_int_eq(classify(m, "asm", &callee), IR_SHIM_INLINE_ASM);
	ck_assert_int_eq(classify(m, "vec", &callee), IR_SHIM_VECTOR);
	ck_assert_int_eq(classify(m, "tintrin", &callee), IR_SHIM_TARGET_INTRINSIC);
	ck_assert_int_eq(classify(m, "eh", &callee), IR_SHIM_EH_PAD);
	ck_assert_int_eq(classify(m, "va", &callee), IR_SHIM_VARARG);
	ck_assert_int_eq(classify(m, "rec", &callee), IR_SHIM_RECURSIVE);
	ck_assert_int_eq(classify(m, "weak_fwd", &callee), IR_SHIM_INTERPOSABLE);
	ck_assert_int_eq(classify(m, "indirect", &callee), IR_SHIM_INDIRECT_CALL);
	ck_assert_ptr_null(callee);
	LLVMContextDispose(ctx);
}
END_TEST

/* Verdict for a straight-line function of exactly `n` instructions (n-1 adds and a ret). */
static enum ir_shim_verdict straight_line(int n)
{
	struct buf ir = {0};
	buf_printf(&ir, "define i32 @f(i32 %%x0) {\n");
	for (int i = 1; i < n; i++)
		buf_printf(&ir, "  %%x%d = add i32 %%x%d, 1\n", i, i - 1);
	buf_printf(&ir, "  ret i32 %%x%d\n}\n", n - 1);
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir.data);
	const char *callee;
	enum ir_shim_verdict v = classify(m, "f", &callee);
	LLVMContextDispose(ctx);
	buf_release(&ir);
	return v;
}

START_TEST(size_limit)
{
	ck_assert_int_eq(straight_line(24), IR_SHIM_OK);
	ck_assert_int_eq(straight_line(25), IR_SHIM_TOO_BIG);
}
END_TEST

START_TEST(verdicts_have_text)
{
	for (int v = IR_SHIM_OK; v <= IR_SHIM_INDIRECT_CALL; v++)
		ck_assert_str_ne(ir_shim_verdict_text((enum ir_shim_verdict)v), "?");
}
END_TEST

/* ffiguard-inline on IR: what it unblocks, what it leaves alone, and that it never touches a
 * function whose inlining stock LTO would not refuse. Languages come from the tag the CLI sets. */
static const char inline_ir[] =
    "declare i32 @__gxx_personality_v0(...)\n"
    "declare i32 @rust_eh_personality(...)\n"
    "define i64 @rust_caller(i64 %x) #0 personality ptr @rust_eh_personality {\n"
    "  %a = call i64 @cxx_noexcept_shim(i64 %x)\n"
    "  %b = call i64 @cxx_avx2_leaf(i64 %a)\n"
    "  %c = call i64 @cxx_avx2_loop(i64 %b)\n"
    "  %d = call i64 @cxx_plain(i64 %c)\n"
    "  %e = call i64 @cxx_nobuiltin(i64 %d)\n"
    "  ret i64 %e\n}\n"
    "define i64 @cxx_noexcept_shim(i64 %x) #1 personality ptr @__gxx_personality_v0 {\n"
    "  %r = mul i64 %x, 3\n  ret i64 %r\n}\n"
    "define i64 @cxx_avx2_leaf(i64 %x) #2 {\n  %r = add i64 %x, 1\n  ret i64 %r\n}\n"
    "define i64 @cxx_avx2_loop(i64 %n) #2 {\n"
    "entry:\n  br label %loop\n"
    "loop:\n  %i = phi i64 [ %n, %entry ], [ %j, %loop ]\n  %j = lshr i64 %i, 1\n"
    "  %c = icmp ugt i64 %j, 1\n  br i1 %c, label %loop, label %done\n"
    "done:\n  ret i64 %j\n}\n"
    "define i64 @cxx_plain(i64 %x) #1 {\n  ret i64 %x\n}\n"
    "define i64 @cxx_nobuiltin(i64 %x) #3 {\n  %r = xor i64 %x, 5\n  ret i64 %r\n}\n"
    "attributes #0 = { \"ffiguard-lang\"=\"rust\" \"target-cpu\"=\"x86-64\" }\n"
    "attributes #1 = { \"ffiguard-lang\"=\"c++\" \"target-cpu\"=\"x86-64\" }\n"
    "attributes #2 = { \"ffiguard-lang\"=\"c++\" \"target-cpu\"=\"x86-64\" "
    "\"target-features\"=\"+avx,+avx2\" }\n"
    "attributes #3 = { \"ffiguard-lang\"=\"c++\" \"target-cpu\"=\"x86-64\" \"no-builtins\" }\n";

static bool has_attr(LLVMValueRef fn, const char *key)
{
	return LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, key, strlen(key)) !=
	       NULL;
}

START_TEST(inliner_unblocks_only_safe_shims)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, inline_ir);
	struct inline_result r;
	char *err = NULL;
	ck_assert_int_eq(inline_shims(m, &r, &err), 0);
	ck_assert_int_eq(r.unblocked, 3);
	ck_assert_int_eq(r.skipped, 1);
	/* The personality of a shim without EH pads goes. */
	ck_assert(!LLVMHasPersonalityFn(LLVMGetNamedFunction(m, "cxx_noexcept_shim")));
	/* A feature-neutral leaf takes its caller's target attributes (none beyond the CPU). */
	ck_assert(!has_attr(LLVMGetNamedFunction(m, "cxx_avx2_leaf"), "target-features"));
	/* A loop is left as it was, and so is a function nothing blocks. */
	ck_assert(has_attr(LLVMGetNamedFunction(m, "cxx_avx2_loop"), "target-features"));
	ck_assert_ptr_nonnull(strstr(r.lines[2].text, "has a loop"));
	ck_assert(!r.lines[2].unblocked);
	ck_assert(!LLVMHasPersonalityFn(LLVMGetNamedFunction(m, "cxx_plain")));
	/* -fno-builtin on the shim only: cleared, it calls no library function. */
	ck_assert(!has_attr(LLVMGetNamedFunction(m, "cxx_nobuiltin"), "no-builtins"));
	char *msg = NULL;
	ck_assert_msg(!LLVMVerifyModule(m, LLVMReturnStatusAction, &msg), "%s", msg);
	LLVMDisposeMessage(msg);
	inline_result_release(&r);
	LLVMContextDispose(ctx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Shims");
	TCase *tc = tcase_create("Trivial shim classification");
	tcase_add_test(tc, forwarders_are_shims);
	tcase_add_test(tc, disqualifiers);
	tcase_add_test(tc, size_limit);
	tcase_add_test(tc, verdicts_have_text);
	suite_add_tcase(s, tc);
	TCase *inl = tcase_create("Shim inliner");
	tcase_add_test(inl, inliner_unblocks_only_safe_shims);
	suite_add_tcase(s, inl);
	return run_suite(s);
}
