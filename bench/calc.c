/* One visit through the C ABI: santei_calculate_json on libsantei.so, timed with clock_gettime.
 *
 *   calc-c REQUEST_JSON EXPECTED_TOTAL_POINTS N MASTER_FILE...
 *
 * Loads the master files as "2024-06-01/<basename>" through santei_master_files_add, checks the
 * response has the expected totalPoints, then times 5 rounds of N calls (each call: request JSON
 * in, canonical response JSON out, buffer freed) and prints, tab-separated,
 *   c  <µs per visit, median round>  <ms per load, best of 3>
 * Built and run by scripts/bench. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "santei.h"

#define ROUNDS 5
#define LOADS 3

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    fprintf(stderr, "%s: cannot read\n", path);
    exit(2);
  }
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static void check(SanteiStatus s, const char *what) {
  if (s != SANTEI_OK) {
    fprintf(stderr, "%s: status %d: %s\n", what, (int)s, santei_last_error_message());
    exit(1);
  }
}

static SanteiEngine *load(int nfiles, char **paths, uint8_t **bytes, size_t *lens) {
  SanteiMasterFiles *files = NULL;
  check(santei_master_files_new(&files), "santei_master_files_new");
  for (int i = 0; i < nfiles; i++) {
    const char *base = strrchr(paths[i], '/');
    base = base ? base + 1 : paths[i];
    char name[512];
    int n = snprintf(name, sizeof name, "2024-06-01/%s", base);
    check(santei_master_files_add(files, (const uint8_t *)name, (size_t)n, bytes[i], lens[i]),
          "santei_master_files_add");
  }
  SanteiEngine *engine = NULL;
  check(santei_engine_new_from_files(files, &engine), "santei_engine_new_from_files");
  santei_master_files_free(files);
  return engine;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s REQUEST_JSON EXPECTED_TOTAL_POINTS N MASTER_FILE...\n", argv[0]);
    return 2;
  }
  size_t req_len = 0;
  uint8_t *req = read_file(argv[1], &req_len);
  long expected = strtol(argv[2], NULL, 10);
  long n = strtol(argv[3], NULL, 10);
  int nfiles = argc - 4;
  char **paths = argv + 4;
  uint8_t **bytes = calloc((size_t)nfiles, sizeof *bytes);
  size_t *lens = calloc((size_t)nfiles, sizeof *lens);
  if (!bytes || !lens || n <= 0) return 2;
  for (int i = 0; i < nfiles; i++) bytes[i] = read_file(paths[i], &lens[i]);

  double best_load = 1e9;
  SanteiEngine *engine = NULL;
  for (int i = 0; i < LOADS; i++) {
    if (engine) santei_engine_free(engine);
    double t0 = now_s();
    engine = load(nfiles, paths, bytes, lens);
    double t = now_s() - t0;
    if (t < best_load) best_load = t;
  }

  uint8_t *out = NULL;
  size_t out_len = 0;
  check(santei_calculate_json(engine, req, req_len, &out, &out_len), "santei_calculate_json");
  char want[64];
  snprintf(want, sizeof want, "\"totalPoints\":%ld", expected);
  char *text = malloc(out_len + 1);
  if (!text) return 2;
  memcpy(text, out, out_len);
  text[out_len] = '\0';
  const char *at = strstr(text, want);
  if (!at || (at[strlen(want)] != ',' && at[strlen(want)] != '}')) {
    fprintf(stderr, "C: response lacks %s: %s\n", want, text);
    return 1;
  }
  free(text);
  santei_buffer_free(out, out_len);

  for (long i = 0; i < n / 10 + 1; i++) { /* warm-up */
    check(santei_calculate_json(engine, req, req_len, &out, &out_len), "santei_calculate_json");
    santei_buffer_free(out, out_len);
  }
  double per_call[ROUNDS];
  for (int r = 0; r < ROUNDS; r++) {
    double t0 = now_s();
    for (long i = 0; i < n; i++) {
      check(santei_calculate_json(engine, req, req_len, &out, &out_len), "santei_calculate_json");
      santei_buffer_free(out, out_len);
    }
    per_call[r] = (now_s() - t0) / (double)n;
  }
  qsort(per_call, ROUNDS, sizeof per_call[0], cmp_double);
  printf("c\t%.2f\t%.1f\n", per_call[ROUNDS / 2] * 1e6, best_load * 1e3);

  santei_engine_free(engine);
  for (int i = 0; i < nfiles; i++) free(bytes[i]);
  free(bytes);
  free(lens);
  free(req);
  return 0;
}
