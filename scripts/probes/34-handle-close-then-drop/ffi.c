/* A database handle: rawdb_close frees it. */
#include <stdlib.h>

struct rawdb { int flags; int queries; };

struct rawdb *rawdb_open(int flags)
{
	struct rawdb *db = calloc(1, sizeof *db);
	if (!db)
		abort();
	db->flags = flags;
	return db;
}

int rawdb_query(struct rawdb *db, int q) { return db->queries++ + q; }

int rawdb_close(struct rawdb *db)
{
	int n = db->queries;
	free(db);
	return n;
}
