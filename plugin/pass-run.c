/* What the pass does in opt or the linker: options, analysis, one diagnostic per finding and the
 * report file. Printing is the adapter's: it turns the emitted text into LLVM diagnostics. */
#include "inline.h"
#include "pass.h"
#include "report.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* ThinLTO runs one pass per backend thread; the explanation is for the user, once a process,
 * and before any finding: said under reported_lock, which every backend takes first. */
static bool said_thin;
static atomic_flag said_partial = ATOMIC_FLAG_INIT;

/* ThinLTO backends import the same functions and would report a finding once per module that
 * holds it: report each text once per link. Shared by the backend threads, hence the lock. */
static pthread_mutex_t reported_lock = PTHREAD_MUTEX_INITIALIZER;

/* Whether this backend is the first to explain (the lock then stays held until thin_said). */
static bool thin_first(void)
{
	pthread_mutex_lock(&reported_lock);
	if (!said_thin)
		return true;
	pthread_mutex_unlock(&reported_lock);
	return false;
}

static void thin_said(void)
{
	said_thin = true;
	pthread_mutex_unlock(&reported_lock);
}
static struct map reported = {.string_keys = true};
static struct map thin_reported = {.string_keys = true}; /* findings in the shared report */

static bool first_report(const char *text)
{
	pthread_mutex_lock(&reported_lock);
	bool first = !map_get(&reported, text);
	if (first) {
		char *key = xstrdup(text);
		map_put(&reported, key, key);
	}
	pthread_mutex_unlock(&reported_lock);
	return first;
}

static const char recipe[] =
    "for the whole program, link with full LTO: Rust with -Clinker-plugin-lto -Clto=fat "
    "(Cargo: [profile.release] lto = \"fat\"), C and C++ with -flto=full";

static void emitf(pass_emit_fn emit, void *data, enum pass_diag kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void emitf(pass_emit_fn emit, void *data, enum pass_diag kind, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	emit(data, kind, NULL, b.data);
	buf_release(&b);
}

static void read_options(struct ffiguard_options *opts, const char *params, pass_emit_fn emit,
			 void *data)
{
	char *err = NULL;
	const char *env = getenv("FFIGUARD_OPTIONS");
	ffiguard_options_init(opts);
	opts->fail_on = FFIGUARD_FAIL_ON_NEVER;
	if (env && ffiguard_options_parse(opts, env, ':', &err))
		emitf(emit, data, PASS_DIAG_WARNING, "ffiguard: FFIGUARD_OPTIONS: %s (ignored)",
		      err);
	free(err);
	err = NULL;
	if (params && ffiguard_options_parse(opts, params, ';', &err))
		emitf(emit, data, PASS_DIAG_WARNING, "ffiguard: pass parameters: %s (ignored)",
		      err);
	free(err);
}

/* A full-LTO module with functions of only one language means the other half went elsewhere
 * (Rust's -Clinker-plugin-lto without -Clto=fat sends it to ThinLTO backends). */
static void check_view(LLVMModuleRef module, enum pass_mode mode, bool quiet, pass_emit_fn emit,
		       void *data)
{
	if (quiet)
		return;
	if (mode == PASS_THIN_BACKEND) {
		if (thin_first()) {
			emitf(
			    emit, data, PASS_DIAG_WARNING,
			    "ffiguard: this is a ThinLTO link: each backend module is analysed on "
			    "its own, with what it imported, so calls into other modules are not "
			    "seen; %s",
			    recipe);
			thin_said();
		}
		return;
	}
	if (mode != PASS_FULL_LTO)
		return;
	/* Definitions of one language only. Declarations the other language's mangling names
	 * (or Rust's runtime) prove the rest of the program exists outside this module: then it
	 * is a warning; otherwise this may just be a C++-only (or Rust-only) link, and a remark. */
	bool defined[4] = {false}, declared[4] = {false};
	for (LLVMValueRef f = LLVMGetFirstFunction(module); f; f = LLVMGetNextFunction(f)) {
		if (LLVMGetIntrinsicID(f))
			continue;
		enum ffiguard_lang lang = ffiguard_function_lang(f);
		if (lang == FFIGUARD_LANG_C)
			lang = FFIGUARD_LANG_CXX;
		(LLVMIsDeclaration(f) ? declared : defined)[lang] = true;
	}
	bool rust = defined[FFIGUARD_LANG_RUST], other = defined[FFIGUARD_LANG_CXX];
	if ((rust && other) || atomic_flag_test_and_set(&said_partial))
		return;
	bool missing =
	    (rust && declared[FFIGUARD_LANG_CXX]) || (other && declared[FFIGUARD_LANG_RUST]);
	emitf(emit, data, missing ? PASS_DIAG_WARNING : PASS_DIAG_REMARK,
	      "ffiguard: the full-LTO module holds %s code only: %s; %s",
	      rust    ? "Rust"
	      : other ? "C/C++"
		      : "no",
	      missing ? "it calls the other language, which was not linked with full LTO (or not "
			"as bitcode) and is not analysed"
		      : "if another language is part of this program, it was not linked with full "
			"LTO and is not analysed",
	      recipe);
}

static bool fails(const struct ffiguard_finding *f, enum ffiguard_fail_on fail_on)
{
	return !f->baselined &&
	       ((fail_on == FFIGUARD_FAIL_ON_ERROR && f->severity == FFIGUARD_SEV_ERROR) ||
		(fail_on == FFIGUARD_FAIL_ON_WARNING && f->severity >= FFIGUARD_SEV_WARNING));
}

static char *finding_text(const struct ffiguard_finding *f)
{
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);
	if (!mem)
		return xstrdup(f->message);
	report_finding_text(mem, f, false, false);
	fclose(mem);
	return text;
}

