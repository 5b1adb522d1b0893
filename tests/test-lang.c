/* Provenance: every piece of evidence of DESIGN §2 decides a function's language, in order. */
#include "ir.h"
#include "test-common.h"

static enum ffiguard_lang lang_of(LLVMModuleRef m, const char *name)
{
	LLVMValueRef f = LLVMGetNamedFunction(m, name);
	ck_assert_msg(f != NULL, "no function %s", name);
	return ffiguard_function_lang(f);
}

static const char debug_ir[] =
    "define void @from_rs() !dbg !10 { ret void }\n"
    "define void @from_cpp() !dbg !11 { ret void }\n"
    "define void @from_c() !dbg !12 { ret void }\n"
    "define void @from_header() !dbg !13 { ret void }\n"
    "define void @_ZN3foo3bar17h0123456789abcdefE() !dbg !14 { ret void }\n"
    "define void @inline_in_c() !dbg !15 { ret void }\n"
    "define void @header_unit() !dbg !16 { ret void }\n"
    "!llvm.dbg.cu = !{!0, !6, !7, !8}\n!llvm.module.flags = !{!20}\n"
    "!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: \"clang\", "
    "emissionKind: FullDebug)\n"
    "!6 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !9, producer: \"clang LLVM "
    "(rustc version 1.95.0)\", emissionKind: FullDebug)\n"
    "!7 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !3, producer: "
    "\"clang\", emissionKind: FullDebug)\n"
    "!8 = distinct !DICompileUnit(language: DW_LANG_C99, file: !17, producer: \"clang\", "
    "emissionKind: FullDebug)\n"
    "!1 = !DIFile(filename: \"x.c\", directory: \"/src\")\n"
    "!2 = !DIFile(filename: \"lib.rs\", directory: \"/src\")\n"
    "!3 = !DIFile(filename: \"ffi.cpp\", directory: \"/src\")\n"
    "!4 = !DIFile(filename: \"widget.hpp\", directory: \"/src\")\n"
    "!9 = !DIFile(filename: \"src/lib.rs/@/demo.abc-cgu.0\", directory: \"/src\")\n"
    "!17 = !DIFile(filename: \"gen.h\", directory: \"/src\")\n"
    "!18 = !DIFile(filename: \"zstd_internal.h\", directory: \"/src\")\n"
    "!5 = !DISubroutineType(types: !{})\n"
    "!10 = distinct !DISubprogram(name: \"a\", file: !2, line: 1, type: !5, unit: !6, spFlags: "
    "DISPFlagDefinition)\n"
    "!11 = distinct !DISubprogram(name: \"b\", file: !3, line: 1, type: !5, unit: !7, spFlags: "
    "DISPFlagDefinition)\n"
    "!12 = distinct !DISubprogram(name: \"c\", file: !1, line: 1, type: !5, unit: !0, spFlags: "
    "DISPFlagDefinition)\n"
    "!13 = distinct !DISubprogram(name: \"d\", file: !4, line: 1, type: !5, unit: !7, spFlags: "
    "DISPFlagDefinition)\n"
    "!14 = distinct !DISubprogram(name: \"e\", file: !1, line: 1, type: !5, unit: !0, spFlags: "
    "DISPFlagDefinition)\n"
    "!15 = distinct !DISubprogram(name: \"f\", file: !18, line: 1, type: !5, unit: !0, spFlags: "
    "DISPFlagDefinition)\n"
    "!16 = distinct !DISubprogram(name: \"g\", file: !4, line: 1, type: !5, unit: !8, spFlags: "
    "DISPFlagDefinition)\n"
    "!20 = !{i32 2, !\"Debug Info Version\", i32 3}\n";

