/* LMDB's file name: mdb_fname_init keeps the caller's path, or a malloc'ed copy with a suffix,
 * and says which in mn_alloced; mdb_fname_destroy frees only the copy. */
#include <stdlib.h>
#include <string.h>

struct name {
	int len;
	int alloced;
	char *val;
};

static int name_init(const char *path, int nosubdir, struct name *n)
{
	n->alloced = 0;
	n->len = (int)strlen(path);
	if (nosubdir) {
		n->val = (char *)path;
		return 0;
	}
	n->val = malloc((size_t)n->len + 10);
	if (!n->val)
		return 12;
	n->alloced = 1;
	strcpy(n->val, path);
	strcat(n->val, "/data.mdb");
	return 0;
}

int env_open(const char *path, int nosubdir)
{
	struct name n;
	int rc = name_init(path, nosubdir, &n);
	if (rc)
		return rc;
	rc = n.val[0] == '/' ? 0 : 2;
	if (n.alloced)
		free(n.val);
	return rc;
}

int open_dir(int nosubdir);

int main(int argc, char **argv)
{
	(void)argv;
	return open_dir(argc > 1);
}
