/* C caller: no config when the environment says so; Rust accepts NULL (Option<&Config>). */
#include <stddef.h>
#include <stdlib.h>

typedef struct Config Config;
Config *config_default(void);
unsigned config_jobs(const Config *c);
void config_free(Config *c);

unsigned jobs(void)
{
	Config *c = getenv("NO_CONFIG") ? NULL : config_default();
	unsigned j = config_jobs(c);
	config_free(c);
	return j;
}
