/* The ffiguard command: argument parsing and dispatch for `check` and `edges`.
 * Loading, analysis and writing live in the core; this file decides exit codes and streams. */
#include "config.h"
#include "ffiguard/ffiguard.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <llvm-c/Core.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* LeakSanitizer, when the build has it: the child leaves with _exit, which skips its check. */
void __lsan_do_leak_check(void) __attribute__((weak));

static void leak_check(void)
{
	if (__lsan_do_leak_check)
		__lsan_do_leak_check();
}

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

enum command { CMD_CHECK, CMD_EDGES, CMD_FACTS, CMD_JOIN };

static const char usage_text[] =
    "usage: ffiguard check [--format=text|json|sarif] [--output=FILE]\n"
    "                      [--fail-on=error|warning|never] [--rules=GLOB,-GLOB...]\n"
    "                      [--suppressions=FILE] [--baseline=REPORT]\n"
    "                      [--write-baseline=FILE] [--dependencies=note|report]\n"
    "                      [--color=auto|always|never] [--separately] [--quiet]\n"
    "                      [--verbose] [--memory-limit=SIZE] INPUT...\n"
    "       ffiguard edges [--format=text|json] [--output=FILE] [--color=...] INPUT...\n"
    "       ffiguard facts --output=FILE INPUT...\n"
    "       ffiguard join [the options of check] FACTS...|DIR...\n"
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
    "'#' starts a comment.\n"
    "\n"
    "Baseline: --write-baseline=FILE writes this run's findings as a JSON report; with\n"
    "--baseline=REPORT (such a file, or any JSON or SARIF report of ffiguard) the findings it\n"
    "holds are counted apart and only new ones count for --fail-on (and are shown as text).\n"
    "Findings are matched by fingerprints that survive line moves.\n"
    "\n"
    "A finding whose every location is in a dependency's source (Cargo's registry or git\n"
    "checkouts, shown as 'registry: CRATE-VERSION/PATH') is a note unless\n"
    "--dependencies=report.\n"
    "\n"
    "--separately analyses each INPUT as a program of its own (the modules of several\n"
    "links, as cargo ffiguard collects them) and writes one report of them all.\n"
    "\n"
    "Facts (ThinLTO and distributed builds): 'facts' writes what its inputs, linked,\n"
    "contribute to a program (a facts file, .ffacts); a ThinLTO link with the plugin and\n"
    "FFIGUARD_OPTIONS=facts-dir=DIR writes one per backend module into DIR. 'join' reports\n"
    "on the whole program from facts files (or directories of them) as 'check' does.\n"
    "\n"
    "Inputs are read in a child process limited to --memory-limit bytes of address space\n"
    "(K, M, G suffixes; 0 for no limit; default three quarters of the machine's memory);\n"
    "--verbose also shows what LLVM printed while reading them.\n";

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

/* Where ffiguard's own messages go: standard error, except in the loader child, whose standard
 * error is a pipe that catches LLVM's output; there, a copy of the original stream, so that the
 * messages keep their order with the report on standard output. */
static FILE *diag;

