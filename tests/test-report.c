/* Report model and writers: sorting, counting, text/JSON/SARIF shape and escaping, filters,
 * and the shared option parser. */
#include "test-common.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static const struct ffiguard_rule_info rules[] = {
    {"ownership-alloc-mismatch", "Allocator families differ",
     "An allocation of one family "
     "reaches a release of another.",
     "Release with the allocating language.", FFIGUARD_SEV_ERROR},
    {"ownership-leak", "Ownership leaks", "Nothing releases it.", "Release it.",
     FFIGUARD_SEV_WARNING},
};

static struct ffiguard_report *sample(void)
{
	struct ffiguard_report *r = ffiguard_report_new();
	ffiguard_report_add_input(r, "rust.bc");
	ffiguard_report_add_input(r, "cxx \"odd\".bc");
	ffiguard_report_set_rules(r, rules, 2);
	struct ffiguard_fn rust_fn = {"_RNvCs1_4demo5entry", "demo::entry", FFIGUARD_LANG_RUST};
	struct ffiguard_fn cxx_fn = {"cpp_consume", "cpp_consume", FFIGUARD_LANG_CXX};
	struct ffiguard_note note = {
	    "allocated here by the Rust global allocator", rust_fn, {"src/lib.rs", 3, 5}};
	struct ffiguard_finding f = {0};
	f.rule = "ownership-leak";
	f.severity = FFIGUARD_SEV_WARNING;
	f.message = "leaked \"box\"\twith tab and \x01 control and caf\xc3\xa9 and bad \xff byte";
	f.function = rust_fn;
	f.loc = (struct ffiguard_loc){"src/lib.rs", 20, 1};
	ffiguard_report_add_finding(r, &f);
	f.rule = "ownership-alloc-mismatch";
	f.severity = FFIGUARD_SEV_ERROR;
	f.message = "Box released with operator delete";
	f.function = cxx_fn;
	f.loc = (struct ffiguard_loc){"src/ffi.cpp", 12, 3};
	f.has_edge = true;
	f.edge_caller = rust_fn;
	f.edge_callee = cxx_fn;
	f.notes = &note;
	f.n_notes = 1;
	ffiguard_report_add_finding(r, &f);
	f.loc = (struct ffiguard_loc){NULL, 0, 0};
	f.message = "no location";
	f.n_notes = 0;
	ffiguard_report_add_finding(r, &f);
	ffiguard_report_finish(r);
	return r;
}

