#include "png_bridge.h"
