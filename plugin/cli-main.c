/* The ffiguard command: argument parsing and dispatch for `check` and `edges`.
 * Loading, analysis and writing live in the core; this file decides exit codes and streams. */
#include "config.h"
#include "ffiguard/ffiguard.h"

#include <errno.h>
#include <llvm-c/Core.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static const char usage_text[] =
    "usage: ffiguard check [--format=text|json|sarif] [--output=FILE]\n"
    "                      [--fail-on=error|warning|never] [--rules=GLOB,-GLOB...]\n"
    "                      [--suppressions=FILE] [--color=auto|always|never] [--quiet] "
    "INPUT...\n"
    "       ffiguard edges [--format=text|json] [--output=FILE] [--color=...] INPUT...\n"
    "       ffiguard --version | --help\n"
    "\n"
    "Analyses the merged LLVM IR of Rust, C and C++ code for hazards at the FFI boundary.\n"
    "INPUT: LLVM bitcode (.bc), textual IR (.ll), objects with embedded bitcode, .a archives\n"
    "and Rust .rlib files; all inputs are linked into one module in memory.\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-on (default error), 1 findings at or\n"
    "above it, 2 usage error, unreadable or unsupported input, internal error.\n"
    "\n"
    "Suppressions file: one entry per line, RULE-GLOB:fun:NAME-GLOB or RULE-GLOB:src:FILE-GLOB;\n"
    "'#' starts a comment.\n";

/* The usage text and the rules --rules takes. */
static void print_help(void)
{
	size_t n;
	const struct ffiguard_rule_info *rules = ffiguard_rules(&n);
	fputs(usage_text, stdout);
	fputs("\nRules (--rules=GLOB,-GLOB; all on by default):\n", stdout);
	for (size_t i = 0; i < n; i++)
		printf("  %-28s %s\n", rules[i].id, rules[i].short_description);
}

static int usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "ffiguard: error: %s%s%s%s", what, arg ? " '" : "", arg ? arg : "",
		arg ? "'" : "");
	fputs("\n(see 'ffiguard --help')\n", stderr);
	return EXIT_TROUBLE;
}

static void on_diagnostic(LLVMDiagnosticInfoRef info, void *opaque)
{
	/* Outside the loader LLVM only speaks up about problems in our own use of it. */
	char *msg = LLVMGetDiagInfoDescription(info);
	if (LLVMGetDiagInfoSeverity(info) == LLVMDSError)
		fprintf(stderr, "ffiguard: error: %s\n", msg);
	LLVMDisposeMessage(msg);
}

static bool want_color(const struct ffiguard_options *opts, FILE *out)
{
	if (opts->color != FFIGUARD_COLOR_AUTO)
		return opts->color == FFIGUARD_COLOR_ALWAYS;
	const char *term = getenv("TERM");
	return !getenv("NO_COLOR") && isatty(fileno(out)) && term && strcmp(term, "dumb") != 0;
}

static bool fails(const struct ffiguard_summary *s, enum ffiguard_fail_on fail_on)
{
	switch (fail_on) {
	case FFIGUARD_FAIL_ON_ERROR:
		return s->errors > 0;
	case FFIGUARD_FAIL_ON_WARNING:
		return s->errors + s->warnings > 0;
	case FFIGUARD_FAIL_ON_NEVER:
		break;
	}
	return false;
}

/* Tells the parent which input LLVM is reading, one line per input. */
static void report_progress(const char *label, void *data)
{
	int fd = *(int *)data;
	size_t n = strlen(label);
	if (fd < 0)
		return;
	if (write(fd, label, n) != (ssize_t)n || write(fd, "\n", 1) != 1)
		return;
}

static int run(bool edges, struct ffiguard_options *opts, const char *const *inputs,
	       size_t n_inputs, int progress_fd)
{
	int status = EXIT_TROUBLE;
	char *err = NULL, *notes = NULL;
	LLVMModuleRef module = NULL;
	struct ffiguard_report *report = ffiguard_report_new();
	FILE *out = stdout;
	LLVMContextRef ctx = LLVMContextCreate();
	LLVMContextSetDiagnosticHandler(ctx, on_diagnostic, NULL);

	int rc = ffiguard_load_inputs(ctx, inputs, n_inputs, report_progress, &progress_fd, &module,
				      &notes, &err);
	if (notes && !opts->quiet) {
		for (char *line = strtok(notes, "\n"); line; line = strtok(NULL, "\n"))
			fprintf(stderr, "ffiguard: note: %s\n", line);
	}
	if (rc < 0) {
		fprintf(stderr, "ffiguard: error: %s\n", err);
		goto out;
	}
	report_progress("", &progress_fd); /* past the inputs: a crash now is ours */
	for (size_t i = 0; i < n_inputs; i++)
		ffiguard_report_add_input(report, inputs[i]);
	if (ffiguard_analyze_in_place(module, report, &err) < 0) {
		fprintf(stderr, "ffiguard: error: internal: %s\n", err);
		goto out;
	}
	if (!edges) {
		if (ffiguard_report_filter(report, opts->rules, opts->suppressions, &err) < 0) {
			fprintf(stderr, "ffiguard: error: %s\n", err);
			goto out;
		}
		ffiguard_report_finish(report);
	}
	if (opts->output) {
		if (ffiguard_report_write_file(report, opts->output, opts->format, edges, &err) <
		    0) {
			fprintf(stderr, "ffiguard: error: %s\n", err);
			goto out;
		}
	} else {
		bool color = want_color(opts, out);
		rc = edges ? ffiguard_edges_write(out, report, opts->format, color)
			   : ffiguard_report_write(out, report, opts->format, color);
		if (fflush(out) != 0 || rc < 0) {
			fprintf(stderr, "ffiguard: error: standard output: write failed: %s\n",
				strerror(errno));
			goto out;
		}
	}
	status = !edges && fails(ffiguard_report_summary(report), opts->fail_on) ? EXIT_FINDINGS
										 : EXIT_CLEAN;
out:
	free(err);
	free(notes);
	ffiguard_report_free(report);
	if (module)
		LLVMDisposeModule(module);
	LLVMContextDispose(ctx);
	return status;
}

