/* An sqlite3_exec-like API: on failure *errmsg gets a malloc'd message, freed with db_free. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void db_free(char *p) { free(p); }

int db_exec(int db, const char *sql, char **errmsg)
{
	if (errmsg)
		*errmsg = NULL;
	if (strncmp(sql, "SELECT", 6) == 0)
		return 0;
	if (errmsg) {
		char *m = malloc(64);
		if (m)
			snprintf(m, 64, "db %d: cannot run '%.20s'", db, sql);
		*errmsg = m;
	}
	return 1;
}
