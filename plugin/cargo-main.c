/* cargo ffiguard: builds a Cargo project the way the analysis needs it and runs `ffiguard check`
 * on what it linked. Cargo finds this executable on PATH as the `ffiguard` subcommand.
 *
 * The build goes into its own target directory (target/ffiguard), for the host triple given
 * with --target so that build scripts and proc-macros are built as usual, with everything the
 * recipe needs set: clang-22/clang++-22 and -flto=full for the `cc` crate (which otherwise picks
 * gcc, or ThinLTO with clang), llvm-ar-22, fat LTO and line tables for the chosen profile, lld 22
 * keeping each link's merged module (--save-temps). The analysis then reads those modules, one
 * program per linked executable, in one report: changing its options re-runs it without any
 * rebuild. */
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define LLVM_BIN "/usr/lib/llvm-22/bin"

static const char usage_text[] =
    "usage: cargo ffiguard [check] [--release | --profile NAME] [-p PKG]...\n"
    "                      [--format=text|json|sarif] [--output=FILE]\n"
    "                      [--fail-on=error|warning|never] [--rules=GLOBS]\n"
    "                      [--suppressions=FILE] [--baseline=REPORT] [--write-baseline=FILE]\n"
    "                      [--dependencies=note|report] [-- CARGO-BUILD-ARGS...]\n"
    "\n"
    "Builds the project in target/ffiguard with clang-22 and fat LTO for C, C++ and Rust, and\n"
    "analyses each linked executable's merged module (ffiguard check --separately). Exit\n"
    "status as ffiguard check: 0 clean, 1 findings at or above --fail-on, 2 trouble (the\n"
    "build failed, nothing was linked).\n";

__attribute__((format(printf, 1, 2))) static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("cargo-ffiguard: error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 2;
}

/* Whether a compiler-artifact message is of a test build (its profile says so). */
static bool test_profile(const char *line)
{
	const char *p = strstr(line, "\"profile\":{");
	const char *end = p ? strchr(p, '}') : NULL;
	const char *t = p ? strstr(p, "\"test\":true") : NULL;
	return t && t < end;
}

/* The first line a command prints that starts with `prefix`, after it; NULL if none. */
static char *command_line(const char *cmd, const char *prefix)
{
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	char *line = NULL, *found = NULL;
	size_t cap = 0;
	while (!found && getline(&line, &cap, p) > 0) {
		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			found = strdup(line + strlen(prefix));
			found[strcspn(found, "\r\n")] = '\0';
		}
	}
	free(line);
	pclose(p);
	return found;
}

/* The string value of `"key":"..."` in a line of Cargo's JSON messages (no escapes in paths
 * Cargo writes for Unix targets); NULL if absent or null. */
static char *json_value(const char *line, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	const char *at = strstr(line, pat);
	if (!at)
		return NULL;
	at += strlen(pat);
	return strndup(at, strcspn(at, "\""));
}

static void append_env(const char *name, const char *value)
{
	const char *old = getenv(name);
	char *v = NULL;
	if (asprintf(&v, "%s%s%s", old && *old ? old : "", old && *old ? " " : "", value) < 0)
		exit(fail("%s", "out of memory"));
	setenv(name, v, 1);
	free(v);
}

/* CARGO_PROFILE_<NAME>_<KEY>: Cargo's environment name of a profile setting. */
static void set_profile(const char *profile, const char *key, const char *value)
{
	char name[256];
	int n = snprintf(name, sizeof(name), "CARGO_PROFILE_%s_%s", profile, key);
	for (int i = 0; i < n; i++)
		name[i] = name[i] == '-' ? '_' : (char)toupper((unsigned char)name[i]);
	setenv(name, value, 1);
}

/* The merged module lld kept for executable `exe` (target/ffiguard/HOST/PROFILE/NAME): the
 * newest deps/NAME-HASH.0.0.preopt.bc, NAME with '-' as '_' as rustc spells it. */