/* The compile unit first (its producer, its main file), then the function's own file. */
START_TEST(debug_file_decides)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, debug_ir);
	ck_assert_int_eq(lang_of(m, "from_rs"), FFIGUARD_LANG_RUST);
	ck_assert_int_eq(lang_of(m, "from_cpp"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "from_c"), FFIGUARD_LANG_C);
	ck_assert_int_eq(lang_of(m, "from_header"), FFIGUARD_LANG_CXX);
	/* The file outranks the mangling: a legacy-Rust-looking name in a .c file is C. */
	ck_assert_int_eq(lang_of(m, "_ZN3foo3bar17h0123456789abcdefE"), FFIGUARD_LANG_C);
	/* A static inline function from a .h header compiled into a C file is C (zstd). */
	ck_assert_int_eq(lang_of(m, "inline_in_c"), FFIGUARD_LANG_C);
	/* A unit named after a header says nothing: the function's own file decides. */
	ck_assert_int_eq(lang_of(m, "header_unit"), FFIGUARD_LANG_CXX);
	LLVMContextDispose(ctx);
}
END_TEST

static const char mangled_ir[] =
    "define void @_RNvCs1234_5crate3foo() { ret void }\n"
    "define void @_ZN4core3ptr13drop_in_place17h0123456789abcdefE() { ret void }\n"
    "define void @_Z3fooi(i32) { ret void }\n"
    "declare void @_ZdlPv(ptr)\n"
    "declare void @_RNvCs1_3std7process4exit()\n"
    "declare void @plain_c(ptr) #0\n"
    "define void @__clang_call_terminate(ptr) #1 { ret void }\n"
    "declare ptr @__cxa_begin_catch(ptr)\n"
    "declare i32 @__gxx_personality_v0(...)\n"
    "declare i32 @__cxa_thread_atexit_impl(ptr, ptr, ptr)\n"
    "declare i32 @__cxa_atexit(ptr, ptr, ptr)\n"
    "attributes #0 = { nonlazybind \"probe-stack\"=\"inline-asm\" }\n"
    "attributes #1 = { \"no-trapping-math\"=\"true\" \"stack-protector-buffer-size\"=\"8\" }\n";

START_TEST(mangling_decides)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, mangled_ir);
	ck_assert_int_eq(lang_of(m, "_RNvCs1234_5crate3foo"), FFIGUARD_LANG_RUST);
	ck_assert_int_eq(lang_of(m, "_ZN4core3ptr13drop_in_place17h0123456789abcdefE"),
			 FFIGUARD_LANG_RUST);
	ck_assert_int_eq(lang_of(m, "_Z3fooi"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "_ZdlPv"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "_RNvCs1_3std7process4exit"), FFIGUARD_LANG_RUST);
	/* A declaration's attributes are the declaring module's: they say nothing of the callee. */
	ck_assert_int_eq(lang_of(m, "plain_c"), FFIGUARD_LANG_UNKNOWN);
	/* The C++ runtime's unmangled helpers are C++, though their attributes look like C. */
	ck_assert_int_eq(lang_of(m, "__clang_call_terminate"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "__cxa_begin_catch"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "__gxx_personality_v0"), FFIGUARD_LANG_CXX);
	/* The C library's: Rust's std registers thread-local destructors through it. */
	ck_assert_int_eq(lang_of(m, "__cxa_thread_atexit_impl"), FFIGUARD_LANG_UNKNOWN);
	ck_assert_int_eq(lang_of(m, "__cxa_atexit"), FFIGUARD_LANG_UNKNOWN);
	LLVMContextDispose(ctx);
}
END_TEST

static const char attr_ir[] =
    "define void @rust_fn() #0 { ret void }\n"
    "define void @rust_personality() personality ptr @rust_eh_personality { ret void }\n"
    "define void @cxx_fn() #1 { ret void }\n"
    "define void @c_fn() #2 { ret void }\n"
    "define void @bare() { ret void }\n"
    "define void @tagged() #3 { ret void }\n"
    "declare i32 @rust_eh_personality(...)\n"
    "declare void @llvm.trap()\n"
    "attributes #0 = { nonlazybind \"probe-stack\"=\"inline-asm\" }\n"
    "attributes #1 = { mustprogress \"no-trapping-math\"=\"true\" }\n"
    "attributes #2 = { \"no-trapping-math\"=\"true\" \"stack-protector-buffer-size\"=\"8\" }\n"
    "attributes #3 = { mustprogress \"no-trapping-math\"=\"true\" \"ffiguard-lang\"=\"rust\" }\n";

