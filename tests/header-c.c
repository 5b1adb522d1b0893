/* The public header compiles on its own as C. */
#include "ffiguard/ffiguard.h"
