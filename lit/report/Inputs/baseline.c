/* A C client with an old bug (in the baseline), built as it is, with every line moved down
 * (the test prepends lines), and with a new bug besides (NEW_BUG). */
#include <stdlib.h>

struct widget;
struct widget *widget_new(void);
void widget_free(struct widget *w);

void old_bug(void) { free(widget_new()); }
#ifdef NEW_BUG
void new_bug(void) { struct widget *w = widget_new(); free(w); }
#endif
void fine(void) { widget_free(widget_new()); }
#ifdef MAIN
int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		old_bug();
#ifdef NEW_BUG
	if (argc > 2)
		new_bug();
#endif
	fine();
	return 0;
}
#endif
