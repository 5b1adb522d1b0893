/* The report's insides, shared by the report-*.c writers and filters.
 * Plain data only: nothing here refers to LLVM. */
#ifndef FFIGUARD_REPORT_H
#define FFIGUARD_REPORT_H

#include "config.h"
#include "ffiguard/ffiguard.h"
#include "util.h"

struct ffiguard_report {
	struct arena arena;
	struct map names; /* interned function and file names (in `arena`) */
	const char **inputs;
	size_t n_inputs, cap_inputs;
	struct ffiguard_finding *findings;
	size_t n_findings, cap_findings;
	struct ffiguard_edge *edges;
	size_t n_edges, cap_edges;
	const char **inline_notes;
	size_t n_inline, cap_inline;
	const char **remarks;
	size_t n_remarks, cap_remarks;
	const struct ffiguard_rule_info *rules;
	size_t n_rules;
	struct ffiguard_summary summary;
};

/* Writers, one per format, dispatched by ffiguard_report_write / ffiguard_edges_write. */
int report_write_text(FILE *out, const struct ffiguard_report *r, bool color);
int report_write_json(FILE *out, const struct ffiguard_report *r);
int report_write_sarif(FILE *out, const struct ffiguard_report *r);
int edges_write_text(FILE *out, const struct ffiguard_report *r, bool color);
int edges_write_json(FILE *out, const struct ffiguard_report *r);

/* One finding and its notes, clang style, without a final newline. `severity` false leaves out
 * the finding's own "error: "/"warning: " (an LLVM diagnostic prints its own). */
void report_finding_text(FILE *out, const struct ffiguard_finding *f, bool severity, bool color);

/* A location in a dependency's source, as ir-program.c names it ("registry: CRATE-VERSION/PATH"
 * or "git: ..."): the SARIF base its path is relative to, and *rest the path; NULL otherwise. */
const char *report_dependency_base(const char *file, const char **rest);

/* JSON string escaping, shared by the JSON and SARIF writers. */
void json_put_string(FILE *out, const char *s);

/* "file:line:col" or NULL-safe fallbacks, as text and JSON writers print them. */
int loc_compare(const struct ffiguard_loc *a, const struct ffiguard_loc *b);

#endif