static char *preopt_of(const char *exe)
{
	char *copy = strdup(exe), *copy2 = strdup(exe);
	char *dir = dirname(copy), *name = basename(copy2);
	for (char *c = name; *c; c++)
		*c = *c == '-' ? '_' : *c;
	char *pattern = NULL, *best = NULL;
	time_t best_time = 0;
	if (asprintf(&pattern, "%s/deps/%s-*.0.0.preopt.bc", dir, name) >= 0) {
		glob_t g;
		if (glob(pattern, 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc; i++) {
				struct stat st;
				if (stat(g.gl_pathv[i], &st) == 0 &&
				    (!best || st.st_mtime >= best_time)) {
					free(best);
					best = strdup(g.gl_pathv[i]);
					best_time = st.st_mtime;
				}
			}
			globfree(&g);
		}
	}
	free(pattern);
	free(copy);
	free(copy2);
	return best;
}

/* The `ffiguard` next to this executable (installed together, or both in the build tree). */
static char *ffiguard_path(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return strdup("ffiguard");
	self[n] = '\0';
	char *path = NULL;
	if (asprintf(&path, "%s/ffiguard", dirname(self)) < 0)
		return strdup("ffiguard");
	return path;
}

int main(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "ffiguard") == 0)
		i++; /* as `cargo ffiguard ...` runs it */
	if (i < argc && strcmp(argv[i], "check") == 0)
		i++;
	const char *profile = "dev";
	char **cargo_args = calloc((size_t)argc + 16, sizeof(*cargo_args));
	char **check_args = calloc((size_t)argc + 8, sizeof(*check_args));
	size_t n_cargo = 0, n_check = 0;
	static const char *const passed[] = {
	    "--format",   "--output",         "--fail-on",      "--rules", "--suppressions",
	    "--baseline", "--write-baseline", "--dependencies", "--color", NULL};
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				cargo_args[n_cargo++] = argv[i];
			break;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_text, stdout);
			return 0;
		}
		if (strcmp(a, "--release") == 0) {
			profile = "release";
			continue;
		}
		if (strcmp(a, "--profile") == 0 || strcmp(a, "-p") == 0 ||
		    strcmp(a, "--package") == 0) {
			if (i + 1 >= argc)
				return fail("missing value for %s", a);
			if (a[2] == 'r')
				profile = argv[++i];
			else
				cargo_args[n_cargo++] = (char *)a,
				cargo_args[n_cargo++] = argv[++i];
			continue;
		}
		if (strncmp(a, "--profile=", 10) == 0) {
			profile = a + 10;
			continue;
		}
		bool known = false;
		for (size_t k = 0; passed[k] && !known; k++) {
			size_t len = strlen(passed[k]);
			if (strncmp(a, passed[k], len) != 0 || (a[len] != '=' && a[len] != '\0'))
				continue;
			known = true;
			if (a[len] == '=') {
				check_args[n_check++] = (char *)a;
			} else if (i + 1 < argc) {
				char *joined = NULL;
				if (asprintf(&joined, "%s=%s", a, argv[++i]) < 0)
					return fail("%s", "out of memory");
				check_args[n_check++] = joined;
			} else {
				return fail("missing value for %s", a);
			}
		}
		if (!known)
			return fail(
			    "unknown option '%s' (cargo's own go after --; see cargo ffiguard "
			    "--help)",
			    a);
	}

	char *host = command_line("rustc -vV 2>/dev/null", "host: ");
	if (!host)
		return fail("%s", "cannot run 'rustc -vV' to find the host triple");
	char *manifest = command_line("cargo locate-project --workspace --message-format plain "
				      "2>/dev/null",
				      "/");
	if (!manifest)
		return fail("%s", "not in a Cargo project (cargo locate-project found none)");
	char *root = NULL, *target_dir = NULL;
	if (asprintf(&root, "/%s", manifest) < 0 ||
	    asprintf(&target_dir, "%s/target/ffiguard", dirname(root)) < 0)
		return fail("%s", "out of memory");

	/* The recipe, set for the build: C and C++ as LLVM 22 bitcode for one fat-LTO link. */
	setenv("CC", LLVM_BIN "/clang", 1);
	setenv("CXX", LLVM_BIN "/clang++", 1);
	setenv("AR", LLVM_BIN "/llvm-ar", 1);
	append_env("CFLAGS", "-flto=full");
	append_env("CXXFLAGS", "-flto=full");
	unsetenv("CARGO_ENCODED_RUSTFLAGS");
	append_env("RUSTFLAGS", "-Clinker-plugin-lto -Clinker=" LLVM_BIN "/clang "
				"-Clink-arg=-fuse-ld=lld -Clink-arg=--ld-path=" LLVM_BIN "/ld.lld "
				"-Clink-arg=-Wl,--save-temps");
	set_profile(profile, "LTO", "fat");
	/* Line tables point findings at lines. At -O0, where rustc marks no parameter nonnull,
	 * noalias or readonly, the reference rules read Rust's reference types from the debug
	 * info, which only full debug info has (Cargo's own default for these profiles). */
	bool unoptimized = strcmp(profile, "dev") == 0 || strcmp(profile, "test") == 0;
	set_profile(profile, "DEBUG", unoptimized ? "full" : "line-tables-only");

	/* cargo build, its JSON messages read from a pipe; its own messages go to stderr. */
	char **build_argv = calloc(16 + (size_t)argc, sizeof(*build_argv));
	size_t nb = 0;
	static char *const fixed[] = {"cargo", "build", "--message-format=json-render-diagnostics",
				      "--target"};
	for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
		build_argv[nb++] = fixed[k];
	build_argv[nb++] = host;
	build_argv[nb++] = "--target-dir";
	build_argv[nb++] = target_dir;
	build_argv[nb++] = "--profile";
	build_argv[nb++] = (char *)profile;
	for (size_t k = 0; k < n_cargo; k++)
		build_argv[nb++] = cargo_args[k];
	build_argv[nb] = NULL;
	int fds[2];
	if (pipe(fds) < 0)
		return fail("cannot run cargo: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0)
		return fail("cannot run cargo: %s", strerror(errno));
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp("cargo", build_argv);
		fprintf(stderr, "cargo-ffiguard: error: cannot run cargo: %s\n", strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	FILE *build = fdopen(fds[0], "r");
	char **exes = NULL;
	size_t n_exes = 0;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, build) > 0) {
		if (!strstr(line, "\"reason\":\"compiler-artifact\""))
			continue;
		char *exe = json_value(line, "executable");
		if (exe && !test_profile(line)) {
			exes = realloc(exes, (n_exes + 1) * sizeof(*exes));
			exes[n_exes++] = exe;
		} else {
			free(exe);
		}
	}
	free(line);
	fclose(build);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return fail("%s", "the build failed (cargo's messages above)");

	char *ffiguard = ffiguard_path();
	char **args = calloc(n_check + n_exes + 4, sizeof(*args));
	size_t n_args = 0;
	args[n_args++] = ffiguard;
	args[n_args++] = "check";
	args[n_args++] = "--separately";
	for (size_t k = 0; k < n_check; k++)
		args[n_args++] = check_args[k];
	size_t n_modules = 0;
	for (size_t k = 0; k < n_exes; k++) {
		char *m = preopt_of(exes[k]);
		if (!m) {
			fprintf(
			    stderr,
			    "cargo-ffiguard: warning: %s: no merged module kept by its link (not "
			    "linked by lld with -Clinker-plugin-lto?); not analysed\n",
			    exes[k]);
			continue;
		}
		args[n_args++] = m;
		n_modules++;
	}
	if (!n_modules)
		return fail("%s", "nothing was linked that the analysis can read (no executable)");
	execv(ffiguard, args);
	return fail("cannot run %s", ffiguard);
}