static void on_diagnostic(LLVMDiagnosticInfoRef info, void *opaque)
{
	/* Outside the loader LLVM only speaks up about problems in our own use of it. */
	char *msg = LLVMGetDiagInfoDescription(info);
	if (LLVMGetDiagInfoSeverity(info) == LLVMDSError)
		fprintf(diag, "ffiguard: error: %s\n", msg);
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

/* Links `inputs` into one module in a new context (*ctx, which the caller disposes), saying the
 * loader's notes and, on failure, its error on `diag`; 0 or < 0. Past it, a crash is ours. */
static int load_program(const struct ffiguard_options *opts, const char *const *inputs,
			size_t n_inputs, int progress_fd, LLVMContextRef *ctx,
			LLVMModuleRef *module)
{
	char *err = NULL, *notes = NULL;
	*module = NULL;
	*ctx = LLVMContextCreate();
	LLVMContextSetDiagnosticHandler(*ctx, on_diagnostic, NULL);
	int rc = ffiguard_load_inputs(*ctx, inputs, n_inputs, report_progress, &progress_fd, module,
				      &notes, &err);
	if (notes && !opts->quiet)
		for (char *line = strtok(notes, "\n"); line; line = strtok(NULL, "\n"))
			fprintf(diag, "ffiguard: note: %s\n", line);
	if (rc < 0)
		fprintf(diag, "ffiguard: error: %s\n", err);
	else
		report_progress("", &progress_fd); /* past the inputs: a crash now is ours */
	free(err);
	free(notes);
	return rc;
}

static void dispose_program(LLVMContextRef ctx, LLVMModuleRef module)
{
	if (module)
		LLVMDisposeModule(module);
	LLVMContextDispose(ctx);
}

/* Links `inputs` into one program and adds its analysis to `report`; 0, or -1 said on `diag`. */
static int analyse_program(const struct ffiguard_options *opts, const char *const *inputs,
			   size_t n_inputs, int progress_fd, struct ffiguard_report *report)
{
	LLVMContextRef ctx;
	LLVMModuleRef module;
	int rc = load_program(opts, inputs, n_inputs, progress_fd, &ctx, &module);
	if (rc == 0) {
		char *err = NULL;
		struct ffiguard_report *part = ffiguard_report_new();
		for (size_t i = 0; i < n_inputs; i++)
			ffiguard_report_add_input(part, inputs[i]);
		rc = ffiguard_analyze_in_place(module, part, &err);
		if (rc < 0)
			fprintf(diag, "ffiguard: error: internal: %s\n", err);
		else
			ffiguard_report_merge(report, part);
		/* Of a linked program (cargo ffiguard), the blind spot a build most often leaves:
		 * C or C++ that is not LLVM 22 bitcode (gcc, ThinLTO objects, a prebuilt library)
		 * links, but is not seen. */
		if (rc == 0 && opts->separately && !ffiguard_report_edge_count(part) &&
		    !opts->quiet)
			fprintf(
			    diag,
			    "ffiguard: note: %s: no call crosses between Rust and C/C++; C or C++ "
			    "in this program that was not compiled to LLVM 22 bitcode with "
			    "clang-22 -flto=full is not analysed\n",
			    inputs[0]);
		ffiguard_report_free(part);
		free(err);
	}
	dispose_program(ctx, module);
	return rc < 0 ? -1 : 0;
}

/* ffiguard facts: the inputs, linked, written as one facts file. */
static int write_facts(const struct ffiguard_options *opts, const char *const *inputs,
		       size_t n_inputs, int progress_fd)
{
	LLVMContextRef ctx;
	LLVMModuleRef module;
	int rc = load_program(opts, inputs, n_inputs, progress_fd, &ctx, &module);
	if (rc == 0) {
		char *err = NULL;
		rc = ffiguard_facts_write(module, opts->output, &err);
		if (rc < 0)
			fprintf(diag, "ffiguard: error: %s\n", err);
		free(err);
	}
	dispose_program(ctx, module);
	return rc < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
}

static int run(enum command cmd, struct ffiguard_options *opts, const char *const *inputs,
	       size_t n_inputs, int progress_fd)
{
	if (cmd == CMD_FACTS)
		return write_facts(opts, inputs, n_inputs, progress_fd);
	bool edges = cmd == CMD_EDGES;
	int status = EXIT_TROUBLE, rc;
	char *err = NULL;
	struct ffiguard_report *report = ffiguard_report_new();
	FILE *out = stdout;

	/* Each input its own program (the links of a workspace's binaries), or all one. */
	for (size_t i = 0; i < (opts->separately ? n_inputs : 1); i++)
		if (analyse_program(opts, opts->separately ? inputs + i : inputs,
				    opts->separately ? 1 : n_inputs, progress_fd, report) < 0)
			goto out;
	ffiguard_report_finish(report);
	if (!edges) {
		if (ffiguard_report_filter(report, opts->rules, opts->suppressions, &err) < 0) {
			fprintf(diag, "ffiguard: error: %s\n", err);
			goto out;
		}
		if (!opts->report_dependencies)
			ffiguard_report_demote_dependencies(report);
		ffiguard_report_finish(report);
		if (ffiguard_report_baseline(report, opts->baseline, opts->write_baseline, &err) <
		    0) {
			fprintf(diag, "ffiguard: error: %s\n", err);
			goto out;
		}
	}
	if (opts->output) {
		if (ffiguard_report_write_file(report, opts->output, opts->format, edges, &err) <
		    0) {
			fprintf(diag, "ffiguard: error: %s\n", err);
			goto out;
		}
	} else {
		bool color = want_color(opts, out);
		rc = edges ? ffiguard_edges_write(out, report, opts->format, color)
			   : ffiguard_report_write(out, report, opts->format, color);
		if (fflush(out) != 0 || rc < 0) {
			fprintf(diag, "ffiguard: error: standard output: write failed: %s\n",
				strerror(errno));
			goto out;
		}
	}
	status = !edges && fails(ffiguard_report_summary(report), opts->fail_on) ? EXIT_FINDINGS
										 : EXIT_CLEAN;
out:
	free(err);
	ffiguard_report_free(report);
	return status;
}

/* How the loader child is run: its memory limit (bytes, 0 for none) and whether all of LLVM's
 * output is shown. */
struct child_opts {
	unsigned long long memory_limit;
	bool verbose;
};

/* Lines LLVM prints around a crash that say nothing about the input. */
static bool meaningful(const char *line)
{
	static const char *const noise[] = {
	    "Stack dump", "PLEASE ", "Program arguments", "#",
	    "0.\t",       "1.\t",    "Running pass",      "Allocation failed"};
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line)
		return false;
	for (size_t i = 0; i < sizeof(noise) / sizeof(noise[0]); i++)
		if (strncmp(line, noise[i], strlen(noise[i])) == 0)
			return false;
	return true;
}

