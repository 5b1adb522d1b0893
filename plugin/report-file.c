/* Writing a report to a file so that it is never lost or half-written: into a temporary file in
 * the target's directory, flushed to disk, then renamed over the target. What goes in is the
 * writers' business; this file only makes the replacement atomic. */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int ffiguard_report_write_file(const struct ffiguard_report *r, const char *path,
			       enum ffiguard_format format, bool edges, char **err)
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
	/* mkstemp makes it 0600; a report is as readable as any file the user creates. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	FILE *out = fdopen(fd, "w");
	int e = 0;
	if (!out) {
		e = errno;
		close(fd);
	} else {
		int rc = edges ? ffiguard_edges_write(out, r, format, false)
			       : ffiguard_report_write(out, r, format, false);
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