START_TEST(sorted_and_counted)
{
	struct ffiguard_report *r = sample();
	ck_assert_uint_eq(ffiguard_report_finding_count(r), 3);
	ck_assert_str_eq(ffiguard_report_finding(r, 0)->loc.file, "src/ffi.cpp");
	ck_assert_str_eq(ffiguard_report_finding(r, 1)->loc.file, "src/lib.rs");
	ck_assert_ptr_null(ffiguard_report_finding(r, 2)->loc.file);
	ck_assert_uint_eq(ffiguard_report_summary(r)->errors, 2);
	ck_assert_uint_eq(ffiguard_report_summary(r)->warnings, 1);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(text_is_clang_style)
{
	struct ffiguard_report *r = sample();
	char *text = NULL;
	CAPTURE(text, ffiguard_report_write(out, r, FFIGUARD_FORMAT_TEXT, false));
	ck_assert_ptr_nonnull(strstr(text, "src/ffi.cpp:12:3: error: Box released with operator "
					   "delete [ownership-alloc-mismatch]\n"
					   "src/lib.rs:3:5: note: allocated here by the Rust "
					   "global allocator\n"));
	ck_assert_ptr_nonnull(
	    strstr(text, "module: in function 'cpp_consume': error: no location"));
	ck_assert_ptr_nonnull(strstr(text, "2 errors and 1 warning generated.\n"));
	ck_assert_ptr_null(strchr(text, '\033'));
	free(text);
	CAPTURE(text, ffiguard_report_write(out, r, FFIGUARD_FORMAT_TEXT, true));
	ck_assert_ptr_nonnull(strstr(text, "\033[1;31merror:"));
	free(text);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(json_escapes_everything)
{
	struct ffiguard_report *r = sample();
	char *json = NULL;
	CAPTURE(json, ffiguard_report_write(out, r, FFIGUARD_FORMAT_JSON, false));
	ck_assert_ptr_nonnull(strstr(json, "\"schema\": \"ffiguard-report/1\""));
	ck_assert_ptr_nonnull(strstr(json, "\"inputs\": [\"rust.bc\", \"cxx \\\"odd\\\".bc\"]"));
	ck_assert_ptr_nonnull(strstr(json, "leaked \\\"box\\\"\\twith tab and \\u0001 control and "
					   "caf\xc3\xa9 and bad \\ufffd byte"));
	ck_assert_ptr_nonnull(strstr(json, "\"location\": null"));
	ck_assert_ptr_nonnull(strstr(json,
				     "\"location\": {\"file\": \"src/ffi.cpp\", \"line\": 12, "
				     "\"column\": 3}"));
	ck_assert_ptr_nonnull(strstr(json, "\"edge\": {\"caller\": {\"symbol\": "
					   "\"_RNvCs1_4demo5entry\", \"name\": \"demo::entry\", "
					   "\"language\": \"rust\"}"));
	ck_assert_ptr_nonnull(strstr(json, "\"summary\": {\"functions\": 0, \"ffi_edges\": 0, "
					   "\"unanalyzed_edges\": 0, \"errors\": 2, "
					   "\"warnings\": 1, \"over_budget\": 0}"));
	/* The first finding in the document is the first in sort order. */
	ck_assert(strstr(json, "src/ffi.cpp") < strstr(json, "src/lib.rs\", \"line\": 20"));
	free(json);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(sarif_shape)
{
	struct ffiguard_report *r = sample();
	char *sarif = NULL;
	CAPTURE(sarif, ffiguard_report_write(out, r, FFIGUARD_FORMAT_SARIF, false));
	ck_assert_ptr_nonnull(strstr(sarif, "\"version\": \"2.1.0\""));
	ck_assert_ptr_nonnull(strstr(sarif, "{\"id\": \"ownership-alloc-mismatch\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"ruleId\": \"ownership-alloc-mismatch\", "
					    "\"ruleIndex\": 0, \"level\": \"error\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"ruleIndex\": 1, \"level\": \"warning\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"artifactLocation\": {\"uri\": \"src/ffi.cpp\"}, "
					    "\"region\": {\"startLine\": 12, \"startColumn\": 3}"));
	ck_assert_ptr_nonnull(strstr(sarif,
				     "\"relatedLocations\": [\n      {\"id\": 1, "
				     "\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
				     "\"src/lib.rs\"}"));
	ck_assert_ptr_nonnull(strstr(sarif, "\"primaryLocationLineHash\": \""));
	free(sarif);
	ffiguard_report_free(r);
}
END_TEST

/* A function over the work budget is a note in every format and a count in the summary. */
START_TEST(remarks_in_every_writer)
{
	struct ffiguard_report *r = sample();
	ffiguard_report_add_remark(r, "'huge' is too large to analyse fully");
	ck_assert_uint_eq(ffiguard_report_remark_count(r), 1);
	ck_assert_uint_eq(ffiguard_report_summary(r)->over_budget, 1);
	char *text = NULL, *json = NULL, *sarif = NULL;
	CAPTURE(text, ffiguard_report_write(out, r, FFIGUARD_FORMAT_TEXT, false));
	CAPTURE(json, ffiguard_report_write(out, r, FFIGUARD_FORMAT_JSON, false));
	CAPTURE(sarif, ffiguard_report_write(out, r, FFIGUARD_FORMAT_SARIF, false));
	ck_assert_ptr_nonnull(
	    strstr(text, "ffiguard: note: 'huge' is too large to analyse fully\n"));
	ck_assert_ptr_nonnull(
	    strstr(json, "\"over_budget\": 1, \"remarks\": [\"'huge' is too large"));
	ck_assert_ptr_nonnull(strstr(sarif, "\"toolExecutionNotifications\": [\n    {\"level\": "
					    "\"note\", \"message\": {\"text\": \"'huge' is too"));
	ck_assert_ptr_nonnull(strstr(sarif, "\"overBudget\": 1"));
	free(text);
	free(json);
	free(sarif);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(sarif_fingerprint_ignores_lines)
{
	/* Moving a finding to another line keeps its fingerprint. */
	char *fp[2];
	for (int i = 0; i < 2; i++) {
		struct ffiguard_report *r = ffiguard_report_new();
		struct ffiguard_finding f = {0};
		f.rule = "ownership-leak";
		f.message = "m";
		f.function = (struct ffiguard_fn){"f", "f", FFIGUARD_LANG_RUST};
		f.loc = (struct ffiguard_loc){"a.rs", 10u + 7u * (unsigned)i, 2};
		ffiguard_report_add_finding(r, &f);
		ffiguard_report_finish(r);
		char *sarif = NULL;
		CAPTURE(sarif, ffiguard_report_write(out, r, FFIGUARD_FORMAT_SARIF, false));
		char *p = strstr(sarif, "primaryLocationLineHash\": \"");
		ck_assert_ptr_nonnull(p);
		fp[i] = strndup(p, 60);
		free(sarif);
		ffiguard_report_free(r);
	}
	ck_assert_str_eq(fp[0], fp[1]);
	free(fp[0]);
	free(fp[1]);
}
END_TEST

/* A baseline written from a report marks the same findings of a later report baselined: not
 * counted, not shown as text, "unchanged" in SARIF; a new one counts. */
START_TEST(baseline_round_trip)
{
	char path[] = "/tmp/ffiguard-base-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	char *err = NULL;
	struct ffiguard_report *r = sample();
	ck_assert_int_eq(ffiguard_report_baseline(r, NULL, path, &err), 0);
	ffiguard_report_free(r);

	r = sample();
	struct ffiguard_finding f = *ffiguard_report_finding(r, 0);
	f.message = "a new one";
	f.severity = FFIGUARD_SEV_ERROR;
	ffiguard_report_add_finding(r, &f);
	ffiguard_report_finish(r);
	ck_assert_int_eq(ffiguard_report_baseline(r, path, NULL, &err), 0);
	struct ffiguard_summary *s = ffiguard_report_summary(r);
	ck_assert_uint_eq(s->baselined, 3);
	ck_assert_uint_eq(s->errors, 1);
	ck_assert_uint_eq(s->warnings, 0);
	char *text = NULL;
	CAPTURE(text, ffiguard_report_write(out, r, FFIGUARD_FORMAT_TEXT, false));
	ck_assert_ptr_nonnull(strstr(text, "a new one"));
	ck_assert_ptr_null(strstr(text, "Box released"));
	ck_assert_ptr_nonnull(strstr(text, "3 findings in the baseline not shown"));
	free(text);
	char *sarif = NULL;
	CAPTURE(sarif, ffiguard_report_write(out, r, FFIGUARD_FORMAT_SARIF, false));
	ck_assert_ptr_nonnull(strstr(sarif, "\"baselineState\": \"new\""));
	ck_assert_ptr_nonnull(strstr(sarif, "\"baselineState\": \"unchanged\""));
	free(sarif);
	ffiguard_report_free(r);

	/* Not a report: one message naming the file. */
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, "{}\n", 3), 3);
	close(fd);
	r = sample();
	ck_assert_int_eq(ffiguard_report_baseline(r, path, NULL, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "not an ffiguard JSON report or SARIF log"));
	free(err);
	ffiguard_report_free(r);
	unlink(path);
}
END_TEST

/* Findings wholly in Cargo's copies of dependencies become notes; one with a note in the user's
 * code keeps its severity. */
START_TEST(dependencies_demoted)
{
	struct ffiguard_report *r = ffiguard_report_new();
	struct ffiguard_fn fn = {"f", "f", FFIGUARD_LANG_RUST};
	struct ffiguard_note mine = {"allocated here", fn, {"src/main.rs", 3, 1}};
	struct ffiguard_note theirs = {
	    "allocated here", fn, {"registry: dep-1.0.0/src/a.rs", 3, 1}};
	struct ffiguard_finding f = {0};
	f.rule = "ownership-leak";
	f.severity = FFIGUARD_SEV_ERROR;
	f.message = "wholly theirs";
	f.function = fn;
	f.loc = (struct ffiguard_loc){"registry: dep-1.0.0/src/lib.rs", 9, 1};
	f.notes = &theirs;
	f.n_notes = 1;
	ffiguard_report_add_finding(r, &f);
	f.message = "reached from mine";
	f.notes = &mine;
	ffiguard_report_add_finding(r, &f);
	ffiguard_report_demote_dependencies(r);
	ffiguard_report_finish(r);
	for (size_t i = 0; i < 2; i++) {
		const struct ffiguard_finding *g = ffiguard_report_finding(r, i);
		ck_assert_int_eq(g->severity, strcmp(g->message, "wholly theirs") == 0
						  ? FFIGUARD_SEV_NOTE
						  : FFIGUARD_SEV_ERROR);
	}
	ck_assert_uint_eq(ffiguard_report_summary(r)->errors, 1);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(filter_rules_and_suppressions)
{
	struct ffiguard_report *r = sample();
	char *err = NULL;
	ck_assert_int_eq(ffiguard_report_filter(r, "ownership-*,-ownership-leak", NULL, &err), 0);
	ck_assert_uint_eq(ffiguard_report_finding_count(r), 2);
	ffiguard_report_free(r);

	r = sample();
	char path[] = "/tmp/ffiguard-supp-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	const char supp[] = "# comment\nownership-*:src:src/ffi.cpp\n  *:fun:demo::*  # trailing\n";
	ck_assert_int_eq(write(fd, supp, strlen(supp)), (ssize_t)strlen(supp));
	close(fd);
	ck_assert_int_eq(ffiguard_report_filter(r, NULL, path, &err), 0);
	/* Left: the unlocated alloc-mismatch in cpp_consume. */
	ck_assert_uint_eq(ffiguard_report_finding_count(r), 1);
	ck_assert_str_eq(ffiguard_report_finding(r, 0)->message, "no location");
	ffiguard_report_free(r);

	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, "oops\n", 5), 5);
	close(fd);
	r = sample();
	ck_assert_int_eq(ffiguard_report_filter(r, NULL, path, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, ":1: malformed suppression 'oops'"));
	free(err);
	ck_assert_int_lt(ffiguard_report_filter(r, NULL, "/nonexistent/supp", &err), 0);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/supp: cannot read suppressions"));
	free(err);
	unlink(path);
	ffiguard_report_free(r);
}
END_TEST

START_TEST(options)
{
	struct ffiguard_options o;
	char *err = NULL;
	ffiguard_options_init(&o);
	ck_assert_int_eq(ffiguard_options_parse(&o,
						"format=sarif:fail-on=warning:output=x.sarif:"
						"inline-shims=1:quiet=true",
						':', &err),
			 0);
	ck_assert_int_eq(o.format, FFIGUARD_FORMAT_SARIF);
	ck_assert_int_eq(o.fail_on, FFIGUARD_FAIL_ON_WARNING);
	ck_assert_str_eq(o.output, "x.sarif");
	ck_assert(o.inline_shims);
	ck_assert(o.quiet);
	/* Bad entries are reported together; good ones still apply. */
	ck_assert_int_eq(
	    ffiguard_options_parse(&o, "format=xml;colour=always;rules=abi-*;nokey", ';', &err), 3);
	ck_assert_ptr_nonnull(strstr(err, "invalid value 'xml' for option 'format'"));
	ck_assert_ptr_nonnull(strstr(err, "unknown option 'colour'"));
	ck_assert_ptr_nonnull(strstr(err, "option 'nokey' has no value"));
	ck_assert_str_eq(o.rules, "abi-*");
	ck_assert_int_eq(o.format, FFIGUARD_FORMAT_SARIF);
	free(err);
	ffiguard_options_release(&o);
}
END_TEST

START_TEST(edges_writers)
{
	struct ffiguard_report *r = ffiguard_report_new();
	struct ffiguard_fn shim = {"rust_fwd", "rust_fwd", FFIGUARD_LANG_RUST};
	struct ffiguard_edge e = {{"main", "main", FFIGUARD_LANG_CXX},
				  {"_Z3bari", "bar(int)", FFIGUARD_LANG_CXX},
				  {"m.cpp", 4, 2},
				  1,
				  &shim,
				  false};
	ffiguard_report_add_edge(r, &e);
	ffiguard_report_finish(r);
	char *text = NULL;
	CAPTURE(text, ffiguard_edges_write(out, r, FFIGUARD_FORMAT_TEXT, false));
	ck_assert_str_eq(text, "m.cpp:4:2: c++ -> c++: 'main' calls 'bar(int)' through shim "
			       "'rust_fwd' (rust)\n"
			       "1 FFI edge, 0 unanalyzed indirect calls, 0 functions\n");
	free(text);
	CAPTURE(text, ffiguard_edges_write(out, r, FFIGUARD_FORMAT_JSON, false));
	ck_assert_ptr_nonnull(strstr(text, "\"via\": [{\"symbol\": \"rust_fwd\""));
	free(text);
	ffiguard_report_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("Report");
	TCase *tc = tcase_create("Model");
	tcase_add_test(tc, sorted_and_counted);
	tcase_add_test(tc, filter_rules_and_suppressions);
	tcase_add_test(tc, options);
	suite_add_tcase(s, tc);
	tc = tcase_create("Writers");
	tcase_add_test(tc, text_is_clang_style);
	tcase_add_test(tc, json_escapes_everything);
	tcase_add_test(tc, sarif_shape);
	tcase_add_test(tc, sarif_fingerprint_ignores_lines);
	tcase_add_test(tc, baseline_round_trip);
	tcase_add_test(tc, dependencies_demoted);
	tcase_add_test(tc, remarks_in_every_writer);
	tcase_add_test(tc, edges_writers);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