/* One line of the child's standard error: ffiguard's own lines pass at once (a note on the
 * inputs comes before the results), LLVM's only with --verbose; LLVM's are kept for the reason. */
static void child_line(char *line, bool verbose, struct buf *llvm)
{
	if (strncmp(line, "ffiguard: ", 10) == 0 || verbose) {
		fprintf(stderr, "%s\n", line);
		fflush(stderr);
	}
	if (strncmp(line, "ffiguard: ", 10) != 0) {
		buf_puts(llvm, line);
		buf_putc(llvm, '\n');
	}
}

/* Reads the child's two pipes to their end: the progress lines (keeping the last complete one:
 * the input being read when it stopped) and its standard error, line by line. */
static void drain(int progress, int errors, char *last, size_t last_size, bool verbose,
		  struct buf *llvm)
{
	struct buf err = {0};
	struct pollfd fds[2] = {{progress, POLLIN, 0}, {errors, POLLIN, 0}};
	char line[4096];
	size_t len = 0;
	char chunk[4096];
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < 2; k++) {
			if (fds[k].fd < 0 || !fds[k].revents)
				continue;
			ssize_t n = read(fds[k].fd, chunk, sizeof(chunk));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(fds[k].fd);
				fds[k].fd = -1;
				continue;
			}
			if (k == 1) {
				buf_append(&err, chunk, (size_t)n);
				char *nl;
				while ((nl = memchr(err.data, '\n', err.len))) {
					*nl = '\0';
					child_line(err.data, verbose, llvm);
					size_t rest = err.len - (size_t)(nl + 1 - err.data);
					memmove(err.data, nl + 1, rest);
					err.len = rest;
					err.data[rest] = '\0';
				}
				continue;
			}
			for (ssize_t i = 0; i < n; i++) {
				if (chunk[i] == '\n') {
					line[len] = '\0';
					snprintf(last, last_size, "%s", line);
					len = 0;
				} else if (len < sizeof(line) - 1) {
					line[len++] = chunk[i];
				}
			}
		}
	}
	if (err.len)
		child_line(err.data, verbose, llvm);
	buf_release(&err);
}

/* LLVM's bitcode reader is not hardened against corrupt input and can crash on it, or print to
 * standard error on its own. Loading and analysis run in a child process with a memory limit,
 * which dies with its parent; the parent passes on ffiguard's own lines and, when the child dies,
 * says in one line which input it was reading and why (LLVM's first meaningful line folded in;
 * everything with --verbose). */
