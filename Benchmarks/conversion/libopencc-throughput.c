// Throughput of Debian's libopencc (OpenCC 1.1) on a UTF-8 file, for comparison with
// DocSift's own converter (ScriptConverter). Built and run by Benchmarks/conversion/run.sh.
//   libopencc-throughput CONFIG FILE REPEATS   → prints "MB/s seconds bytes"
#include <opencc/opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s CONFIG FILE REPEATS\n", argv[0]); return 2; }
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 1; }
    text[size] = 0;
    fclose(f);
    opencc_t od = opencc_open(argv[1]);
    if (od == (opencc_t)-1) { fprintf(stderr, "opencc_open(%s): %s\n", argv[1], opencc_error()); return 1; }
    int repeats = atoi(argv[3]);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    size_t out = 0;
    for (int r = 0; r < repeats; r++) {
        // One call per line, as a labeler would call it per document.
        char *line = text;
        while (*line) {
            char *end = strchr(line, '\n');
            size_t length = end ? (size_t)(end - line) : strlen(line);
            char *converted = opencc_convert_utf8(od, line, length);
            out += strlen(converted);
            opencc_convert_utf8_free(converted);
            line += length + (end ? 1 : 0);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.1f %.3f %zu\n", (double)size * repeats / seconds / 1e6, seconds, out);
    opencc_close(od);
    return 0;
}
