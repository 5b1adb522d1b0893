/* ffiguard public C API: load mixed Rust/C/C++ IR, find FFI edges, report.
 * The analysis itself lives in plugin/; this header only names its entry points and data. */
#ifndef FFIGUARD_FFIGUARD_H
#define FFIGUARD_FFIGUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <llvm-c/Types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define FFIGUARD_EXPORT __attribute__((visibility("default")))
#else
#define FFIGUARD_EXPORT
#endif

/* ---- languages ---------------------------------------------------------------------------- */

enum ffiguard_lang {
	FFIGUARD_LANG_UNKNOWN = 0,
	FFIGUARD_LANG_RUST,
	FFIGUARD_LANG_C,
	FFIGUARD_LANG_CXX,
};

/* "rust", "c", "c++" or "unknown". */
FFIGUARD_EXPORT const char *ffiguard_lang_name(enum ffiguard_lang lang);

/* ---- plain data shared by edges, findings and the writers --------------------------------- */

/* A source position; file == NULL when the IR carries no debug location. */
struct ffiguard_loc {
	const char *file;
	unsigned line;
	unsigned column;
};

/* A function: its symbol, its demangled name and its language. */
struct ffiguard_fn {
	const char *symbol;
	const char *name;
	enum ffiguard_lang lang;
};

/* A call site whose caller and (final) callee are in different known languages. `via` lists the
 * trivial shims the call passes through, in call order, before reaching `callee`. */
struct ffiguard_edge {
	struct ffiguard_fn caller;
	struct ffiguard_fn callee;
	struct ffiguard_loc loc;
	size_t n_via;
	const struct ffiguard_fn *via;
	bool indirect; /* through a function pointer whose one target the module shows */
};

enum ffiguard_severity {
	FFIGUARD_SEV_NOTE = 0,
	FFIGUARD_SEV_WARNING,
	FFIGUARD_SEV_ERROR,
};

/* "note", "warning" or "error". */
FFIGUARD_EXPORT const char *ffiguard_severity_name(enum ffiguard_severity sev);

struct ffiguard_note {
	const char *message;
	struct ffiguard_fn function;
	struct ffiguard_loc loc;
};

struct ffiguard_finding {
	const char *rule;
	enum ffiguard_severity severity;
	const char *message;
	struct ffiguard_fn function; /* where the finding is reported */
	struct ffiguard_loc loc;
	bool has_edge;
	struct ffiguard_fn edge_caller;
	struct ffiguard_fn edge_callee;
	size_t n_notes;
	const struct ffiguard_note *notes;
	/* What the finding is, not where: rule, function, message and file, and which of identical
	 * ones ("HASH:N"); stable across unrelated edits. Set by ffiguard_report_finish. */
	const char *fingerprint;
	bool baselined; /* in the baseline: shown in reports, not counted for fail-on */
};

/* What a rule is, for SARIF's tool.driver.rules and --help. */
struct ffiguard_rule_info {
	const char *id;
	const char *short_description;
	const char *full_description;
	const char *help;
	enum ffiguard_severity default_severity;
};

struct ffiguard_summary {
	size_t functions;
	size_t ffi_edges;
	size_t unanalyzed_edges;
	size_t errors; /* not counting baselined findings */
	size_t warnings;
	size_t baselined;       /* findings in the baseline */
	bool baseline;          /* a baseline was applied */
	size_t shims_unblocked; /* ffiguard-inline (inline-shims=1): shims made inlinable */
	size_t shims_skipped;   /* and candidates it left alone */
	size_t over_budget;     /* functions too large to analyse fully: their facts are assumed */
};

/* ---- the report: everything a writer needs, no LLVM inside -------------------------------- */

struct ffiguard_report;

FFIGUARD_EXPORT struct ffiguard_report *ffiguard_report_new(void);
FFIGUARD_EXPORT void ffiguard_report_free(struct ffiguard_report *report);
FFIGUARD_EXPORT void ffiguard_report_add_input(struct ffiguard_report *report, const char *path);
/* Copies the finding (strings and notes included) into the report. */
FFIGUARD_EXPORT void ffiguard_report_add_finding(struct ffiguard_report *report,
						 const struct ffiguard_finding *finding);
/* Copies the edge into the report. */
FFIGUARD_EXPORT void ffiguard_report_add_edge(struct ffiguard_report *report,
					      const struct ffiguard_edge *edge);
/* What the shim inliner did to one shim (a line of text); `unblocked` false for one it left
 * alone. Counted in the summary. */
FFIGUARD_EXPORT void ffiguard_report_add_inline(struct ffiguard_report *report, const char *text,
						bool unblocked);
/* Something the analysis could not do fully (a function over its work budget): a line of text,
 * shown as a note by every writer and counted in the summary. */
