#ifndef DOCSIFT_MODELS_H
#define DOCSIFT_MODELS_H

#include <stddef.h>

/// The shipped files of `Models/`, compiled into the library byte for byte.
typedef enum {
    DOCSIFT_EMBEDDED_TOPIC_MODEL = 0,  ///< Models/default-topics.dsmodel
    DOCSIFT_EMBEDDED_NEWS_IDF = 1,     ///< Models/news-idf.bin
    DOCSIFT_EMBEDDED_PROFILES = 2,     ///< Models/profiles.json
} docsift_embedded_file;

/// The bytes of one embedded file and, in `*count`, their number; NULL and 0 for an unknown file.
const unsigned char *docsift_embedded_bytes(docsift_embedded_file file, size_t *count);

#endif
