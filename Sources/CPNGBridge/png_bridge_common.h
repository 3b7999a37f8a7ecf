// Shared by the bridge's .c files: error capture for libpng's error callback.
#ifndef PNG_BRIDGE_COMMON_H
#define PNG_BRIDGE_COMMON_H

#include <png.h>
#include <string.h>
#include <stdio.h>
#include "png_bridge.h"

/// Per-call context reached from libpng callbacks through the error pointer.
typedef struct png_bridge_context {
    png_bridge_error *error;
    png_bridge_status status;   // set by the callbacks before they jump
} png_bridge_context;

void png_bridge_set_message(png_bridge_error *error, const char *message);

/// libpng error callback: records the message, classifies it, and jumps back to the setjmp
/// of the bridge function that is running (never into Swift).
void png_bridge_error_fn(png_structp png, png_const_charp message);

/// Warnings are not errors; libpng's warnings are dropped.
void png_bridge_warning_fn(png_structp png, png_const_charp message);

#endif
