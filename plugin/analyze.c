/* The analysis from the top, as data flows (DESIGN §2): the program (provenance, FFI edges,
 * canonical -O0 bodies), the summaries over its call graph, the checks, the report. Every entry
 * point (the CLI, the opt pass, the linker, join) runs exactly this. */
#include "checks.h"
#include "ir.h"
#include "report.h"

#include <stdlib.h>

/* The program's FFI edges, as the report lists them. */
static void export_edges(struct ir_program *p, struct ffiguard_report *report)
{
	struct buf scratch = {0};
	struct ffiguard_fn *via = NULL;
	size_t cap_via = 0;
	/* Exactly as many as the program has: a doubled reservation is megabytes on a caller of
	 * tens of thousands of edges. */
	if (report->cap_edges < report->n_edges + p->n_edges) {
		report->cap_edges = report->n_edges + p->n_edges;
		report->edges = xrealloc(report->edges, report->cap_edges * sizeof(*report->edges));
	}
	for (size_t i = 0; i < p->n_edges; i++) {
		struct ir_edge *e = &p->edges[i];
		struct ffiguard_edge out = {0};
		out.caller = ir_fn_ref(e->caller);
		out.callee = ir_fn_ref(e->callee);
		out.loc = ir_inst_loc(e->call, &scratch);
		if (!out.loc.file)
			out.loc = ir_fn_loc(e->caller->fn, &scratch);
		VEC_RESERVE(via, cap_via, e->n_via);
		for (size_t v = 0; v < e->n_via; v++)
			via[v] = ir_fn_ref(e->via[v]);
		out.via = via;
		out.n_via = e->n_via;
		out.indirect = e->indirect;
		ffiguard_report_add_edge(report, &out);
	}
	free(via);
	buf_release(&scratch);
}

/* Every check over every summarised function and every FFI edge. */
static void run_checks(struct summaries *s, struct ffiguard_report *report)
{
	static void (*const checks[])(struct check_ctx *, struct ir_fn *) = {
	    check_alloc_mismatch, check_double_free, check_use_after_free, check_leak};
	/* Prototypes and unwinding ask nothing of the caller's paths; the others do, and are
	 * judged within the caller (its budget). */
	static void (*const call_checks[])(struct check_ctx *, struct ir_edge *) = {
	    check_signature_mismatch, check_unwind_into_nounwind};
	static void (*const path_checks[])(struct check_ctx *, struct ir_edge *) = {
	    check_null_to_nonnull, check_noalias_violation, check_readonly_write,
	    check_stack_escape};
	struct check_ctx c = {.s = s, .report = report};
	map_init(&c.seen, true);
	struct ir_program *p = s->program;
	for (size_t i = 0; i < p->n_fns; i++) {
		struct ir_fn *f = p->fns[i];
		c.within = NULL;
		check_declaration_agreement(&c, f);
		if (!f->summary || f->lang == FFIGUARD_LANG_UNKNOWN)
			continue;
		c.within = f;
		for (size_t k = 0; k < sizeof(checks) / sizeof(checks[0]); k++)
			checks[k](&c, f);
	}
	for (size_t i = 0; i < p->n_edges; i++) {
		/* A modelled caller (std's RawVecInner::deallocate ending in a C global allocator's
		 * free) is its contract; its body is not judged. */
		const struct summary *cs = p->edges[i].caller->summary;
		if (!cs || cs->modelled)
			continue;
		c.within = NULL;
		for (size_t k = 0; k < sizeof(call_checks) / sizeof(call_checks[0]); k++)
			call_checks[k](&c, &p->edges[i]);
		/* They match the call's arguments with the callee's parameters. */
		if (!ir_call_aligned(p->edges[i].call, ir_edge_direct(&p->edges[i])->fn))
			continue;
		c.within = p->edges[i].caller;
		for (size_t k = 0; k < sizeof(path_checks) / sizeof(path_checks[0]); k++)
			path_checks[k](&c, &p->edges[i]);
	}
	for (size_t i = 0; i < c.n_seen; i++)
		free(c.seen_keys[i]);
	free(c.seen_keys);
	map_release(&c.seen);
}

static int analyze(LLVMModuleRef module, struct ffiguard_report *report, bool in_place, char **err)
{
	struct ir_program p;
	*err = NULL;
	int rc = ir_program_init(&p, module, in_place ? IR_CANON_IN_PLACE : IR_CANON_COPY, err);
	if (rc < 0) {
		ir_program_release(&p);
		return rc;
	}
	ffiguard_report_set_rules(report, check_rules, check_rule_count);
	/* The edges are final once the summaries are built: -O0 bodies are canonicalized there. */
	struct summaries s;
	rc = summaries_build(&s, &p, SUMMARY_NEEDED, err);
	if (rc == 0) {
		export_edges(&p, report);
		report->summary.functions = p.n_defined;
		report->summary.unanalyzed_edges = p.n_indirect;
		run_checks(&s, report);
		for (size_t i = 0; i < p.n_fns; i++) {
			struct ir_fn *f = p.fns[i];
			if (!summary_exhausted(f))
				continue;
			char *text =
			    xasprintf("'%s' is too large to analyse fully (over its budget "
				      "of %zu steps); its facts are assumed",
				      ir_fn_name(f), f->summary->budget);
			ffiguard_report_add_remark(report, text);
			free(text);
		}
	}
	if (rc == 0 && s.unwind_cut)
		ffiguard_report_add_remark(
		    report, "following constant arguments into callees that may unwind "
			    "stopped at its budget; the calls left are judged by their "
			    "callees' summaries");
	if (p.indirect_cut)
		ffiguard_report_add_remark(report,
					   "resolving indirect calls stopped at its budget; "
					   "the calls left are counted as unanalyzed");
	summaries_release(&s);
	ir_program_release(&p);
	ffiguard_report_finish(report);
	return rc;
}

int ffiguard_analyze(LLVMModuleRef module, struct ffiguard_report *report, char **err)
{
	return analyze(module, report, false, err);
}

int ffiguard_analyze_in_place(LLVMModuleRef module, struct ffiguard_report *report, char **err)
{
	return analyze(module, report, true, err);
}
