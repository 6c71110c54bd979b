/*
 * docsift.h — the C interface of DocSift (libDocSiftC.so): topic labels and extractive
 * summaries for Chinese news, from any language that can call C.
 *
 * Build:  swift build -c release --product DocSiftC   →  .build/release/libDocSiftC.so
 * Link:   cc app.c -I Sources/CDocSift/include -L .build/release -lDocSiftC
 *
 * Conventions
 * - Texts are UTF-8 given as (pointer, length in bytes); they need no terminating NUL and may
 *   contain NUL. A NULL title means "no title". Paths are NUL-terminated UTF-8.
 * - Every call that can fail returns a docsift_status; on failure it stores a one-line
 *   message in *out_error (when out_error is not NULL) that names what was wrong and what
 *   to do. Strings the library returns (results and messages) are owned by the caller and
 *   released with docsift_free. No call aborts the process on bad input: NULL pointers,
 *   invalid UTF-8 and empty documents are reported as errors.
 * - A docsift_model is immutable once opened and may be used from many threads at once.
 *   docsift_close must not run while another thread still uses the same model.
 */
#ifndef DOCSIFT_H
#define DOCSIFT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this interface; docsift_abi_version() returns the one the library implements. */
#define DOCSIFT_ABI_VERSION 1

/* The outcome of a call. */
typedef enum docsift_status {
    DOCSIFT_OK = 0,
    DOCSIFT_ERROR_NULL_ARGUMENT = 1,     /* a required pointer was NULL */
    DOCSIFT_ERROR_INVALID_UTF8 = 2,      /* a text, title or path is not valid UTF-8 */
    DOCSIFT_ERROR_EMPTY_DOCUMENT = 3,    /* the text has no visible character (empty, white space, invisible marks) */
    DOCSIFT_ERROR_INVALID_ARGUMENT = 4,  /* e.g. a negative summary length */
    DOCSIFT_ERROR_MODEL = 5,             /* the model or IDF file is missing, unreadable or corrupt */
    DOCSIFT_ERROR_INTERNAL = 6           /* memory ran out or the result could not be encoded */
} docsift_status;

/* An opened topic model with its summarizer (opaque). */
typedef struct docsift_model docsift_model;

/* "docsift <library version> (abi <N>)"; a static string, never freed. */
const char *docsift_version(void);

/* DOCSIFT_ABI_VERSION of the loaded library (compare with the header's to detect a mismatch). */
int32_t docsift_abi_version(void);

/*
 * Opens a topic model and the background IDF statistics for summaries.
 * model_path: a .dsmodel file written by `docsift train`, or NULL for the default model
 *             built into the library (DOCSIFT_MODEL, when set, names another file).
 * idf_path:   an IDF file written by `docsift build-idf`, or NULL for the built-in default
 *             (DOCSIFT_IDF, when set, names another file).
 * On success *out_model holds the model (release it with docsift_close).
 * Opening sets BLAS to one thread: callers run documents in parallel, as the CLI does.
 */
docsift_status docsift_open(const char *model_path, const char *idf_path,
                            docsift_model **out_model, char **out_error);

/* Releases a model (NULL is ignored). */
void docsift_close(docsift_model *model);

/*
 * Labels one document. On success *out_json holds one JSON object with the fields of a
 * `docsift label` JSONL record except "id":
 *   {"label": "...", "confidence": p, "scores": {"<topic>": p, ...}, "secondary": ["...", ...]}
 * with_summary != 0 adds "summary", "sentences" and "keywords" as `docsift label --summary`
 * does (default budget). Scores are rounded to six decimals like the CLI's.
 */
docsift_status docsift_label(const docsift_model *model,
                             const char *text, size_t text_length,
                             const char *title, size_t title_length,
                             int32_t with_summary,
                             char **out_json, char **out_error);

/*
 * Summarizes one document. max_chars from 1 to 1000000 is the budget in characters (the
 * range of `docsift summarize --max-chars`); 0 uses the default budget of `docsift summarize`;
 * anything else is DOCSIFT_ERROR_INVALID_ARGUMENT.
 * On success *out_json holds {"summary": "...", "sentences": [i, ...], "keywords": ["...", ...]},
 * the fields of a `docsift summarize` record except "id".
 */
docsift_status docsift_summarize(const docsift_model *model,
                                 const char *text, size_t text_length,
                                 const char *title, size_t title_length,
                                 int32_t max_chars,
                                 char **out_json, char **out_error);

/* Releases a string returned by this library (NULL is ignored). */
void docsift_free(char *string);

#ifdef __cplusplus
}
#endif

#endif /* DOCSIFT_H */