/* LLVM's bitcode reader is not hardened against corrupt input and can crash on it. Loading and
 * analysis run in a child process; when it dies, the parent names the input it was reading. */
static int run_isolated(bool edges, struct ffiguard_options *opts, const char *const *inputs,
			size_t n_inputs)
{
	int fds[2];
	if (pipe(fds) != 0)
		return run(edges, opts, inputs, n_inputs, -1);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return run(edges, opts, inputs, n_inputs, -1);
	}
	if (pid == 0) {
		close(fds[0]);
		int status = run(edges, opts, inputs, n_inputs, fds[1]);
		fflush(NULL);
		_exit(status);
	}
	close(fds[1]);
	char last[4096] = "";
	char chunk[4096];
	size_t len = 0;
	ssize_t n;
	/* Keep the last complete line: the input being read when the child stopped. */
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0 || (n < 0 && errno == EINTR)) {
		for (ssize_t i = 0; i < n; i++) {
			if (chunk[i] == '\n') {
				last[len] = '\0';
				len = 0;
			} else if (len < sizeof(last) - 1) {
				last[len++] = chunk[i];
			}
		}
	}
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return EXIT_TROUBLE;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	if (last[0])
		fprintf(stderr,
			"ffiguard: error: %s: LLVM crashed reading this input (%s); it is corrupt "
			"or from an incompatible producer\n",
			last, strsignal(sig));
	else
		fprintf(stderr, "ffiguard: error: internal error (%s)\n", strsignal(sig));
	return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("missing command", NULL);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_help();
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ffiguard %s (LLVM %s)\n", FFIGUARD_VERSION, FFIGUARD_LLVM_VERSION);
		return EXIT_CLEAN;
	}
	bool edges = strcmp(argv[1], "edges") == 0;
	if (!edges && strcmp(argv[1], "check") != 0)
		return usage_error("unknown command", argv[1]);

	static const char *const check_keys[] = {"format",       "output", "fail-on", "rules",
						 "suppressions", "color",  "quiet",   NULL};
	static const char *const edges_keys[] = {"format", "output", "color", "quiet", NULL};
	const char *const *keys = edges ? edges_keys : check_keys;

	struct ffiguard_options opts;
	ffiguard_options_init(&opts);
	const char **inputs = calloc((size_t)argc, sizeof(*inputs));
	size_t n_inputs = 0;
	int status = EXIT_TROUBLE;
	bool only_inputs = false;

	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (only_inputs || arg[0] != '-' || strcmp(arg, "-") == 0) {
			inputs[n_inputs++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_inputs = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			print_help();
			status = EXIT_CLEAN;
			goto out;
		}
		if (strncmp(arg, "--", 2) != 0) {
			status = usage_error("unknown option", arg);
			goto out;
		}
		char key[64];
		const char *eq = strchr(arg, '=');
		size_t klen = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		if (klen >= sizeof(key)) {
			status = usage_error("unknown option", arg);
			goto out;
		}
		memcpy(key, arg + 2, klen);
		key[klen] = '\0';
		bool known = false;
		for (size_t k = 0; keys[k]; k++)
			known = known || strcmp(keys[k], key) == 0;
		if (!known) {
			status = usage_error("unknown option", arg);
			goto out;
		}
		const char *value = eq ? eq + 1 : NULL;
		if (!value && strcmp(key, "quiet") == 0)
			value = "1";
		if (!value) {
			if (i + 1 >= argc) {
				status = usage_error("missing value for option", arg);
				goto out;
			}
			value = argv[++i];
		}
		char *err = NULL;
		if (ffiguard_options_set(&opts, key, value, &err) < 0) {
			status = usage_error(err, NULL);
			free(err);
			goto out;
		}
	}
	if (edges && opts.format == FFIGUARD_FORMAT_SARIF) {
		status = usage_error("'edges' writes text or json; sarif is for 'check'", NULL);
		goto out;
	}
	if (n_inputs == 0) {
		status = usage_error("no input files", NULL);
		goto out;
	}
	status = run_isolated(edges, &opts, inputs, n_inputs);
out:
	free(inputs);
	ffiguard_options_release(&opts);
	return status;
}