static int run_isolated(enum command cmd, struct ffiguard_options *opts, const char *const *inputs,
			size_t n_inputs, const struct child_opts *co)
{
	int progress[2], errors[2];
	if (pipe(progress) != 0)
		return run(cmd, opts, inputs, n_inputs, -1);
	if (pipe(errors) != 0) {
		close(progress[0]);
		close(progress[1]);
		return run(cmd, opts, inputs, n_inputs, -1);
	}
	fflush(NULL);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(progress[0]);
		close(progress[1]);
		close(errors[0]);
		close(errors[1]);
		return run(cmd, opts, inputs, n_inputs, -1);
	}
	if (pid == 0) {
		/* A CI runner or a subprocess timeout kills the parent: the child goes too. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(EXIT_TROUBLE);
		close(progress[0]);
		close(errors[0]);
		int own = dup(STDERR_FILENO);
		FILE *f = own >= 0 ? fdopen(own, "w") : NULL;
		if (f) {
			setvbuf(f, NULL, _IOLBF, 0);
			diag = f;
		}
		dup2(errors[1], STDERR_FILENO);
		close(errors[1]);
#if !defined(__SANITIZE_ADDRESS__)
		if (co->memory_limit) {
			struct rlimit rl = {co->memory_limit, co->memory_limit};
			setrlimit(RLIMIT_AS, &rl);
		}
#endif
		int status = run(cmd, opts, inputs, n_inputs, progress[1]);
		fflush(NULL);
		leak_check();
		_exit(status);
	}
	close(progress[1]);
	close(errors[1]);
	char last[4096] = "";
	struct buf err = {0};
	drain(progress[0], errors[0], last, sizeof(last), co->verbose, &err);
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			buf_release(&err);
			return EXIT_TROUBLE;
		}
	}
	/* LLVM's lines, folded into the reason the child died for. */
	const char *reason = NULL;
	bool out_of_memory = false;
	for (char *line = err.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strstr(line, "out of memory") || strstr(line, "bad_alloc"))
			out_of_memory = true;
		if (!reason && meaningful(line))
			reason = strncmp(line, "LLVM ERROR: ", 12) == 0 ? line + 12 : line;
	}
	int rc = EXIT_TROUBLE;
	if (WIFEXITED(status)) {
		rc = WEXITSTATUS(status);
	} else {
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		char why[160];
		if (out_of_memory)
			snprintf(why, sizeof(why), "out of memory (limit %llu MiB, --memory-limit)",
				 co->memory_limit >> 20);
		else
			snprintf(why, sizeof(why), "LLVM crashed reading this input (%s)",
				 strsignal(sig));
		if (last[0])
			fprintf(stderr, "ffiguard: error: %s: %s%s%s%s\n", last, why,
				reason && !out_of_memory ? ": " : "",
				reason && !out_of_memory ? reason : "",
				out_of_memory ? ""
					      : "; it is corrupt or from an incompatible producer");
		else
			fprintf(stderr, "ffiguard: error: internal error (%s)%s%s\n",
				out_of_memory ? why : strsignal(sig), reason ? ": " : "",
				reason ? reason : "");
	}
	buf_release(&err);
	return rc;
}