FFIGUARD_EXPORT void ffiguard_report_add_remark(struct ffiguard_report *report, const char *text);
FFIGUARD_EXPORT size_t ffiguard_report_remark_count(const struct ffiguard_report *report);
FFIGUARD_EXPORT const char *ffiguard_report_remark(const struct ffiguard_report *report, size_t i);
/* The rules the run had enabled, for SARIF. The table must outlive the report. */
FFIGUARD_EXPORT void ffiguard_report_set_rules(struct ffiguard_report *report,
					       const struct ffiguard_rule_info *rules,
					       size_t n_rules);
/* Sorts findings by (file, line, column, rule) and edges by (file, line, column, caller, callee),
 * and recounts errors and warnings. Writers call nothing else; call this before writing. */
FFIGUARD_EXPORT void ffiguard_report_finish(struct ffiguard_report *report);

FFIGUARD_EXPORT size_t ffiguard_report_finding_count(const struct ffiguard_report *report);
FFIGUARD_EXPORT const struct ffiguard_finding *
ffiguard_report_finding(const struct ffiguard_report *report, size_t i);
FFIGUARD_EXPORT size_t ffiguard_report_edge_count(const struct ffiguard_report *report);
FFIGUARD_EXPORT const struct ffiguard_edge *
ffiguard_report_edge(const struct ffiguard_report *report, size_t i);
FFIGUARD_EXPORT struct ffiguard_summary *ffiguard_report_summary(struct ffiguard_report *report);

/* Adds what `src` holds (inputs, findings, edges, remarks, function and edge counts) to `dst`: one
 * report of several programs analysed apart. Call ffiguard_report_finish on `dst` afterwards. */
FFIGUARD_EXPORT void ffiguard_report_merge(struct ffiguard_report *dst,
					   const struct ffiguard_report *src);
/* Makes notes of the findings whose every location is in a dependency's source (a file the
 * report names "registry: ..." or "git: ...", Cargo's copies of crates): the user's build cannot
 * fix them, so they do not fail it unless asked (the `dependencies=report` option). */
FFIGUARD_EXPORT void ffiguard_report_demote_dependencies(struct ffiguard_report *report);
/* Baseline (after ffiguard_report_finish): with `write_path`, writes the findings as a JSON report
 * there (atomically), to be a later run's baseline; with `baseline_path` (an earlier JSON or
 * SARIF report), marks the findings whose fingerprint it holds as baselined and recounts, so
 * that only new findings count for fail-on. Returns 0 or -errno with *err set (caller frees). */
FFIGUARD_EXPORT int ffiguard_report_baseline(struct ffiguard_report *report,
					     const char *baseline_path, const char *write_path,
					     char **err);
/* Drops findings whose rule does not match `rules` ("GLOB,-GLOB,...": later entries win, default
 * all) or that a suppression entry matches. Returns 0 or -errno with *err set (caller frees). */
FFIGUARD_EXPORT int ffiguard_report_filter(struct ffiguard_report *report, const char *rules,
					   const char *suppressions_path, char **err);

enum ffiguard_format {
	FFIGUARD_FORMAT_TEXT = 0,
	FFIGUARD_FORMAT_JSON,
	FFIGUARD_FORMAT_SARIF,
};

/* Writers. They read the report and print; they never touch LLVM. */
FFIGUARD_EXPORT int ffiguard_report_write(FILE *out, const struct ffiguard_report *report,
					  enum ffiguard_format format, bool color);
FFIGUARD_EXPORT int ffiguard_edges_write(FILE *out, const struct ffiguard_report *report,
					 enum ffiguard_format format, bool color);

/* Writes the report (or, with `edges`, the edge list) to `path` atomically: into a temporary file
 * beside it, synced, then renamed over it; on any failure `path` is left as it was. Returns 0 or
 * -errno with *err = "PATH: cannot write: reason" (caller frees). */
FFIGUARD_EXPORT int ffiguard_report_write_file(const struct ffiguard_report *report,
					       const char *path, enum ffiguard_format format,
					       bool edges, char **err);

/* ---- options: the CLI flags, FFIGUARD_OPTIONS and pass parameters share one parser -------- */

enum ffiguard_fail_on {
	FFIGUARD_FAIL_ON_ERROR = 0,
	FFIGUARD_FAIL_ON_WARNING,
	FFIGUARD_FAIL_ON_NEVER,
};

enum ffiguard_color {
	FFIGUARD_COLOR_AUTO = 0,
	FFIGUARD_COLOR_ALWAYS,
	FFIGUARD_COLOR_NEVER,
};

