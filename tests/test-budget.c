/* The work budget (DESIGN §6): hostile shapes stay cheap or are cut with a remark, and a function
 * cut by its budget causes no finding. IR is generated here, one shape per test. */
#include "test-common.h"

static const char prelude[] =
    "target datalayout = \"e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:"
    "16:32:64-S128\"\n"
    "declare ptr @__rust_alloc(i64, i64) #2\n"
    "declare void @__rust_dealloc(ptr, i64, i64) #3\n"
    "declare void @_ZdlPv(ptr)\n"
    "define ptr @rust_make() #1 {\n"
    "  %p = call ptr @__rust_alloc(i64 8, i64 8)\n  ret ptr %p\n}\n"
    "define void @rust_free(ptr %p) #1 {\n"
    "  call void @__rust_dealloc(ptr %p, i64 8, i64 8)\n  ret void\n}\n";

static const char epilogue[] =
    "attributes #0 = { \"ffiguard-lang\"=\"c++\" }\n"
    "attributes #1 = { \"ffiguard-lang\"=\"rust\" }\n"
    "attributes #2 = { allockind(\"alloc,uninitialized,aligned\") allocsize(0) "
    "\"alloc-family\"=\"__rust_alloc\" }\n"
    "attributes #3 = { allockind(\"free\") \"alloc-family\"=\"__rust_alloc\" }\n";

/* A Rust allocation merged by a phi of `k` inputs at each of `levels` levels, then released
 * with operator delete: an alloc-mismatch at the end of a long chain of names. */
static char *fanin_ir(int k, int levels)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	fputs(prelude, out);
	fputs("define void @fanin(i32 %x) #0 {\nentry:\n  %p0 = call ptr @rust_make()\n", out);
	for (int i = 1; i <= levels; i++) {
		fprintf(out, "  switch i32 %%x, label %%b%d_0 [", i);
		for (int j = 1; j < k; j++)
			fprintf(out, " i32 %d, label %%b%d_%d", j, i, j);
		fputs(" ]\n", out);
		for (int j = 0; j < k; j++)
			fprintf(out,
				"b%d_%d:\n  %%g%d_%d = getelementptr i8, ptr %%p%d, i64 0\n"
				"  br label %%m%d\n",
				i, j, i, j, i - 1, i);
		fprintf(out, "m%d:\n  %%p%d = phi ptr", i, i);
		for (int j = 0; j < k; j++)
			fprintf(out, "%s [ %%g%d_%d, %%b%d_%d ]", j ? "," : "", i, j, i, j);
		fputc('\n', out);
	}
	fprintf(out, "  call void @_ZdlPv(ptr %%p%d)\n  ret void\n}\n", levels);
	fputs(epilogue, out);
	fclose(out);
	return text;
}

/* One Rust allocation released `n` times in a row on the C++ side: a double free at every
 * release after the first, and a quadratic number of path steps to prove them all. */
static char *releases_ir(int n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	fputs(prelude, out);
	fputs("define void @releases() #0 {\n  %p = call ptr @rust_make()\n", out);
	for (int i = 0; i < n; i++)
		fputs("  call void @rust_free(ptr %p)\n", out);
	fputs("  ret void\n}\n", out);
	fputs(epilogue, out);
	fclose(out);
	return text;
}

static struct ffiguard_report *analyse(const char *ir)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir);
	struct ffiguard_report *r = ffiguard_report_new();
	char *err = NULL;
	ck_assert_int_eq(ffiguard_analyze(m, r, &err), 0);
	LLVMDisposeModule(m);
	LLVMContextDispose(ctx);
	return r;
}

static size_t count_rule(const struct ffiguard_report *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < ffiguard_report_finding_count(r); i++)
		n += strcmp(ffiguard_report_finding(r, i)->rule, rule) == 0;
	return n;
}

/* Four inputs at each of 20 levels is 4^20 walks unless every name is worked out once: this
 * test would time out. The mismatch at the end is found, within budget. */
START_TEST(fanin_names_once)
{
	char *ir = fanin_ir(4, 20);
	struct ffiguard_report *r = analyse(ir);
	ck_assert_uint_eq(count_rule(r, "ownership-alloc-mismatch"), 1);
	ck_assert_uint_eq(ffiguard_report_finding_count(r), 1);
	ck_assert_uint_eq(ffiguard_report_remark_count(r), 0);
	ck_assert_uint_eq(ffiguard_report_summary(r)->over_budget, 0);
	ffiguard_report_free(r);
	free(ir);
}
END_TEST

/* 300 levels: names are worked out in program order and remembered, so no walk goes deep and
 * the mismatch is still found. */
START_TEST(deep_chain_named_in_order)
{
	char *ir = fanin_ir(2, 300);
	struct ffiguard_report *r = analyse(ir);
	ck_assert_uint_eq(count_rule(r, "ownership-alloc-mismatch"), 1);
	ck_assert_uint_eq(ffiguard_report_remark_count(r), 0);
	ffiguard_report_free(r);
	free(ir);
}
END_TEST

/* A few releases in a row: every later one is a double free, all found within budget. */
START_TEST(releases_within_budget)
{
	char *ir = releases_ir(4);
	struct ffiguard_report *r = analyse(ir);
	ck_assert_uint_eq(count_rule(r, "ownership-double-free"), 3);
	ck_assert_uint_eq(ffiguard_report_remark_count(r), 0);
	ffiguard_report_free(r);
	free(ir);
}
END_TEST

/* Thousands of releases in a row cost a quadratic number of path steps: the budget cuts the
 * function, which then reports no finding at all (not some of them) and a remark. */
START_TEST(releases_over_budget)
{
	char *ir = releases_ir(4000);
	struct ffiguard_report *r = analyse(ir);
	ck_assert_uint_eq(ffiguard_report_finding_count(r), 0);
	ck_assert_uint_eq(ffiguard_report_remark_count(r), 1);
	ck_assert_uint_eq(ffiguard_report_summary(r)->over_budget, 1);
	ck_assert_ptr_nonnull(
	    strstr(ffiguard_report_remark(r, 0), "'releases' is too large to analyse fully"));
	ck_assert_ptr_nonnull(strstr(ffiguard_report_remark(r, 0), "its facts are assumed"));
	ffiguard_report_free(r);
	free(ir);
}
END_TEST

static Suite *budget_suite(void)
{
	Suite *s = suite_create("Budget");
	TCase *tc = tcase_create("Hostile shapes");
	tcase_add_test(tc, fanin_names_once);
	tcase_add_test(tc, deep_chain_named_in_order);
	tcase_add_test(tc, releases_within_budget);
	tcase_add_test(tc, releases_over_budget);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(budget_suite());
}
