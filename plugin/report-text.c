/* Text writers: clang-style "file:line:col: severity: message [rule]" with note lines, and the
 * edge listing. Colour is the caller's decision (terminal or --color=always). */
#include "report.h"

#include <string.h>

#define BOLD(c) ((c) ? "\033[1m" : "")
#define RESET(c) ((c) ? "\033[0m" : "")

static const char *sev_color(enum ffiguard_severity sev)
{
	switch (sev) {
	case FFIGUARD_SEV_ERROR:
		return "\033[1;31m";
	case FFIGUARD_SEV_WARNING:
		return "\033[1;35m";
	case FFIGUARD_SEV_NOTE:
		break;
	}
	return "\033[1;30m";
}

/* The clang-style prefix: "file:line:col: " or "module: in function 'name': ". */
static void put_where(FILE *out, const struct ffiguard_loc *loc, const struct ffiguard_fn *fn,
		      bool color)
{
	fputs(BOLD(color), out);
	if (loc->file) {
		fprintf(out, "%s:%u:%u: ", loc->file, loc->line, loc->column);
	} else {
		fprintf(out, "module: ");
		if (fn && fn->name)
			fprintf(out, "in function '%s': ", fn->name);
	}
	fputs(RESET(color), out);
}

static void put_severity(FILE *out, enum ffiguard_severity sev, bool color)
{
	fprintf(out, "%s%s:%s ", color ? sev_color(sev) : "", ffiguard_severity_name(sev),
		RESET(color));
}

void report_finding_text(FILE *out, const struct ffiguard_finding *f, bool severity, bool color)
{
	put_where(out, &f->loc, &f->function, color);
	if (severity)
		put_severity(out, f->severity, color);
	fprintf(out, "%s%s [%s]%s", BOLD(color), f->message, f->rule, RESET(color));
	for (size_t n = 0; n < f->n_notes; n++) {
		const struct ffiguard_note *note = &f->notes[n];
		fputc('\n', out);
		put_where(out, &note->loc, &note->function, color);
		put_severity(out, FFIGUARD_SEV_NOTE, color);
		fputs(note->message, out);
	}
}

int report_write_text(FILE *out, const struct ffiguard_report *r, bool color)
{
	for (size_t i = 0; i < r->n_findings; i++) {
		if (r->findings[i].baselined)
			continue; /* counted below, not shown */
		report_finding_text(out, &r->findings[i], true, color);
		fputc('\n', out);
	}
	for (size_t i = 0; i < r->n_inline; i++)
		fprintf(out, "%s\n", r->inline_notes[i]);
	for (size_t i = 0; i < r->n_remarks; i++)
		fprintf(out, "ffiguard: note: %s\n", r->remarks[i]);
	const struct ffiguard_summary *s = &r->summary;
	if (r->n_findings > s->baselined)
		fprintf(out, "%zu error%s and %zu warning%s generated.\n", s->errors,
			s->errors == 1 ? "" : "s", s->warnings, s->warnings == 1 ? "" : "s");
	if (s->baselined)
		fprintf(out, "ffiguard: note: %zu finding%s in the baseline not shown\n",
			s->baselined, s->baselined == 1 ? "" : "s");
	return ferror(out) ? -1 : 0;
}

int edges_write_text(FILE *out, const struct ffiguard_report *r, bool color)
{
	for (size_t i = 0; i < r->n_edges; i++) {
		const struct ffiguard_edge *e = &r->edges[i];
		put_where(out, &e->loc, &e->caller, color);
		fprintf(out, "%s -> %s: '%s' calls '%s'", ffiguard_lang_name(e->caller.lang),
			ffiguard_lang_name(e->callee.lang), e->caller.name, e->callee.name);
		for (size_t v = 0; v < e->n_via; v++)
			fprintf(out, "%s'%s' (%s)", v ? ", " : " through shim ", e->via[v].name,
				ffiguard_lang_name(e->via[v].lang));
		if (e->indirect)
			fputs(" (indirect: through a function pointer)", out);
		fputc('\n', out);
	}
	const struct ffiguard_summary *s = &r->summary;
	fprintf(out, "%zu FFI edge%s, %zu unanalyzed indirect call%s, %zu functions\n",
		s->ffi_edges, s->ffi_edges == 1 ? "" : "s", s->unanalyzed_edges,
		s->unanalyzed_edges == 1 ? "" : "s", s->functions);
	return ferror(out) ? -1 : 0;
}