struct names {
	char **v;
	size_t n, cap;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The facts files `join` reads: each argument a facts file, or a directory whose *.ffacts files
 * are taken in name order (a ThinLTO link's facts-dir). Anything else is refused in one line
 * before any is read. The list replaces *inputs; `keep` owns the names made here. */
static int join_inputs(const char ***inputs, size_t *n_inputs, struct names *keep)
{
	const char **out = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < *n_inputs; i++) {
		const char *path = (*inputs)[i];
		DIR *d = opendir(path);
		if (d) {
			size_t first = keep->n;
			for (struct dirent *e; (e = readdir(d));) {
				size_t len = strlen(e->d_name);
				if (len <= 7 || strcmp(e->d_name + len - 7, ".ffacts") != 0)
					continue;
				VEC_RESERVE(keep->v, keep->cap, keep->n + 1);
				keep->v[keep->n++] = xasprintf("%s/%s", path, e->d_name);
			}
			closedir(d);
			if (keep->n == first) {
				free(out);
				fprintf(stderr,
					"ffiguard: error: %s: no facts files (*.ffacts) in this "
					"directory\n",
					path);
				return EXIT_TROUBLE;
			}
			qsort(keep->v + first, keep->n - first, sizeof(*keep->v), by_name);
			for (size_t k = first; k < keep->n; k++) {
				VEC_RESERVE(out, cap, n + 1);
				out[n++] = keep->v[k];
			}
			continue;
		}
		unsigned char head[16];
		FILE *f = fopen(path, "rb");
		size_t got = f ? fread(head, 1, sizeof(head), f) : 0;
		if (f)
			fclose(f);
		if (!f || !ffiguard_facts_is(head, got)) {
			int e = errno;
			free(out);
			fprintf(stderr, "ffiguard: error: %s: %s\n", path,
				f ? "not an ffiguard facts file (write facts with 'ffiguard facts' "
				    "or facts-dir=DIR)"
				  : strerror(e));
			return EXIT_TROUBLE;
		}
		VEC_RESERVE(out, cap, n + 1);
		out[n++] = path;
	}
	free(*inputs);
	*inputs = out ? out : calloc(1, sizeof(*out));
	*n_inputs = n;
	return EXIT_CLEAN;
}

/* "8G", "512M", "1024K", bytes, or 0 for none. */
static bool parse_size(const char *s, unsigned long long *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	unsigned shift = *end == 'K' || *end == 'k'   ? 10
			 : *end == 'M' || *end == 'm' ? 20
			 : *end == 'G' || *end == 'g' ? 30
						      : 0;
	if (shift)
		end++;
	if (*end || (shift && v > (~0ull >> shift)))
		return false;
	*out = v << shift;
	return true;
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
	static const char *const commands[] = {"check", "edges", "facts", "join"};
	enum command cmd = CMD_CHECK;
	while (cmd <= CMD_JOIN && strcmp(argv[1], commands[cmd]) != 0)
		cmd++;
	if (cmd > CMD_JOIN)
		return usage_error("unknown command", argv[1]);
	bool edges = cmd == CMD_EDGES;

	static const char *const check_keys[] = {
	    "format",         "output",       "fail-on", "rules",      "suppressions", "baseline",
	    "write-baseline", "dependencies", "color",   "separately", "quiet",        NULL};
	static const char *const edges_keys[] = {"format", "output", "color", "quiet", NULL};
	static const char *const facts_keys[] = {"output", "quiet", NULL};
	const char *const *keys = edges ? edges_keys : cmd == CMD_FACTS ? facts_keys : check_keys;

	struct ffiguard_options opts;
	diag = stderr;
	/* A write past a file-size limit fails (and the report is left as it was), not the process.
	 */
	signal(SIGXFSZ, SIG_IGN);
	ffiguard_options_init(&opts);
	long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
	struct child_opts co = {
	    .memory_limit = pages > 0 && page > 0 ? (unsigned long long)pages * page / 4 * 3 : 0};
	const char **inputs = calloc((size_t)argc, sizeof(*inputs));
	size_t n_inputs = 0;
	int status = EXIT_TROUBLE;
	bool only_inputs = false;
	struct names joined = {0};

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
		if (strcmp(arg, "--verbose") == 0) {
			co.verbose = true;
			continue;
		}
		if (strncmp(arg, "--memory-limit", 14) == 0 && (arg[14] == '=' || !arg[14])) {
			const char *v = arg[14] == '=' ? arg + 15 : i + 1 < argc ? argv[++i] : "";
			if (!parse_size(v, &co.memory_limit)) {
				status =
				    usage_error("invalid value for --memory-limit (e.g. 8G, 512M, "
						"0 for none)",
						v);
				goto out;
			}
			continue;
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
		if (!value && (strcmp(key, "quiet") == 0 || strcmp(key, "separately") == 0))
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
	if (cmd == CMD_FACTS && !opts.output) {
		status = usage_error("'facts' needs --output=FILE", NULL);
		goto out;
	}
	if (cmd == CMD_JOIN && (status = join_inputs(&inputs, &n_inputs, &joined)) != EXIT_CLEAN)
		goto out;
	status = EXIT_TROUBLE;
	if (n_inputs == 0) {
		status = usage_error("no input files", NULL);
		goto out;
	}
	status = run_isolated(cmd, &opts, inputs, n_inputs, &co);
out:
	for (size_t i = 0; i < joined.n; i++)
		free(joined.v[i]);
	free(joined.v);
	free(inputs);
	ffiguard_options_release(&opts);
	return status;
}
