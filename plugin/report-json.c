/* JSON writers: the ffiguard-report/1 document of DESIGN §3 and the edge listing.
 * Escaping is strict (control bytes, invalid UTF-8) so any symbol name yields valid JSON. */
#include "report.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n;
	unsigned min;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, min = 0x80, cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, min = 0x800, cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, min = 0x10000, cp = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void json_put_string(FILE *out, const char *str)
{
	if (!str) {
		fputs("null", out);
		return;
	}
	const unsigned char *s = (const unsigned char *)str;
	fputc('"', out);
	while (*s) {
		size_t n = utf8_len(s);
		if (n == 0) {
			fputs("\\ufffd", out);
			s++;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, n, out);
			s += n;
			continue;
		}
		switch (*s) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		default:
			if (*s < 0x20 || *s == 0x7f)
				fprintf(out, "\\u%04x", *s);
			else
				fputc(*s, out);
		}
		s++;
	}
	fputc('"', out);
}

static void put_fn(FILE *out, const struct ffiguard_fn *fn)
{
	fputs("{\"symbol\": ", out);
	json_put_string(out, fn->symbol);
	fputs(", \"name\": ", out);
	json_put_string(out, fn->name);
	fputs(", \"language\": ", out);
	json_put_string(out, ffiguard_lang_name(fn->lang));
	fputc('}', out);
}

static void put_loc(FILE *out, const struct ffiguard_loc *loc)
{
	if (!loc->file) {
		fputs("null", out);
		return;
	}
	fputs("{\"file\": ", out);
	json_put_string(out, loc->file);
	fprintf(out, ", \"line\": %u, \"column\": %u}", loc->line, loc->column);
}

static void put_header(FILE *out, const struct ffiguard_report *r, const char *schema)
{
	fprintf(out,
		"{\"schema\": \"%s\",\n \"tool\": {\"name\": \"ffiguard\", \"version\": ", schema);
	json_put_string(out, FFIGUARD_VERSION);
	fputs("},\n \"inputs\": [", out);
	for (size_t i = 0; i < r->n_inputs; i++) {
		if (i)
			fputs(", ", out);
		json_put_string(out, r->inputs[i]);
	}
	fputs("],\n", out);
}

static void put_summary(FILE *out, const struct ffiguard_report *r)
{
	const struct ffiguard_summary *s = &r->summary;
	fprintf(out,
		" \"summary\": {\"functions\": %zu, \"ffi_edges\": %zu, \"unanalyzed_edges\": %zu, "
		"\"errors\": %zu, \"warnings\": %zu, \"over_budget\": %zu",
		s->functions, s->ffi_edges, s->unanalyzed_edges, s->errors, s->warnings,
		s->over_budget);
	if (s->baseline)
		fprintf(out, ", \"baselined\": %zu", s->baselined);
	if (r->n_remarks) {
		fputs(", \"remarks\": [", out);
		for (size_t i = 0; i < r->n_remarks; i++) {
			fputs(i ? ", " : "", out);
			json_put_string(out, r->remarks[i]);
		}
		fputs("]", out);
	}
	if (r->n_inline) {
		fprintf(out, ", \"shims_unblocked\": %zu, \"shims_skipped\": %zu, \"inline\": [",
			s->shims_unblocked, s->shims_skipped);
		for (size_t i = 0; i < r->n_inline; i++) {
			fputs(i ? ", " : "", out);
			json_put_string(out, r->inline_notes[i]);
		}
		fputs("]", out);
	}
	fputs("}}\n", out);
}

int report_write_json(FILE *out, const struct ffiguard_report *r)
{
	put_header(out, r, "ffiguard-report/1");
	fputs(" \"findings\": [", out);
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct ffiguard_finding *f = &r->findings[i];
		fputs(i ? ",\n  {" : "\n  {", out);
		fputs("\"rule\": ", out);
		json_put_string(out, f->rule);
		fputs(", \"severity\": ", out);
		json_put_string(out, ffiguard_severity_name(f->severity));
		fputs(",\n   \"message\": ", out);
		json_put_string(out, f->message);
		fputs(",\n   \"function\": ", out);
		put_fn(out, &f->function);
		fputs(",\n   \"location\": ", out);
		put_loc(out, &f->loc);
		fputs(",\n   \"edge\": ", out);
		if (f->has_edge) {
			fputs("{\"caller\": ", out);
			put_fn(out, &f->edge_caller);
			fputs(", \"callee\": ", out);
			put_fn(out, &f->edge_callee);
			fputc('}', out);
		} else {
			fputs("null", out);
		}
		fputs(",\n   \"notes\": [", out);
		for (size_t n = 0; n < f->n_notes; n++) {
			fputs(n ? ",\n    {" : "\n    {", out);
			fputs("\"message\": ", out);
			json_put_string(out, f->notes[n].message);
			fputs(", \"function\": ", out);
			put_fn(out, &f->notes[n].function);
			fputs(", \"location\": ", out);
			put_loc(out, &f->notes[n].loc);
			fputc('}', out);
		}
		fputs("],\n   \"fingerprint\": ", out);
		json_put_string(out, f->fingerprint ? f->fingerprint : "");
		fprintf(out, ", \"baselined\": %s}", f->baselined ? "true" : "false");
	}
	fputs(r->n_findings ? "\n ],\n" : "],\n", out);
	put_summary(out, r);
	return ferror(out) ? -1 : 0;
}

int edges_write_json(FILE *out, const struct ffiguard_report *r)
{
	put_header(out, r, "ffiguard-edges/1");
	fputs(" \"edges\": [", out);
	for (size_t i = 0; i < r->n_edges; i++) {
		const struct ffiguard_edge *e = &r->edges[i];
		fputs(i ? ",\n  {" : "\n  {", out);
		fputs("\"caller\": ", out);
		put_fn(out, &e->caller);
		fputs(",\n   \"callee\": ", out);
		put_fn(out, &e->callee);
		fputs(",\n   \"location\": ", out);
		put_loc(out, &e->loc);
		fputs(",\n   \"via\": [", out);
		for (size_t v = 0; v < e->n_via; v++) {
			if (v)
				fputs(", ", out);
			put_fn(out, &e->via[v]);
		}
		fprintf(out, "],\n   \"indirect\": %s}", e->indirect ? "true" : "false");
	}
	fputs(r->n_edges ? "\n ],\n" : "],\n", out);
	put_summary(out, r);
	return ferror(out) ? -1 : 0;
}
