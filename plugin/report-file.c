/* Writing a file (a report, a facts file) so that it is never lost or half-written: into a
 * temporary file in the target's directory, flushed to disk, then renamed over the target. What
 * goes in is the writers' business; this file only makes the replacement atomic. */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int file_write_atomic(const char *path, int (*fill)(FILE *out, void *data), void *data, char **err)
{
	*err = NULL;
	/* The temporary file lives beside the target: rename is atomic only within a file
	 * system. */
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		*err = xasprintf("%s: cannot write: %s", path, strerror(e));
		free(tmp);
		return -e;
	}
	/* mkstemp makes it 0600; a file written here is as readable as any the user creates. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	FILE *out = fdopen(fd, "w");
	int e = 0;
	if (!out) {
		e = errno;
		close(fd);
	} else {
		int rc = fill(out, data);
		if (rc < 0 || fflush(out) != 0 || fsync(fileno(out)) != 0)
			e = errno ? errno : EIO;
		if (fclose(out) != 0 && !e)
			e = errno ? errno : EIO;
	}
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e) {
		unlink(tmp);
		*err = xasprintf("%s: cannot write: %s", path, strerror(e));
	}
	free(tmp);
	return -e;
}

struct report_out {
	const struct ffiguard_report *r;
	enum ffiguard_format format;
	bool edges;
};

static int fill_report(FILE *out, void *data)
{
	const struct report_out *ro = data;
	return ro->edges ? ffiguard_edges_write(out, ro->r, ro->format, false)
			 : ffiguard_report_write(out, ro->r, ro->format, false);
}

int ffiguard_report_write_file(const struct ffiguard_report *r, const char *path,
			       enum ffiguard_format format, bool edges, char **err)
{
	struct report_out ro = {r, format, edges};
	return file_write_atomic(path, fill_report, &ro, err);
}