START_TEST(attributes_decide)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, attr_ir);
	ck_assert_int_eq(lang_of(m, "rust_fn"), FFIGUARD_LANG_RUST);
	ck_assert_int_eq(lang_of(m, "rust_personality"), FFIGUARD_LANG_RUST);
	ck_assert_int_eq(lang_of(m, "cxx_fn"), FFIGUARD_LANG_CXX);
	ck_assert_int_eq(lang_of(m, "c_fn"), FFIGUARD_LANG_C);
	ck_assert_int_eq(lang_of(m, "bare"), FFIGUARD_LANG_UNKNOWN);
	ck_assert_int_eq(lang_of(m, "llvm.trap"), FFIGUARD_LANG_UNKNOWN);
	/* The loader's producer tag outranks clang-looking attributes. */
	ck_assert_int_eq(lang_of(m, "tagged"), FFIGUARD_LANG_RUST);
	LLVMContextDispose(ctx);
}
END_TEST

static enum ffiguard_lang module_lang(const char *ir)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir);
	enum ffiguard_lang l = ir_module_lang(m);
	LLVMContextDispose(ctx);
	return l;
}

START_TEST(module_producer)
{
	ck_assert_int_eq(module_lang("!llvm.ident = !{!0}\n"
				     "!0 = !{!\"rustc version 1.95.0 (59807616e 2026-04-14)\"}\n"),
			 FFIGUARD_LANG_RUST);
	ck_assert_int_eq(module_lang("source_filename = \"ffi.cpp\"\n!llvm.ident = !{!0}\n"
				     "!0 = !{!\"Debian clang version 22.1.8\"}\n"),
			 FFIGUARD_LANG_CXX);
	ck_assert_int_eq(module_lang("source_filename = \"x.c\"\n!llvm.ident = !{!0}\n"
				     "!0 = !{!\"clang version 22.1.8\"}\n"),
			 FFIGUARD_LANG_C);
	/* An llvm-link result names both producers: no single language. */
	ck_assert_int_eq(module_lang("!llvm.ident = !{!0, !1}\n!0 = !{!\"rustc version 1.95.0\"}\n"
				     "!1 = !{!\"clang version 22.1.8\"}\n"),
			 FFIGUARD_LANG_UNKNOWN);
	ck_assert_int_eq(module_lang("define void @f() { ret void }\n"), FFIGUARD_LANG_UNKNOWN);
}
END_TEST

START_TEST(demangling)
{
	char *s = ffiguard_demangle("_ZN42_$LT$$RF$T$u20$as$u20$core..fmt..Debug$GT$3fmt"
				    "17h0e0891974510d573E");
	ck_assert_str_eq(s, "<&T as core::fmt::Debug>::fmt");
	free(s);
	s = ffiguard_demangle("_ZN4core3ptr13drop_in_place17h0123456789abcdefE");
	ck_assert_str_eq(s, "core::ptr::drop_in_place");
	free(s);
	s = ffiguard_demangle("_RNvCs15kBYyAo9fc_7mycrate7example");
	ck_assert_str_eq(s, "mycrate::example");
	free(s);
	s = ffiguard_demangle("_ZN3foo3barEi");
	ck_assert_str_eq(s, "foo::bar(int)");
	free(s);
	s = ffiguard_demangle("cpp_consume");
	ck_assert_str_eq(s, "cpp_consume");
	free(s);
	/* Malformed manglings come back unchanged, never crash. */
	s = ffiguard_demangle("_ZN999999999x");
	ck_assert_str_eq(s, "_ZN999999999x");
	free(s);
	s = ffiguard_demangle("_R");
	ck_assert_str_eq(s, "_R");
	free(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Provenance");
	TCase *tc = tcase_create("Function language");
	tcase_add_test(tc, debug_file_decides);
	tcase_add_test(tc, mangling_decides);
	tcase_add_test(tc, attributes_decide);
	suite_add_tcase(s, tc);
	tc = tcase_create("Module producer");
	tcase_add_test(tc, module_producer);
	suite_add_tcase(s, tc);
	tc = tcase_create("Demangling");
	tcase_add_test(tc, demangling);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
