/* One parser for every way a user configures ffiguard: CLI flags, FFIGUARD_OPTIONS, pass params.
 * It validates names and values only; acting on them is the caller's business. */
#include "ffiguard/ffiguard.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void ffiguard_options_init(struct ffiguard_options *opts)
{
	memset(opts, 0, sizeof(*opts));
}

void ffiguard_options_release(struct ffiguard_options *opts)
{
	free(opts->output);
	free(opts->facts_dir);
	free(opts->rules);
	free(opts->suppressions);
	free(opts->baseline);
	free(opts->write_baseline);
	ffiguard_options_init(opts);
}

/* Looks `value` up in a NULL-terminated list; returns its index or -1. */
static int pick(const char *value, const char *const *choices)
{
	for (int i = 0; choices[i]; i++)
		if (strcmp(value, choices[i]) == 0)
			return i;
	return -1;
}

static int bad_value(char **err, const char *key, const char *value, const char *accepted)
{
	*err = xasprintf("invalid value '%s' for option '%s' (expected %s)", value, key, accepted);
	return -EINVAL;
}

static void set_string(char **slot, const char *value)
{
	free(*slot);
	*slot = *value ? xstrdup(value) : NULL;
}

int ffiguard_options_set(struct ffiguard_options *opts, const char *key, const char *value,
			 char **err)
{
	static const char *const formats[] = {"text", "json", "sarif", NULL};
	static const char *const fail_ons[] = {"error", "warning", "never", NULL};
	static const char *const colors[] = {"auto", "always", "never", NULL};
	static const char *const bools[] = {"0", "1", "false", "true", "no", "yes", NULL};
	int i;

	*err = NULL;
	if (strcmp(key, "format") == 0) {
		if ((i = pick(value, formats)) < 0)
			return bad_value(err, key, value, "text, json or sarif");
		opts->format = (enum ffiguard_format)i;
	} else if (strcmp(key, "fail-on") == 0) {
		if ((i = pick(value, fail_ons)) < 0)
			return bad_value(err, key, value, "error, warning or never");
		opts->fail_on = (enum ffiguard_fail_on)i;
	} else if (strcmp(key, "color") == 0) {
		if ((i = pick(value, colors)) < 0)
			return bad_value(err, key, value, "auto, always or never");
		opts->color = (enum ffiguard_color)i;
	} else if (strcmp(key, "output") == 0) {
		set_string(&opts->output, value);
	} else if (strcmp(key, "rules") == 0) {
		set_string(&opts->rules, value);
	} else if (strcmp(key, "suppressions") == 0) {
		set_string(&opts->suppressions, value);
	} else if (strcmp(key, "dependencies") == 0) {
		static const char *const deps[] = {"note", "report", NULL};
		if ((i = pick(value, deps)) < 0)
			return bad_value(err, key, value, "note or report");
		opts->report_dependencies = i == 1;
	} else if (strcmp(key, "baseline") == 0) {
		set_string(&opts->baseline, value);
	} else if (strcmp(key, "write-baseline") == 0) {
		set_string(&opts->write_baseline, value);
	} else if (strcmp(key, "facts-dir") == 0) {
		set_string(&opts->facts_dir, value);
	} else if (strcmp(key, "inline-shims") == 0 || strcmp(key, "quiet") == 0 ||
		   strcmp(key, "separately") == 0) {
		if ((i = pick(value, bools)) < 0)
			return bad_value(err, key, value, "0 or 1");
		bool on = i % 2 == 1;
		if (key[0] == 'i')
			opts->inline_shims = on;
		else if (key[0] == 'q')
			opts->quiet = on;
		else
			opts->separately = on;
	} else {
		*err = xasprintf("unknown option '%s' (known: format, output, fail-on, rules, "
				 "suppressions, baseline, write-baseline, dependencies, color, "
				 "inline-shims, separately, quiet, facts-dir)",
				 key);
		return -EINVAL;
	}
	return 0;
}

int ffiguard_options_parse(struct ffiguard_options *opts, const char *text, char sep, char **err)
{
	struct buf errors = {0};
	int bad = 0;
	char *copy = xstrdup(text ? text : "");
	char *save = NULL;
	char seps[2] = {sep, '\0'};

	for (char *item = strtok_r(copy, seps, &save); item; item = strtok_r(NULL, seps, &save)) {
		char *msg = NULL;
		char *eq = strchr(item, '=');
		if (!eq) {
			msg = xasprintf("option '%s' has no value (write key=value)", item);
		} else {
			*eq = '\0';
			ffiguard_options_set(opts, item, eq + 1, &msg);
		}
		if (msg) {
			buf_printf(&errors, "%s%s", bad ? "; " : "", msg);
			free(msg);
			bad++;
		}
	}
	free(copy);
	*err = bad ? buf_steal(&errors) : NULL;
	buf_release(&errors);
	return bad;
}
