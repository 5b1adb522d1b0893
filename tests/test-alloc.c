/* Allocator families (DESIGN §4): attributes first, names as the fallback, never bodies. */
#include "summary.h"
#include "test-common.h"

static const char alloc_ir[] =
    /* rustc 1.95's shims, as declared at -O0 and -O2: mangled, matched by attribute. */
    "declare noalias ptr @_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc(i64, i64 allocalign) #0\n"
    "declare noalias ptr @_RNvCsfLfy6EI15iL_7___rustc19___rust_alloc_zeroed(i64, i64) #1\n"
    "declare void @_RNvCsfLfy6EI15iL_7___rustc14___rust_dealloc(ptr allocptr, i64, i64) #2\n"
    "declare ptr @_RNvCsfLfy6EI15iL_7___rustc14___rust_realloc(ptr allocptr, i64, i64, i64) #3\n"
    /* A defined __rust_alloc that ends in malloc (fat LTO) is still family rust. */
    "define ptr @__rust_alloc(i64 %n, i64 %a) { %p = call ptr @malloc(i64 %n)\n ret ptr %p }\n"
    /* Without attributes, at -O0: by name. */
    "declare ptr @malloc(i64)\n"
    "declare ptr @strdup(ptr)\n"
    "declare i32 @posix_memalign(ptr, i64, i64)\n"
    "declare ptr @realloc(ptr, i64)\n"
    "declare void @free(ptr)\n"
    "declare ptr @_Znwm(i64)\n"
    "declare ptr @_ZnwmRKSt9nothrow_t(i64, ptr)\n"
    "declare void @_ZdlPvm(ptr, i64)\n"
    "declare ptr @_Znam(i64)\n"
    "declare void @_ZdaPv(ptr)\n"
    /* With clang's inferred attributes at -O2, and a custom family with allocptr second. */
    "declare ptr @my_alloc(i64) #4\n"
    "declare void @my_free(i64, ptr allocptr) #5\n"
    "declare void @not_an_allocator(ptr)\n"
    "declare ptr @_RNvCs1_4demo16not___rust_alloc()\n"
    "attributes #0 = { allockind(\"alloc,uninitialized,aligned\") "
    "\"alloc-family\"=\"__rust_alloc\" }\n"
    "attributes #1 = { allockind(\"alloc,zeroed,aligned\") \"alloc-family\"=\"__rust_alloc\" }\n"
    "attributes #2 = { allockind(\"free\") \"alloc-family\"=\"__rust_alloc\" }\n"
    "attributes #3 = { allockind(\"realloc,aligned\") \"alloc-family\"=\"__rust_alloc\" }\n"
    "attributes #4 = { allockind(\"alloc,uninitialized\") \"alloc-family\"=\"pool\" }\n"
    "attributes #5 = { allockind(\"free\") \"alloc-family\"=\"pool\" }\n";

static struct alloc_fact fact(LLVMModuleRef m, const char *name)
{
	struct alloc_fact f;
	LLVMValueRef fn = LLVMGetNamedFunction(m, name);
	ck_assert_msg(fn != NULL, "no function %s", name);
	bool known = summary_alloc_classify(fn, &f);
	ck_assert_int_eq(known, f.role != ALLOC_NONE);
	return f;
}

#define ASSERT_FACT(m, name, role_, family_, arg_, null_)                                          \
	do {                                                                                       \
		struct alloc_fact f_ = fact((m), (name));                                          \
		ck_assert_int_eq(f_.role, (role_));                                                \
		ck_assert_str_eq(f_.family, (family_));                                            \
		ck_assert_int_eq(f_.ptr_arg, (arg_));                                              \
		ck_assert_int_eq(f_.may_return_null, (null_));                                     \
	} while (0)

START_TEST(rust_family)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, alloc_ir);
	ASSERT_FACT(m, "_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc", ALLOC_ALLOCATES, "rust", -1,
		    false);
	ASSERT_FACT(m, "_RNvCsfLfy6EI15iL_7___rustc19___rust_alloc_zeroed", ALLOC_ALLOCATES, "rust",
		    -1, false);
	ASSERT_FACT(m, "_RNvCsfLfy6EI15iL_7___rustc14___rust_dealloc", ALLOC_RELEASES, "rust", 0,
		    false);
	ASSERT_FACT(m, "_RNvCsfLfy6EI15iL_7___rustc14___rust_realloc", ALLOC_REALLOCATES, "rust", 0,
		    false);
	ASSERT_FACT(m, "__rust_alloc", ALLOC_ALLOCATES, "rust", -1, false);
	LLVMContextDispose(ctx);
}
END_TEST

