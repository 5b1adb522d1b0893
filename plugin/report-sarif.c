/* SARIF 2.1.0 writer, shaped for GitHub code scanning: rules with descriptions and help,
 * repository-relative URIs, regions, relatedLocations and stable partialFingerprints. */
#include "report.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *sarif_level(enum ffiguard_severity sev)
{
	switch (sev) {
	case FFIGUARD_SEV_ERROR:
		return "error";
	case FFIGUARD_SEV_WARNING:
		return "warning";
	case FFIGUARD_SEV_NOTE:
		break;
	}
	return "note";
}

/* A URI for a debug-info path: relative paths stay relative (to the repository root, where the
 * build runs), absolute ones under the working directory are made relative, others become
 * file:// URIs. Percent-encodes what RFC 3986 does not allow in a path. */
static void put_uri(FILE *out, const char *file, const char *cwd)
{
	struct buf b = {0};
	const char *path = file;
	size_t cwd_len = cwd ? strlen(cwd) : 0;
	if (file[0] == '/') {
		if (cwd_len && strncmp(file, cwd, cwd_len) == 0 && file[cwd_len] == '/')
			path = file + cwd_len + 1;
		else
			buf_puts(&b, "file://");
	}
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~!$&'()*+,;=:@", *p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	json_put_string(out, b.data ? b.data : "");
	buf_release(&b);
}

static void put_physical(FILE *out, const struct ffiguard_loc *loc, const char *cwd)
{
	/* Dependencies' sources are relative to a base of their own, not to the repository. */
	const char *file = loc->file;
	const char *base = report_dependency_base(loc->file, &file);
	fputs("{\"artifactLocation\": {\"uri\": ", out);
	put_uri(out, file, cwd);
	if (base)
		fprintf(out, ", \"uriBaseId\": \"%s\"", base);
	fprintf(out, "}, \"region\": {\"startLine\": %u", loc->line ? loc->line : 1);
	if (loc->column)
		fprintf(out, ", \"startColumn\": %u", loc->column);
	fputs("}}", out);
}

static void put_logical(FILE *out, const struct ffiguard_fn *fn)
{
	fputs("[{\"name\": ", out);
	json_put_string(out, fn->name);
	fputs(", \"decoratedName\": ", out);
	json_put_string(out, fn->symbol);
	fputs(", \"kind\": \"function\"}]", out);
}

static void put_text(FILE *out, const char *key, const char *text)
{
	fprintf(out, "\"%s\": {\"text\": ", key);
	json_put_string(out, text);
	fputc('}', out);
}

static void put_rule(FILE *out, const struct ffiguard_rule_info *rule)
{
	fputs("{\"id\": ", out);
	json_put_string(out, rule->id);
	fputs(", \"name\": ", out);
	json_put_string(out, rule->id);
	fputs(",\n       ", out);
	put_text(out, "shortDescription", rule->short_description);
	fputs(",\n       ", out);
	put_text(out, "fullDescription", rule->full_description);
	fputs(",\n       \"help\": {\"text\": ", out);
	json_put_string(out, rule->help);
	fputs(", \"markdown\": ", out);
	json_put_string(out, rule->help);
	fprintf(out, "},\n       \"defaultConfiguration\": {\"level\": \"%s\"}",
		sarif_level(rule->default_severity));
	fputs(",\n       \"properties\": {\"tags\": [\"security\", \"ffi\"], \"precision\": "
	      "\"high\"}}",
	      out);
}

static long rule_index(const struct ffiguard_report *r, const char *id)
{
	for (size_t i = 0; i < r->n_rules; i++)
		if (strcmp(r->rules[i].id, id) == 0)
			return (long)i;
	return -1;
}

int report_write_sarif(FILE *out, const struct ffiguard_report *r)
{
	char cwd_buf[PATH_MAX];
	const char *cwd = getcwd(cwd_buf, sizeof(cwd_buf));

	fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      " \"version\": \"2.1.0\",\n"
	      " \"runs\": [{\n"
	      "  \"tool\": {\"driver\": {\"name\": \"ffiguard\", \"version\": ",
	      out);
	json_put_string(out, FFIGUARD_VERSION);
	fputs(", \"semanticVersion\": ", out);
	json_put_string(out, FFIGUARD_VERSION);
	fputs(",\n    \"rules\": [", out);
	for (size_t i = 0; i < r->n_rules; i++) {
		fputs(i ? ",\n      " : "\n      ", out);
		put_rule(out, &r->rules[i]);
	}
	fputs("]}},\n", out);
	/* What the analysis could not do fully: notifications of a successful run. */
	if (r->n_remarks) {
		fputs("  \"invocations\": [{\"executionSuccessful\": true, "
		      "\"toolExecutionNotifications\": [",
		      out);
		for (size_t i = 0; i < r->n_remarks; i++) {
			fputs(i ? ",\n    {\"level\": \"note\", " : "\n    {\"level\": \"note\", ",
			      out);
			put_text(out, "message", r->remarks[i]);
			fputc('}', out);
		}
		fputs("]}],\n", out);
	}
	fprintf(out, "  \"properties\": {\"overBudget\": %zu},\n", r->summary.over_budget);
	fputs("  \"columnKind\": \"unicodeCodePoints\",\n"
	      "  \"results\": [",
	      out);

	for (size_t i = 0; i < r->n_findings; i++) {
		const struct ffiguard_finding *f = &r->findings[i];
		fputs(i ? ",\n   {" : "\n   {", out);
		fputs("\"ruleId\": ", out);
		json_put_string(out, f->rule);
		long idx = rule_index(r, f->rule);
		if (idx >= 0)
			fprintf(out, ", \"ruleIndex\": %ld", idx);
		fprintf(out, ", \"level\": \"%s\",\n    ", sarif_level(f->severity));
		put_text(out, "message", f->message);
		fputs(",\n    \"locations\": [{", out);
		/* Code scanning wants a file for every result: without debug info, the input. */
		struct ffiguard_loc where = f->loc;
		if (!where.file && r->n_inputs)
			where = (struct ffiguard_loc){r->inputs[0], 1, 0};
		if (where.file) {
			fputs("\"physicalLocation\": ", out);
			put_physical(out, &where, cwd);
			fputs(", ", out);
		}
		fputs("\"logicalLocations\": ", out);
		put_logical(out, &f->function);
		fputs("}]", out);

		bool any = false;
		for (size_t n = 0; n < f->n_notes; n++) {
			const struct ffiguard_note *note = &f->notes[n];
			if (!note->loc.file)
				continue;
			fputs(any ? ",\n      {" : ",\n    \"relatedLocations\": [\n      {", out);
			fprintf(out, "\"id\": %zu, \"physicalLocation\": ", n + 1);
			put_physical(out, &note->loc, cwd);
			fputs(", ", out);
			put_text(out, "message", note->message);
			fputc('}', out);
			any = true;
		}
		if (any)
			fputs("]", out);

		if (r->summary.baseline)
			fprintf(out, ",\n    \"baselineState\": \"%s\"",
				f->baselined ? "unchanged" : "new");
		fputs(",\n    \"partialFingerprints\": {\"primaryLocationLineHash\": ", out);
		json_put_string(out, f->fingerprint ? f->fingerprint : "");
		fputs("}}", out);
	}
	fputs(r->n_findings ? "\n  ]\n }]\n}\n" : "]\n }]\n}\n", out);
	return ferror(out) ? -1 : 0;
}
