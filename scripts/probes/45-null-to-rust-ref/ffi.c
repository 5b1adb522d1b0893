/* C caller: no config when the environment says so, and NULL goes straight to Rust. */
#include <stddef.h>
#include <stdlib.h>

typedef struct Config Config;
Config *config_default(void);
unsigned config_jobs(const Config *c);
void config_free(Config *c);

unsigned jobs(void)
{
	Config *c = getenv("NO_CONFIG") ? NULL : config_default();
	unsigned j = config_jobs(c); /* BUG: c may be NULL */
	config_free(c);
	return j;
}
