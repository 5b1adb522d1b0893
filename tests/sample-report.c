/* Prints a fixed report, findings and notes included, in the format named by argv[1], so that
 * lit can validate what the writers produce (SARIF against the OASIS schema). */
#include "ffiguard/ffiguard.h"

#include <string.h>

static const struct ffiguard_rule_info rules[] = {
    {"ownership-alloc-mismatch", "Allocation and release use different allocator families",
     "An allocation of one family reaches a release of another family across an FFI edge.",
     "Hand the pointer back to the allocating language's release function.", FFIGUARD_SEV_ERROR},
};

int main(int argc, char **argv)
{
	enum ffiguard_format format = FFIGUARD_FORMAT_TEXT;
	if (argc > 1 && strcmp(argv[1], "json") == 0)
		format = FFIGUARD_FORMAT_JSON;
	if (argc > 1 && strcmp(argv[1], "sarif") == 0)
		format = FFIGUARD_FORMAT_SARIF;

	struct ffiguard_report *r = ffiguard_report_new();
	ffiguard_report_add_input(r, "rust.bc");
	ffiguard_report_set_rules(r, rules, 1);
	struct ffiguard_fn rust_fn = {"rust_make", "demo::rust_make", FFIGUARD_LANG_RUST};
	struct ffiguard_fn cxx_fn = {"cpp_consume", "cpp_consume", FFIGUARD_LANG_CXX};
	struct ffiguard_note notes[] = {
	    {"allocated here by the Rust global allocator", rust_fn, {"src/lib.rs", 3, 5}},
	    {"crosses into C++ here", rust_fn, {"/abs/outside repo/lib.rs", 9, 14}},
	    {"no location for this one", cxx_fn, {NULL, 0, 0}},
	};
	struct ffiguard_finding f = {0};
	f.rule = "ownership-alloc-mismatch";
	f.severity = FFIGUARD_SEV_ERROR;
	f.message = "Box<Widget> released with \"operator delete\"\n(second line)";
	f.function = cxx_fn;
	f.loc = (struct ffiguard_loc){"src/ffi.cpp", 12, 3};
	f.has_edge = true;
	f.edge_caller = rust_fn;
	f.edge_callee = cxx_fn;
	f.notes = notes;
	f.n_notes = 3;
	ffiguard_report_add_finding(r, &f);
	f.loc = (struct ffiguard_loc){NULL, 0, 0};
	f.severity = FFIGUARD_SEV_WARNING;
	f.n_notes = 0;
	ffiguard_report_add_finding(r, &f);
	ffiguard_report_finish(r);
	int rc = ffiguard_report_write(stdout, r, format, false);
	ffiguard_report_free(r);
	return rc ? 2 : 0;
}
