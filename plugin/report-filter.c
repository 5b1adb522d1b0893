/* Which findings the user asked for: --rules globs, a suppressions file, and a baseline of
 * findings that do not count. Works on the plain report after the checks ran; the checks never
 * see these options. */
#include "report.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* "GLOB,-GLOB,...": a finding is kept when the last entry that matches its rule is positive; with
 * only negative entries everything else is kept. */
static bool rule_enabled(const char *rules, const char *rule)
{
	if (!rules || !*rules)
		return true;
	bool any_positive = false;
	bool enabled = false;
	bool decided = false;
	char *copy = xstrdup(rules);
	char *save = NULL;
	for (char *g = strtok_r(copy, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
		while (*g == ' ')
			g++;
		bool negative = *g == '-';
		if (negative)
			g++;
		else
			any_positive = true;
		if (fnmatch(g, rule, 0) == 0) {
			enabled = !negative;
			decided = true;
		}
	}
	free(copy);
	return decided ? enabled : !any_positive;
}

struct suppression {
	char *rule;
	char kind; /* 'f' function, 's' source file */
	char *glob;
};

static bool suppressed(const struct suppression *sups, size_t n, const struct ffiguard_finding *f)
{
	for (size_t i = 0; i < n; i++) {
		const struct suppression *s = &sups[i];
		if (fnmatch(s->rule, f->rule, 0) != 0)
			continue;
		if (s->kind == 'f') {
			if ((f->function.symbol && fnmatch(s->glob, f->function.symbol, 0) == 0) ||
			    (f->function.name && fnmatch(s->glob, f->function.name, 0) == 0))
				return true;
		} else if (f->loc.file && fnmatch(s->glob, f->loc.file, 0) == 0) {
			return true;
		}
	}
	return false;
}

/* Lines "RULE-GLOB:fun:GLOB" or "RULE-GLOB:src:GLOB"; '#' starts a comment. */
static int read_suppressions(const char *path, struct suppression **out, size_t *n_out, char **err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		int e = errno;
		*err = xasprintf("%s: cannot read suppressions: %s", path, strerror(e));
		return -e;
	}
	struct suppression *sups = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t line_cap = 0;
	unsigned lineno = 0;
	int rc = 0;
	while (getline(&line, &line_cap, f) >= 0) {
		lineno++;
		char *s = line;
		s[strcspn(s, "#\r\n")] = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		size_t len = strlen(s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			s[--len] = '\0';
		if (!*s)
			continue;
		char *c1 = strchr(s, ':');
		char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c1 || !c2 || c1 == s || !c2[1] ||
		    (strncmp(c1, ":fun:", 5) != 0 && strncmp(c1, ":src:", 5) != 0)) {
			*err = xasprintf("%s:%u: malformed suppression '%s' (expected "
					 "RULE-GLOB:fun:GLOB or RULE-GLOB:src:GLOB)",
					 path, lineno, s);
			rc = -EINVAL;
			break;
		}
		VEC_RESERVE(sups, cap, n + 1);
		sups[n].rule = xasprintf("%.*s", (int)(c1 - s), s);
		sups[n].kind = c1[1];
		sups[n].glob = xstrdup(c2 + 1);
		n++;
	}
	free(line);
	fclose(f);
	*out = sups;
	*n_out = n;
	return rc;
}

static void free_suppressions(struct suppression *sups, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(sups[i].rule);
		free(sups[i].glob);
	}
	free(sups);
}

int ffiguard_report_filter(struct ffiguard_report *r, const char *rules,
			   const char *suppressions_path, char **err)
{
	struct suppression *sups = NULL;
	size_t n_sups = 0;
	*err = NULL;
	if (suppressions_path) {
		int rc = read_suppressions(suppressions_path, &sups, &n_sups, err);
		if (rc < 0) {
			free_suppressions(sups, n_sups);
			return rc;
		}
	}
	size_t kept = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct ffiguard_finding *f = &r->findings[i];
		if (rule_enabled(rules, f->rule) && !suppressed(sups, n_sups, f))
			r->findings[kept++] = *f;
	}
	r->n_findings = kept;
	free_suppressions(sups, n_sups);
	return 0;
}

static bool in_dependency(const struct ffiguard_loc *loc)
{
	return !loc->file || report_dependency_base(loc->file, NULL);
}

void ffiguard_report_demote_dependencies(struct ffiguard_report *r)
{
	for (size_t i = 0; i < r->n_findings; i++) {
		struct ffiguard_finding *f = &r->findings[i];
		bool all = f->loc.file && in_dependency(&f->loc);
		for (size_t n = 0; all && n < f->n_notes; n++)
			all = in_dependency(&f->notes[n].loc);
		if (all)
			f->severity = FFIGUARD_SEV_NOTE;
	}
}

/* The fingerprints an earlier report holds: a JSON report's "fingerprint" values or a SARIF log's
 * "primaryLocationLineHash" values, by a scan of its text (ffiguard wrote it). */
static int read_baseline(const char *path, struct map *fingerprints, struct arena *strings,
			 char **err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		int e = errno;
		*err = xasprintf("%s: cannot read the baseline: %s", path, strerror(e));
		return -e;
	}
	struct buf text = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&text, chunk, n);
	int e = ferror(f) ? EIO : 0;
	fclose(f);
	if (e || !text.data ||
	    (!strstr(text.data, "\"ffiguard-report/1\"") &&
	     !(strstr(text.data, "\"$schema\"") && strstr(text.data, "\"name\": \"ffiguard\"")))) {
		*err = e ? xasprintf("%s: cannot read the baseline: %s", path, strerror(e))
			 : xasprintf("%s: not an ffiguard JSON report or SARIF log", path);
		buf_release(&text);
		return e ? -e : -EINVAL;
	}
	static const char *const keys[] = {"\"fingerprint\": \"",
					   "\"primaryLocationLineHash\": \""};
	for (size_t k = 0; k < 2; k++) {
		for (const char *p = strstr(text.data, keys[k]); p; p = strstr(p, keys[k])) {
			p += strlen(keys[k]);
			size_t len = strcspn(p, "\"");
			char *fp = arena_strndup(strings, p, len);
			map_put(fingerprints, fp, fp);
			p += len;
		}
	}
	buf_release(&text);
	return 0;
}

int ffiguard_report_baseline(struct ffiguard_report *r, const char *baseline_path,
			     const char *write_path, char **err)
{
	*err = NULL;
	int rc = write_path
		     ? ffiguard_report_write_file(r, write_path, FFIGUARD_FORMAT_JSON, false, err)
		     : 0;
	if (rc < 0 || !baseline_path)
		return rc;
	struct map fingerprints;
	struct arena strings = {0};
	map_init(&fingerprints, true);
	rc = read_baseline(baseline_path, &fingerprints, &strings, err);
	for (size_t i = 0; rc == 0 && i < r->n_findings; i++) {
		struct ffiguard_finding *f = &r->findings[i];
		f->baselined = f->fingerprint && map_get(&fingerprints, f->fingerprint);
	}
	if (rc == 0) {
		r->summary.baseline = true;
		ffiguard_report_finish(r);
	}
	map_release(&fingerprints);
	arena_release(&strings);
	return rc;
}
