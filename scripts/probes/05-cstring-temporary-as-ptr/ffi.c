/* A windowing library: the title is copied into the window (strncpy), so it is read at once. */
#include <string.h>

static char titles[4][64];

int win_set_title(int w, const char *title)
{
	strncpy(titles[w & 3], title, 63);
	return (int)strlen(titles[w & 3]);
}
