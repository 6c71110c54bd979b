// The shipped model files, compiled in with C23 `#embed`: the bytes are read from Models/ at
// build time (clang lists them in the dependency file, so a changed model file rebuilds this),
// and a program that links DocSift needs no file beside it.
#include "docsift_models.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char topic_model[] = {
#embed "../../Models/default-topics.dsmodel"
};

static const unsigned char news_idf[] = {
#embed "../../Models/news-idf.bin"
};

static const unsigned char profiles[] = {
#embed "../../Models/profiles.json"
};

const unsigned char *docsift_embedded_bytes(docsift_embedded_file file, size_t *count) {
    switch (file) {
    case DOCSIFT_EMBEDDED_TOPIC_MODEL: *count = sizeof topic_model; return topic_model;
    case DOCSIFT_EMBEDDED_NEWS_IDF: *count = sizeof news_idf; return news_idf;
    case DOCSIFT_EMBEDDED_PROFILES: *count = sizeof profiles; return profiles;
    }
    *count = 0;
    return NULL;
}
