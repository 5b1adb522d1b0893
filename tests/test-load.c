/* Loading inputs: formats, producer tags, and one clear error per bad input. */
#include "ir.h"
#include "test-common.h"

#include <errno.h>
#include <llvm-c/BitWriter.h>
#include <unistd.h>

static char dir[] = "/tmp/ffiguard-load-XXXXXX";

static const char rust_ir[] =
    "source_filename = \"lib.rs\"\n"
    "define i32 @rust_entry(i32 %x) { %r = call i32 @cpp_add(i32 %x)\n ret i32 %r }\n"
    "declare i32 @cpp_add(i32)\n"
    "!llvm.ident = !{!0}\n!0 = !{!\"rustc version 1.95.0\"}\n";
static const char cxx_ir[] = "source_filename = \"ffi.cpp\"\n"
			     "define i32 @cpp_add(i32 %x) { %r = add i32 %x, 2\n ret i32 %r }\n"
			     "!llvm.ident = !{!0}\n!0 = !{!\"clang version 22.1.8\"}\n";

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *write_file(const char *name, const void *data, size_t n)
{
	char *p = path_of(name);
	FILE *f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	return p;
}

/* Writes `ir` as bitcode and returns the path. */
static char *write_bitcode(const char *name, const char *ir)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = parse_ir(ctx, ir);
	char *p = path_of(name);
	ck_assert_int_eq(LLVMWriteBitcodeToFile(m, p), 0);
	LLVMContextDispose(ctx);
	return p;
}

static int load(const char *const *paths, size_t n, char **notes, char **err, LLVMModuleRef *m_out,
		LLVMContextRef ctx)
{
	return ffiguard_load_inputs(ctx, paths, n, NULL, NULL, m_out, notes, err);
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	strcpy(dir, "/tmp/ffiguard-load-XXXXXX");
}

START_TEST(links_and_tags)
{
	char *a = write_bitcode("rust.bc", rust_ir);
	char *b = write_file("cxx.ll", cxx_ir, strlen(cxx_ir));
	const char *paths[] = {a, b};
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = NULL;
	char *err = NULL, *notes = NULL;
	ck_assert_int_eq(load(paths, 2, &notes, &err, &m, ctx), 0);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(ffiguard_function_lang(LLVMGetNamedFunction(m, "rust_entry")),
			 FFIGUARD_LANG_RUST);
	ck_assert_int_eq(ffiguard_function_lang(LLVMGetNamedFunction(m, "cpp_add")),
			 FFIGUARD_LANG_CXX);
	struct ffiguard_report *r = ffiguard_report_new();
	ck_assert_int_eq(ffiguard_analyze(m, r, &err), 0);
	ck_assert_uint_eq(ffiguard_report_edge_count(r), 1);
	ffiguard_report_free(r);
	LLVMDisposeModule(m);
	LLVMContextDispose(ctx);
	free(a);
	free(b);
}
END_TEST

static void expect_error(const char *const *paths, size_t n, const char *needle, int code)
{
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = NULL;
	char *err = NULL, *notes = NULL;
	int rc = load(paths, n, &notes, &err, &m, ctx);
	ck_assert_int_eq(rc, code);
	ck_assert_ptr_null(m);
	ck_assert_msg(err && strstr(err, needle), "expected '%s' in '%s'", needle,
		      err ? err : "(null)");
	ck_assert_ptr_null(strchr(err, '\n'));
	free(err);
	free(notes);
	LLVMContextDispose(ctx);
}

START_TEST(bad_inputs)
{
	char *missing = path_of("missing.bc");
	const char *p1[] = {missing};
	expect_error(p1, 1, "missing.bc: cannot open: No such file", -ENOENT);

	char *junk = write_file("junk.bin", "\x01\x02\x00\x03", 4);
	const char *p2[] = {junk};
	expect_error(p2, 1, "junk.bin: not LLVM bitcode, IR, an object or an archive", -EINVAL);

	char *good = write_bitcode("good.bc", cxx_ir);
	FILE *f = fopen(good, "rb");
	char buf[4096];
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	char *trunc = write_file("trunc.bc", buf, n / 2);
	const char *p3[] = {trunc};
	expect_error(p3, 1, "trunc.bc: corrupt bitcode (producer 'LLVM", -EINVAL);

	const char *p4[] = {good, good};
	expect_error(p4, 2, "good.bc: conflicting definitions of 'cpp_add' in", -EEXIST);

	char *bad_ll = write_file("bad.ll", "define i32 @f( {\n", 17);
	const char *p5[] = {bad_ll};
	expect_error(p5, 1, "bad.ll: not valid LLVM IR: ", -EINVAL);

	const char invalid[] = "define i32 @f() { ret i64 0 }\n";
	char *inv = write_file("invalid.ll", invalid, strlen(invalid));
	const char *p6[] = {inv};
	expect_error(p6, 1, "invalid.ll: not valid LLVM IR", -EINVAL);

	expect_error(NULL, 0, "no input files", -EINVAL);
	free(missing);
	free(junk);
	free(good);
	free(trunc);
	free(bad_ll);
	free(inv);
}
END_TEST

/* A GNU archive with one bitcode member, one text member and a long member name. */
START_TEST(archives)
{
	char *bc = write_bitcode("m.bc", cxx_ir);
	FILE *f = fopen(bc, "rb");
	static char data[8192];
	size_t n = fread(data, 1, sizeof(data), f);
	fclose(f);
	struct buf ar = {0};
	const char longname[] = "a_really_long_member_name_for_gnu.o/\n";
	buf_puts(&ar, "!<arch>\n");
	buf_printf(&ar, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", "//", "", "", "", "", strlen(longname));
	buf_puts(&ar, longname);
	if (ar.len & 1)
		buf_putc(&ar, '\n');
	buf_printf(&ar, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", "/0", "0", "0", "0", "644", n);
	buf_append(&ar, data, n);
	if (ar.len & 1)
		buf_putc(&ar, '\n');
	buf_printf(&ar, "%-16s%-12s%-6s%-6s%-8s%-10d`\n", "lib.rmeta/", "0", "0", "0", "644", 5);
	buf_append(&ar, "rmeta", 5);
	buf_putc(&ar, '\n');
	char *path = write_file("libx.rlib", ar.data, ar.len);
	const char *paths[] = {path};
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMModuleRef m = NULL;
	char *err = NULL, *notes = NULL;
	ck_assert_int_eq(load(paths, 1, &notes, &err, &m, ctx), 0);
	ck_assert_ptr_nonnull(LLVMGetNamedFunction(m, "cpp_add"));
	ck_assert_ptr_nonnull(notes);
	ck_assert_ptr_nonnull(strstr(notes, "libx.rlib: skipped 1 member without LLVM bitcode: "
					    "lib.rmeta\n"));
	LLVMDisposeModule(m);
	LLVMContextDispose(ctx);
	free(notes);

	/* Cut inside the member: a clear truncation error. */
	char *cut = write_file("cut.a", ar.data, 8 + 60 + 38 + 60 + 10);
	const char *p2[] = {cut};
	expect_error(p2, 1, "cut.a: truncated archive", -EINVAL);
	char *empty = write_file("empty.a", "!<arch>\n", 8);
	const char *p3[] = {empty};
	expect_error(p3, 1, "empty.a: archive holds no LLVM bitcode", -EINVAL);
	buf_release(&ar);
	free(bc);
	free(path);
	free(cut);
	free(empty);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Loading");
	TCase *tc = tcase_create("Inputs");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, links_and_tags);
	tcase_add_test(tc, bad_inputs);
	tcase_add_test(tc, archives);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
