// The few CBLAS and LAPACK entry points DocSift uses, declared here instead of
// including cblas.h / lapacke.h: Debian's OpenBLAS and reference netlib headers
// disagree on type names, while the symbols and their ABI are the same. Enum
// arguments are plain ints (CblasRowMajor = 101, CblasNoTrans = 111, ...).
#ifndef DOCSIFT_CBLASLAPACK_SHIM_H
#define DOCSIFT_CBLASLAPACK_SHIM_H

#include <stddef.h>

enum {
    DocSiftCblasRowMajor = 101,
    DocSiftCblasColMajor = 102,
    DocSiftCblasNoTrans = 111,
    DocSiftCblasTrans = 112,
    DocSiftCblasUpper = 121,
    DocSiftCblasLower = 122
};

float cblas_sdot(int n, const float *x, int incx, const float *y, int incy);
void cblas_saxpy(int n, float alpha, const float *x, int incx, float *y, int incy);
void cblas_sscal(int n, float alpha, float *x, int incx);
float cblas_snrm2(int n, const float *x, int incx);
void cblas_sgemv(int layout, int trans, int m, int n, float alpha, const float *a, int lda,
                 const float *x, int incx, float beta, float *y, int incy);
void cblas_sgemm(int layout, int transA, int transB, int m, int n, int k, float alpha,
                 const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);
void cblas_ssyrk(int layout, int uplo, int trans, int n, int k, float alpha,
                 const float *a, int lda, float beta, float *c, int ldc);

// LAPACK (Fortran ABI): every argument by pointer; each character argument adds a
// hidden trailing length argument.
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
             float *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobzLength, size_t uploLength);
void sposv_(const char *uplo, const int *n, const int *nrhs, float *a, const int *lda,
            float *b, const int *ldb, int *info, size_t uploLength);
void strtri_(const char *uplo, const char *diag, const int *n, float *a, const int *lda, int *info,
             size_t uploLength, size_t diagLength);

#endif