START_TEST(c_and_cxx_families)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, alloc_ir);
	ASSERT_FACT(m, "malloc", ALLOC_ALLOCATES, "malloc", -1, true);
	ASSERT_FACT(m, "strdup", ALLOC_ALLOCATES, "malloc", -1, true);
	ASSERT_FACT(m, "realloc", ALLOC_REALLOCATES, "malloc", 0, true);
	ASSERT_FACT(m, "free", ALLOC_RELEASES, "malloc", 0, false);
	ASSERT_FACT(m, "_Znwm", ALLOC_ALLOCATES, "new", -1, false);
	ASSERT_FACT(m, "_ZnwmRKSt9nothrow_t", ALLOC_ALLOCATES, "new", -1, true);
	ASSERT_FACT(m, "_ZdlPvm", ALLOC_RELEASES, "new", 0, false);
	ASSERT_FACT(m, "_Znam", ALLOC_ALLOCATES, "new[]", -1, false);
	ASSERT_FACT(m, "_ZdaPv", ALLOC_RELEASES, "new[]", 0, false);
	struct alloc_fact f = fact(m, "posix_memalign");
	ck_assert(f.out_param);
	ck_assert_int_eq(f.ptr_arg, 0);
	LLVMContextDispose(ctx);
}
END_TEST

START_TEST(custom_family_and_non_allocators)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, alloc_ir);
	ASSERT_FACT(m, "my_alloc", ALLOC_ALLOCATES, "pool", -1, false);
	ASSERT_FACT(m, "my_free", ALLOC_RELEASES, "pool", 1, false);
	ck_assert_int_eq(fact(m, "not_an_allocator").role, ALLOC_NONE);
	ck_assert_int_eq(fact(m, "_RNvCs1_4demo16not___rust_alloc").role, ALLOC_NONE);
	LLVMContextDispose(ctx);
}
END_TEST

/* rustc's fat LTO inlines __rust_alloc -> __rdl_alloc -> malloc: the call says malloc, the
 * inlined-at chain says whose contract it is. A plain malloc stays malloc. */
static const char inlined_ir[] =
    "declare ptr @malloc(i64)\n"
    "define ptr @user() !dbg !10 {\n"
    "  %box = call ptr @malloc(i64 8), !dbg !20\n"
    "  %raw = call ptr @malloc(i64 8), !dbg !21\n"
    "  ret ptr %box\n}\n"
    "!llvm.dbg.cu = !{!0}\n"
    "!llvm.module.flags = !{!1}\n"
    "!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !3, producer: \"rustc\", "
    "isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)\n"
    "!1 = !{i32 2, !\"Debug Info Version\", i32 3}\n"
    "!3 = !DIFile(filename: \"lib.rs\", directory: \"/tmp\")\n"
    "!4 = !DISubroutineType(types: !{})\n"
    "!10 = distinct !DISubprogram(name: \"user\", scope: !3, file: !3, line: 1, type: !4, "
    "spFlags: DISPFlagDefinition, unit: !0)\n"
    "!11 = distinct !DISubprogram(name: \"__rdl_alloc\", linkageName: "
    "\"_RNvCsfLfy6EI15iL_7___rustc11___rdl_alloc\", scope: !3, file: !3, line: 5, type: !4, "
    "spFlags: DISPFlagDefinition, unit: !0)\n"
    "!12 = distinct !DILexicalBlock(scope: !11, file: !3, line: 6, column: 1)\n"
    "!20 = !DILocation(line: 6, column: 3, scope: !12, inlinedAt: !22)\n"
    "!21 = !DILocation(line: 3, column: 3, scope: !10)\n"
    "!22 = distinct !DILocation(line: 2, column: 5, scope: !10)\n";

START_TEST(inlined_rust_allocator)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, inlined_ir);
	LLVMValueRef user = LLVMGetNamedFunction(m, "user");
	LLVMValueRef box = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(user));
	LLVMValueRef raw = LLVMGetNextInstruction(box);
	LLVMValueRef malloc_fn = LLVMGetNamedFunction(m, "malloc");
	struct alloc_fact f;
	ck_assert(summary_alloc_classify(malloc_fn, &f));
	summary_alloc_at_call(box, &f);
	ck_assert_str_eq(f.family, "rust");
	ck_assert(!f.may_return_null);
	ck_assert(summary_alloc_classify(malloc_fn, &f));
	summary_alloc_at_call(raw, &f);
	ck_assert_str_eq(f.family, "malloc");
	LLVMContextDispose(ctx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Allocator families");
	TCase *tc = tcase_create("Family table");
	tcase_add_test(tc, rust_family);
	tcase_add_test(tc, c_and_cxx_families);
	tcase_add_test(tc, custom_family_and_non_allocators);
	tcase_add_test(tc, inlined_rust_allocator);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
