/* One visit through the C ABI: santei_calculate_json on libsantei.so, timed with clock_gettime;
 * optionally one 患者負担金 receipt through santei_calculate_copay_json.
 *
 *   calc-c [-c COPAY_REQUEST_JSON EXPECTED_PATIENT_YEN] REQUEST_JSON EXPECTED_TOTAL_POINTS N MASTER_FILE...
 *
 * Loads the master files as "2024-06-01/<basename>" through santei_master_files_add, checks the
 * response has the expected totalPoints (and the copay response the expected patientYen), then
 * times 5 rounds of N calls (each call: request JSON in, canonical response JSON out, buffer
 * freed) and prints, tab-separated,
 *   c        <µs per visit, median round>  <ms per load, best of 3>
 *   c-copay  <µs per receipt, median round>            (with -c)
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

/* The response holds "key":expected (followed by ',' or '}'). */
static int has_number(const uint8_t *out, size_t out_len, const char *key, long expected) {
  char want[96];
  snprintf(want, sizeof want, "\"%s\":%ld", key, expected);
  char *text = malloc(out_len + 1);
  if (!text) exit(2);
  memcpy(text, out, out_len);
  text[out_len] = '\0';
  const char *at = strstr(text, want);
  int ok = at && (at[strlen(want)] == ',' || at[strlen(want)] == '}');
  if (!ok) fprintf(stderr, "C: response lacks %s: %s\n", want, text);
  free(text);
  return ok;
}

typedef enum SanteiStatus (*json_fn)(const struct SanteiEngine *, const uint8_t *, size_t, uint8_t **,
                                     size_t *);

/* Median µs per call of 5 rounds of n calls, after a warm-up of n/10. */
static double time_calls(json_fn call, const SanteiEngine *engine, const uint8_t *req, size_t req_len,
                         long n, const char *what) {
  uint8_t *out = NULL;
  size_t out_len = 0;
  for (long i = 0; i < n / 10 + 1; i++) { /* warm-up */
    check(call(engine, req, req_len, &out, &out_len), what);
    santei_buffer_free(out, out_len);
  }
  double per_call[ROUNDS];
  for (int r = 0; r < ROUNDS; r++) {
    double t0 = now_s();
    for (long i = 0; i < n; i++) {
      check(call(engine, req, req_len, &out, &out_len), what);
      santei_buffer_free(out, out_len);
    }
    per_call[r] = (now_s() - t0) / (double)n;
  }
  qsort(per_call, ROUNDS, sizeof per_call[0], cmp_double);
  return per_call[ROUNDS / 2] * 1e6;
}

int main(int argc, char **argv) {
  const char *copay_path = NULL;
  long copay_expected = 0;
  if (argc > 3 && strcmp(argv[1], "-c") == 0) {
    copay_path = argv[2];
    copay_expected = strtol(argv[3], NULL, 10);
    argv[3] = argv[0];
    argv += 3;
    argc -= 3;
  }
  if (argc < 5) {
    fprintf(stderr,
            "usage: %s [-c COPAY_REQUEST_JSON EXPECTED_PATIENT_YEN] REQUEST_JSON EXPECTED_TOTAL_POINTS N "
            "MASTER_FILE...\n",
            argv[0]);
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
  if (!has_number(out, out_len, "totalPoints", expected)) return 1;
  santei_buffer_free(out, out_len);
  double visit = time_calls(santei_calculate_json, engine, req, req_len, n, "santei_calculate_json");
  printf("c\t%.2f\t%.1f\n", visit, best_load * 1e3);

  if (copay_path) {
    size_t copay_len = 0;
    uint8_t *copay = read_file(copay_path, &copay_len);
    check(santei_calculate_copay_json(engine, copay, copay_len, &out, &out_len), "santei_calculate_copay_json");
    if (!has_number(out, out_len, "patientYen", copay_expected)) return 1;
    santei_buffer_free(out, out_len);
    double receipt =
        time_calls(santei_calculate_copay_json, engine, copay, copay_len, n, "santei_calculate_copay_json");
    printf("c-copay\t%.3f\n", receipt);
    free(copay);
  }

  santei_engine_free(engine);
  for (int i = 0; i < nfiles; i++) free(bytes[i]);
  free(bytes);
  free(lens);
  free(req);
  return 0;
}