struct ffiguard_options {
	enum ffiguard_format format;
	enum ffiguard_fail_on fail_on;
	enum ffiguard_color color;
	char *output;             /* NULL: standard output / LLVM diagnostics */
	char *rules;              /* NULL: every rule */
	char *suppressions;       /* NULL: none */
	char *baseline;           /* NULL: none */
	char *write_baseline;     /* NULL: none */
	bool report_dependencies; /* findings wholly in dependencies keep their severity */
	bool separately;          /* CLI: each input is a program of its own */
	bool inline_shims;
	bool quiet;
	char *facts_dir; /* plugin: write each module's facts file here (ThinLTO backends) */
};

FFIGUARD_EXPORT void ffiguard_options_init(struct ffiguard_options *opts);
FFIGUARD_EXPORT void ffiguard_options_release(struct ffiguard_options *opts);
/* Sets one option by its name ("format", "fail-on", ...). Returns 0, or -EINVAL with *err set to
 * a message naming the key and the accepted values (caller frees). */
FFIGUARD_EXPORT int ffiguard_options_set(struct ffiguard_options *opts, const char *key,
					 const char *value, char **err);
/* Parses "key=value:key=value" (FFIGUARD_OPTIONS) or "key=value;key=value" (pass parameters),
 * with `sep` the separator. Bad entries are skipped and reported in *err (caller frees); the
 * good ones still apply. Returns the number of bad entries. */
FFIGUARD_EXPORT int ffiguard_options_parse(struct ffiguard_options *opts, const char *text,
					   char sep, char **err);

/* ---- loading inputs (CLI) ------------------------------------------------------------------ */

/* Called before each input (archive members included) is handed to LLVM, so that a caller that
 * isolates loading in a child process can name the input LLVM crashed on. */
typedef void (*ffiguard_progress_fn)(const char *label, void *data);

/* Reads .bc, .ll, objects with embedded bitcode, .a archives and .rlib files into one module in
 * `ctx`, tagging each function with the language of the input that defined it. On failure returns
 * -errno and sets *err to "FILE: reason" (caller frees). `notes` (may be NULL) receives lines about
 * skipped archive members, one per line (caller frees). `progress` may be NULL. */
FFIGUARD_EXPORT int ffiguard_load_inputs(LLVMContextRef ctx, const char *const *paths,
					 size_t n_paths, ffiguard_progress_fn progress,
					 void *progress_data, LLVMModuleRef *out, char **notes,
					 char **err);

/* ---- facts files (ThinLTO and distributed builds; plugin/facts.c documents the format) ------ */

/* Writes what `module` contributes to the whole program (its own definitions) to `path`, whole
 * or not at all; the module is not changed. 0, or -errno with *err set (caller frees). */
FFIGUARD_EXPORT int ffiguard_facts_write(LLVMModuleRef module, const char *path, char **err);
/* The same into directory `dir` (created if missing), in a file named after the module's
 * identifier and a hash of it, so that the backends of one link never share a file. */
FFIGUARD_EXPORT int ffiguard_facts_write_into(LLVMModuleRef module, const char *dir, char **err);
/* Whether `data` starts like a facts file. */
FFIGUARD_EXPORT bool ffiguard_facts_is(const unsigned char *data, size_t size);
/* The checked payload of a facts file (bitcode of version 1); -EINVAL with *err "LABEL: reason"
 * for another format version, a truncated or corrupt file. */
FFIGUARD_EXPORT int ffiguard_facts_payload(const unsigned char *data, size_t size,
					   const char *label, const unsigned char **payload,
					   size_t *payload_size, char **err);

/* ---- analysis ------------------------------------------------------------------------------ */

/* Analyses `module` without changing it: provenance, FFI edges and (later) the rules. Edges and
 * findings go into `report`. Returns 0 or -errno with *err set (caller frees). */
FFIGUARD_EXPORT int ffiguard_analyze(LLVMModuleRef module, struct ffiguard_report *report,
				     char **err);
/* The same for a module the caller owns and will not use afterwards (the CLI's linked inputs):
 * -O0 code is canonicalized in place instead of on a copy, which saves the copy's time and
 * memory. The module's functions lose optnone and their -O0 shape. */
FFIGUARD_EXPORT int ffiguard_analyze_in_place(LLVMModuleRef module, struct ffiguard_report *report,
					      char **err);

/* The rules ffiguard knows (DESIGN §4), for --help and for the callers' own listings. */
FFIGUARD_EXPORT const struct ffiguard_rule_info *ffiguard_rules(size_t *count);

/* The language ffiguard assigns to one function, from the evidence in DESIGN §2. */
FFIGUARD_EXPORT enum ffiguard_lang ffiguard_function_lang(LLVMValueRef fn);

/* Demangles Rust v0, legacy Rust and Itanium symbols; returns a malloc'ed copy of `symbol` when
 * it is not mangled. Caller frees. */
FFIGUARD_EXPORT char *ffiguard_demangle(const char *symbol);

#ifdef __cplusplus
}
#endif

#endif /* FFIGUARD_FFIGUARD_H */
