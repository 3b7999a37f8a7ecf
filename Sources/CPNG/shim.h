// libpng 1.6. Swift never calls the longjmp-prone API directly: see CPNGBridge.
#include <png.h>