/* ThinLTO backends share one report file: the union of what every backend of this process has
 * found so far, rewritten (atomically) by each backend as it finishes, under the lock, so that
 * the last one leaves the whole. */
static struct ffiguard_report *thin_union;
static size_t thin_edges; /* counted per backend module: an imported function's count again */

/* The report file and the baseline to write, if asked: the module's report, or in a ThinLTO
 * backend the union so far. */
static int write_files(const struct ffiguard_report *report, const struct ffiguard_options *opts,
		       char **err)
{
	int rc = opts->output
		     ? ffiguard_report_write_file(report, opts->output, opts->format, false, err)
		     : 0;
	if (rc == 0 && opts->write_baseline)
		rc = ffiguard_report_write_file(report, opts->write_baseline, FFIGUARD_FORMAT_JSON,
						false, err);
	return rc;
}

static int write_report(struct ffiguard_report *report, const struct ffiguard_options *opts,
			enum pass_mode mode, char **err)
{
	if (mode != PASS_THIN_BACKEND)
		return write_files(report, opts, err);
	pthread_mutex_lock(&reported_lock);
	if (!thin_union) {
		thin_union = ffiguard_report_new();
		ffiguard_report_set_rules(thin_union, report->rules, report->n_rules);
	}
	for (size_t i = 0; i < report->n_inputs; i++)
		ffiguard_report_add_input(thin_union, report->inputs[i]);
	thin_edges += report->summary.ffi_edges;
	struct ffiguard_summary *u = ffiguard_report_summary(thin_union);
	u->functions += report->summary.functions;
	u->unanalyzed_edges += report->summary.unanalyzed_edges;
	for (size_t i = 0; i < report->n_findings + report->n_remarks; i++) {
		bool finding = i < report->n_findings;
		char *text = finding ? finding_text(&report->findings[i])
				     : xstrdup(report->remarks[i - report->n_findings]);
		char *key = xasprintf("%c|%s", finding ? 'f' : 'r', text);
		if (!map_get(&thin_reported, key)) {
			map_put(&thin_reported, key, key);
			if (finding)
				ffiguard_report_add_finding(thin_union, &report->findings[i]);
			else
				ffiguard_report_add_remark(thin_union, text);
		} else {
			free(key);
		}
		free(text);
	}
	u->baseline = u->baseline || report->summary.baseline;
	ffiguard_report_finish(thin_union);
	u->ffi_edges = thin_edges;
	int rc = write_files(thin_union, opts, err);
	pthread_mutex_unlock(&reported_lock);
	return rc;
}

/* The shim inliner, after the analysis so that findings do not depend on it; each line becomes
 * a remark and goes into the report. */
static bool run_inliner(LLVMModuleRef module, struct ffiguard_report *report, pass_emit_fn emit,
			void *data)
{
	struct inline_result r;
	char *err = NULL;
	if (inline_shims(module, &r, &err) < 0)
		emitf(emit, data, PASS_DIAG_WARNING, "ffiguard-inline: %s", err);
	for (size_t i = 0; i < r.n; i++) {
		emit(data, r.lines[i].unblocked ? PASS_DIAG_INLINED : PASS_DIAG_SKIPPED,
		     r.lines[i].fn, r.lines[i].text);
		if (report)
			ffiguard_report_add_inline(report, r.lines[i].text, r.lines[i].unblocked);
	}
	bool changed = r.unblocked > 0;
	inline_result_release(&r);
	free(err);
	return changed;
}

bool pass_inline(LLVMModuleRef module, pass_emit_fn emit, void *data)
{
	return run_inliner(module, NULL, emit, data);
}

