#include <zlib.h>
#include "png_bridge_common.h"

void png_bridge_set_message(png_bridge_error *error, const char *message) {
    if (error == NULL) return;
    snprintf(error->message, sizeof error->message, "%s", message ? message : "unknown error");
}

void png_bridge_error_fn(png_structp png, png_const_charp message) {
    png_bridge_context *context = (png_bridge_context *)png_get_error_ptr(png);
    if (context != NULL) {
        png_bridge_set_message(context->error, message);
        // libpng formats chunk errors as "IDAT: CRC error".
        if (context->status == PNG_BRIDGE_OK && message != NULL && strstr(message, "CRC error") != NULL) {
            context->status = PNG_BRIDGE_CRC_MISMATCH;
            if (context->error != NULL && strlen(message) >= 4 && message[4] == ':') {
                memcpy(context->error->chunk, message, 4);
                context->error->chunk[4] = 0;
            }
        }
        if (context->status == PNG_BRIDGE_OK) {
            context->status = strstr(message ? message : "", "out of memory") || strstr(message ? message : "", "Out of memory")
                ? PNG_BRIDGE_OUT_OF_MEMORY : PNG_BRIDGE_LIBPNG_ERROR;
        }
    }
    png_longjmp(png, 1);
}

void png_bridge_warning_fn(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