bool pass_facts(LLVMModuleRef module, const char *params, pass_emit_fn emit, void *data)
{
	struct ffiguard_options opts;
	char *err = NULL;
	read_options(&opts, params, emit, data);
	if (!opts.output && !opts.facts_dir)
		emitf(emit, data, PASS_DIAG_ERROR,
		      "ffiguard-facts: say where: -passes='ffiguard-facts<output=FILE>'");
	else if ((opts.output ? ffiguard_facts_write(module, opts.output, &err)
			      : ffiguard_facts_write_into(module, opts.facts_dir, &err)) < 0)
		emitf(emit, data, PASS_DIAG_ERROR, "ffiguard-facts: %s", err);
	free(err);
	ffiguard_options_release(&opts);
	return false;
}

bool pass_run(LLVMModuleRef module, enum pass_mode mode, const char *params, pass_emit_fn emit,
	      void *data)
{
	struct ffiguard_options opts;
	bool changed = false;
	char *err = NULL;
	read_options(&opts, params, emit, data);
	if (opts.facts_dir) {
		/* A facts file is asked for: a missing one is an error, never a silent gap. */
		if (ffiguard_facts_write_into(module, opts.facts_dir, &err) < 0) {
			emitf(emit, data, PASS_DIAG_ERROR, "ffiguard: facts: %s", err);
			free(err);
			err = NULL;
		}
		/* A ThinLTO backend sees one module: `ffiguard join` sees them all. */
		if (mode == PASS_THIN_BACKEND) {
			if (!opts.quiet && thin_first()) {
				emitf(emit, data, PASS_DIAG_REMARK,
				      "ffiguard: the facts of each ThinLTO module are written to "
				      "%s; 'ffiguard join %s' reports on the whole program",
				      opts.facts_dir, opts.facts_dir);
				thin_said();
			}
			ffiguard_options_release(&opts);
			return false;
		}
	}
	check_view(module, mode, opts.quiet, emit, data);

	struct ffiguard_report *report = ffiguard_report_new();
	size_t len;
	ffiguard_report_add_input(report, LLVMGetModuleIdentifier(module, &len));
	if (ffiguard_analyze(module, report, &err) < 0 ||
	    ffiguard_report_filter(report, opts.rules, opts.suppressions, &err) < 0) {
		emitf(emit, data, PASS_DIAG_WARNING, "ffiguard: analysis skipped: %s", err);
		goto out;
	}
	if (!opts.report_dependencies)
		ffiguard_report_demote_dependencies(report);
	ffiguard_report_finish(report);
	if (opts.inline_shims)
		changed = run_inliner(module, report, emit, data);
	/* Nothing may stop before everything is out: the report on disk first, then every finding,
	 * and only then what fails (opt exits at the first error diagnostic, lld after 20). */
	char *unwritten = NULL;
	if (ffiguard_report_baseline(report, opts.baseline, NULL, &unwritten) < 0)
		unwritten = unwritten ? unwritten : xstrdup("cannot read the baseline");
	else if ((opts.output || opts.write_baseline) &&
		 write_report(report, &opts, mode, &unwritten) < 0)
		unwritten = unwritten ? unwritten : xstrdup("cannot write the report");
	size_t failing = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ffiguard_report_finding_count(report); i++) {
			const struct ffiguard_finding *f = ffiguard_report_finding(report, i);
			bool fail = fails(f, opts.fail_on);
			if (fail != (pass == 1) || f->baselined)
				continue;
			char *text = finding_text(f);
			if (mode != PASS_THIN_BACKEND || first_report(text)) {
				/* In opt the first error ends the process: all are warnings there,
				 * and one error says what failed. */
				emit(data,
				     fail && mode != PASS_OPT ? PASS_DIAG_ERROR : PASS_DIAG_WARNING,
				     NULL, text);
				failing += fail;
			}
			free(text);
		}
	}
	for (size_t i = 0; !opts.quiet && i < ffiguard_report_remark_count(report); i++) {
		const char *text = ffiguard_report_remark(report, i);
		char *line = xasprintf("ffiguard: %s", text);
		if (mode != PASS_THIN_BACKEND || first_report(line))
			emit(data, PASS_DIAG_REMARK, NULL, line);
		free(line);
	}
	if (unwritten)
		emitf(emit, data, PASS_DIAG_ERROR, "ffiguard: %s", unwritten);
	if (failing && mode == PASS_OPT)
		emitf(emit, data, PASS_DIAG_ERROR,
		      "ffiguard: %zu finding%s at or above fail-on=%s (above)", failing,
		      failing == 1 ? "" : "s",
		      opts.fail_on == FFIGUARD_FAIL_ON_ERROR ? "error" : "warning");
	free(unwritten);
out:
	free(err);
	ffiguard_report_free(report);
	ffiguard_options_release(&opts);
	return changed;
}
