/*
 * C surface of the golden vectors (see tests/README.md), run under valgrind by scripts/test-c.
 * Usage: golden REPO_ROOT
 * Loads REPO_ROOT/masters through the C ABI, runs every vector under REPO_ROOT/tests/vectors, compares
 * the library's canonical JSON with the expected response canonicalised by jansson (or, for
 * "expectedSubset", checks the keys it names in the parsed response), writes
 * REPO_ROOT/tests/out/c/<id>.json (or, for a "writeUke" vector, the bytes written as <id>.uke, compared
 * with its "expectedFile"), and checks the ABI's error paths.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "santei.h"

static int passed = 0, failed = 0;

static const char *status_name(SanteiStatus s) {
  switch (s) {
  case SANTEI_OK: return "SANTEI_OK";
  case SANTEI_INVALID_ARGUMENT: return "SANTEI_INVALID_ARGUMENT";
  case SANTEI_PARSE_ERROR: return "SANTEI_PARSE_ERROR";
  case SANTEI_INVALID_REQUEST: return "SANTEI_INVALID_REQUEST";
  case SANTEI_MASTER_ERROR: return "SANTEI_MASTER_ERROR";
  case SANTEI_CALC_ERROR: return "SANTEI_CALC_ERROR";
  case SANTEI_IO_ERROR: return "SANTEI_IO_ERROR";
  case SANTEI_PANIC: return "SANTEI_PANIC";
  }
  return "?";
}

static void report(const char *id, int ok, const char *detail) {
  if (ok) {
    passed++;
    printf("test %s ... ok\n", id);
  } else {
    failed++;
    printf("test %s ... FAILED\n     %s\n", id, detail ? detail : "");
  }
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
  fclose(f);
  if (buf) { buf[n] = 0; *len = (size_t)n; }
  return buf;
}

static void write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); exit(2); }
  fwrite(data, 1, len, f);
  fclose(f);
}

/* Collects *.json paths under dir, recursively. */
static void collect(const char *dir, char ***paths, size_t *n, size_t *cap) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t plen = strlen(dir) + strlen(e->d_name) + 2;
    char *p = malloc(plen);
    snprintf(p, plen, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      collect(p, paths, n, cap);
      free(p);
    } else if (strlen(e->d_name) > 5 && strcmp(e->d_name + strlen(e->d_name) - 5, ".json") == 0) {
      if (*n == *cap) { *cap = *cap ? *cap * 2 : 64; *paths = realloc(*paths, *cap * sizeof(char *)); }
      (*paths)[(*n)++] = p;
    } else {
      free(p);
    }
  }
  closedir(d);
}

/*
 * "expectedSubset" (tests/README.md): 1 when every key of an expected object is in the actual one
 * with a matching value, recursively, arrays have the same length and match element by element,
 * and scalars are equal; otherwise 0 with where they differ in `where`.
 */
static int subset_matches(json_t *expected, json_t *actual, const char *path, char *where, size_t where_len) {
  char at[1024];
  if (json_is_object(expected) && json_is_object(actual)) {
    const char *key;
    json_t *ev;
    json_object_foreach(expected, key, ev) {
      snprintf(at, sizeof at, "%s.%s", path, key);
      json_t *av = json_object_get(actual, key);
      if (!av) { snprintf(where, where_len, "%s: missing", at); return 0; }
      if (!subset_matches(ev, av, at, where, where_len)) return 0;
    }
    return 1;
  }
  if (json_is_array(expected) && json_is_array(actual) && json_array_size(expected) == json_array_size(actual)) {
    for (size_t i = 0; i < json_array_size(expected); i++) {
      snprintf(at, sizeof at, "%s[%zu]", path, i);
      if (!subset_matches(json_array_get(expected, i), json_array_get(actual, i), at, where, where_len)) return 0;
    }
    return 1;
  }
  if (json_equal(expected, actual)) return 1;
  char *e = json_dumps(expected, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
  char *a = json_dumps(actual, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
  snprintf(where, where_len, "%s: expected %.200s, actual %.200s", path, e ? e : "?", a ? a : "?");
  free(e);
  free(a);
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void run_vector(const SanteiEngine *engine, const char *root, const char *path, const char *out_dir) {
  json_error_t jerr;
  json_t *v = json_load_file(path, 0, &jerr);
  if (!v) { report(path, 0, jerr.text); return; }
  const char *id = json_string_value(json_object_get(v, "id"));
  if (!id) { report(path, 0, "no id"); json_decref(v); return; }
  if (!!json_object_get(v, "expected") + !!json_object_get(v, "expectedSubset") + !!json_object_get(v, "expectedFile") +
          !!json_object_get(v, "expectedError") != 1) {
    report(id, 0, "exactly one of \"expected\", \"expectedSubset\", \"expectedFile\" and \"expectedError\" is required");
    json_decref(v);
    return;
  }
  const char *call = json_string_value(json_object_get(v, "call"));
  int by_file = call != NULL && (strcmp(call, "checkUke") == 0 || strcmp(call, "readUke") == 0);
  int writes = call != NULL && strcmp(call, "writeUke") == 0;
  if (!!json_object_get(v, "request") + !!json_object_get(v, "requestText") + !!json_object_get(v, "requestFile") != 1 ||
      (json_object_get(v, "requestFile") && !by_file)) {
    report(id, 0, "exactly one of \"request\", \"requestText\" and \"requestFile\" (only for calls \"checkUke\" and \"readUke\") is required");
    json_decref(v);
    return;
  }
  if ((json_object_get(v, "expectedFile") && !writes) ||
      (writes && (json_object_get(v, "expected") || json_object_get(v, "expectedSubset")))) {
    report(id, 0, "\"expectedFile\" is for call \"writeUke\", which takes it or \"expectedError\"");
    json_decref(v);
    return;
  }
  char *request = NULL;
  const char *text = json_string_value(json_object_get(v, "requestText"));
  if (text) request = strdup(text);
  else request = json_dumps(json_object_get(v, "request"), JSON_COMPACT | JSON_ENCODE_ANY);

  uint8_t *out = NULL;
  size_t out_len = 0;
  SanteiStatus s;
  if (call == NULL || strcmp(call, "calculate") == 0)
    s = santei_calculate_json(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (strcmp(call, "diffMasters") == 0)
    s = santei_diff_masters_json(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (strcmp(call, "calculateMonth") == 0)
    s = santei_calculate_month_json(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (strcmp(call, "calculateCopay") == 0)
    s = santei_calculate_copay_json(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (strcmp(call, "check") == 0)
    s = santei_check_json(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (by_file) {
    /* a byte input: the file named by "requestFile" (from the repository root), passed as-is */
    const char *name = json_string_value(json_object_get(v, "requestFile"));
    char file_path[8192];
    snprintf(file_path, sizeof file_path, "%s/%s", root, name ? name : "");
    size_t file_len = 0;
    char *bytes = name ? read_file(file_path, &file_len) : NULL;
    if (!bytes) {
      report(id, 0, "cannot read requestFile");
      free(request);
      json_decref(v);
      return;
    }
    if (strcmp(call, "checkUke") == 0)
      s = santei_check_uke_json(engine, (const uint8_t *)bytes, file_len, &out, &out_len);
    else
      s = santei_read_uke_json(engine, (const uint8_t *)bytes, file_len, &out, &out_len);
    free(bytes);
  } else if (writes)
    s = santei_write_uke(engine, (const uint8_t *)request, strlen(request), &out, &out_len);
  else if (strcmp(call, "info") == 0)
    s = santei_engine_info_json(engine, &out, &out_len);
  else {
    report(id, 0, "unknown call");
    free(request);
    json_decref(v);
    return;
  }
  char out_path[8192];
  const char *expected_file = json_string_value(json_object_get(v, "expectedFile"));
  snprintf(out_path, sizeof out_path, "%s/%s.%s", out_dir, id, s == SANTEI_OK && expected_file ? "uke" : "json");
  json_t *expected = json_object_get(v, "expected");
  json_t *expected_subset = json_object_get(v, "expectedSubset");
  const char *expected_code = json_string_value(json_object_get(json_object_get(v, "expectedError"), "code"));
  char detail[8192] = "";
  int ok = 0;
  if (s == SANTEI_OK) {
    write_file(out_path, (const char *)out, out_len);
    if (expected_file) {
      /* writeUke: the bytes written must be the expectedFile's, exactly */
      char file_path[8192];
      snprintf(file_path, sizeof file_path, "%s/%s", root, expected_file);
      size_t file_len = 0;
      char *bytes = read_file(file_path, &file_len);
      ok = bytes && file_len == out_len && memcmp(bytes, out, out_len) == 0;
      if (!ok) snprintf(detail, sizeof detail, "output (%zu bytes) differs from %s (see %s)", out_len, expected_file, out_path);
      free(bytes);
    } else if (expected) {
      char *canon = json_dumps(expected, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
      ok = strlen(canon) == out_len && memcmp(canon, out, out_len) == 0;
      if (!ok) snprintf(detail, sizeof detail, "output differs from expected (see %s)", out_path);
      free(canon);
    } else if (expected_subset) {
      json_t *actual = json_loadb((const char *)out, out_len, 0, &jerr);
      if (!actual) snprintf(detail, sizeof detail, "output is not JSON: %s", jerr.text);
      else {
        char where[4096] = "";
        ok = subset_matches(expected_subset, actual, "", where, sizeof where);
        if (!ok) snprintf(detail, sizeof detail, "%s (see %s)", where, out_path);
        json_decref(actual);
      }
    } else {
      snprintf(detail, sizeof detail, "expected error %s, got a response", expected_code ? expected_code : "?");
    }
    santei_buffer_free(out, out_len);
  } else {
    char err_json[128];
    int n = snprintf(err_json, sizeof err_json, "{\"code\":\"%s\"}", status_name(s));
    write_file(out_path, err_json, (size_t)n);
    ok = out == NULL && expected_code && strcmp(expected_code, status_name(s)) == 0 &&
         strlen(santei_last_error_message()) > 0;
    if (!ok) snprintf(detail, sizeof detail, "%s: %s", status_name(s), santei_last_error_message());
  }
  report(id, ok, detail);
  free(request);
  json_decref(v);
}

/* The ABI's own error paths: NULL pointers, invalid UTF-8, a truncated master. */
static void abi_checks(const char *root, const SanteiEngine *engine) {
  uint8_t *out = (uint8_t *)1;
  size_t out_len = 99;
  SanteiStatus s = santei_calculate_json(NULL, (const uint8_t *)"{}", 2, &out, &out_len);
  report("c-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0 &&
                              strcmp(santei_last_error_message(), "engine is NULL") == 0, status_name(s));
  s = santei_calculate_json(engine, NULL, 10, &out, &out_len);
  report("c-null-request", s == SANTEI_INVALID_ARGUMENT && out == NULL, status_name(s));
  s = santei_calculate_json(engine, (const uint8_t *)"{}", 2, NULL, &out_len);
  report("c-null-out", s == SANTEI_INVALID_ARGUMENT, status_name(s));
  s = santei_calculate_copay_json(NULL, (const uint8_t *)"{}", 2, &out, &out_len);
  report("c-copay-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0, status_name(s));
  s = santei_check_json(NULL, (const uint8_t *)"{}", 2, &out, &out_len);
  report("c-check-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0, status_name(s));
  s = santei_check_json(engine, NULL, 0, &out, &out_len);
  report("c-check-null-request", s == SANTEI_INVALID_ARGUMENT && out == NULL, status_name(s));
  s = santei_check_uke_json(NULL, (const uint8_t *)"IR,", 3, &out, &out_len);
  report("c-check-uke-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0, status_name(s));
  s = santei_check_uke_json(engine, NULL, 0, &out, &out_len);
  report("c-check-uke-null-bytes", s == SANTEI_INVALID_ARGUMENT && out == NULL, status_name(s));
  s = santei_check_uke_json(engine, (const uint8_t *)"IR,", 3, NULL, &out_len);
  report("c-check-uke-null-out", s == SANTEI_INVALID_ARGUMENT, status_name(s));
  /* CP932 bytes are not UTF-8 and that is fine: the call takes the file's bytes, not text */
  const uint8_t sjis[] = {'I', 'R', ',', 0x83, 0x54};
  s = santei_check_uke_json(engine, sjis, sizeof sjis, &out, &out_len);
  report("c-check-uke-not-utf8", s == SANTEI_PARSE_ERROR && out == NULL && strstr(santei_last_error_message(), "UTF-8") == NULL,
         santei_last_error_message());
  s = santei_read_uke_json(NULL, (const uint8_t *)"IR,", 3, &out, &out_len);
  report("c-read-uke-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0, status_name(s));
  s = santei_read_uke_json(engine, NULL, 0, &out, &out_len);
  report("c-read-uke-null-bytes", s == SANTEI_INVALID_ARGUMENT && out == NULL, status_name(s));
  s = santei_read_uke_json(engine, sjis, sizeof sjis, &out, &out_len);
  report("c-read-uke-not-utf8", s == SANTEI_PARSE_ERROR && out == NULL && strstr(santei_last_error_message(), "UTF-8") == NULL,
         santei_last_error_message());
  s = santei_write_uke(NULL, (const uint8_t *)"{}", 2, &out, &out_len);
  report("c-write-uke-null-engine", s == SANTEI_INVALID_ARGUMENT && out == NULL && out_len == 0, status_name(s));
  s = santei_write_uke(engine, NULL, 0, &out, &out_len);
  report("c-write-uke-null-json", s == SANTEI_INVALID_ARGUMENT && out == NULL, status_name(s));
  s = santei_write_uke(engine, (const uint8_t *)"{}", 2, NULL, &out_len);
  report("c-write-uke-null-out", s == SANTEI_INVALID_ARGUMENT, status_name(s));
  s = santei_write_uke(engine, (const uint8_t *)"{}", 2, &out, &out_len);
  report("c-write-uke-not-a-file", s == SANTEI_PARSE_ERROR && out == NULL, santei_last_error_message());
  /* read → write gives the file's bytes back */
  char uke_path[4096];
  snprintf(uke_path, sizeof uke_path, "%s/tests/uke/check-2024-06.UKE", root);
  size_t uke_len = 0;
  char *uke = read_file(uke_path, &uke_len);
  uint8_t *json = NULL, *back = NULL;
  size_t json_len = 0, back_len = 0;
  s = uke ? santei_read_uke_json(engine, (const uint8_t *)uke, uke_len, &json, &json_len) : SANTEI_IO_ERROR;
  if (s == SANTEI_OK) s = santei_write_uke(engine, json, json_len, &back, &back_len);
  report("c-uke-round-trip", s == SANTEI_OK && back_len == uke_len && memcmp(back, uke, uke_len) == 0, status_name(s));
  santei_buffer_free(json, json_len);
  santei_buffer_free(back, back_len);
  free(uke);
  const uint8_t bad[] = {'{', 0xff, '}'};
  s = santei_calculate_json(engine, bad, sizeof bad, &out, &out_len);
  report("c-invalid-utf8", s == SANTEI_INVALID_ARGUMENT && strstr(santei_last_error_message(), "UTF-8") != NULL, status_name(s));
  SanteiEngine *e2 = (SanteiEngine *)1;
  s = santei_engine_new_from_dir((const uint8_t *)"/nonexistent", 12, &e2);
  report("c-missing-dir", s == SANTEI_IO_ERROR && e2 == NULL, status_name(s));
  santei_engine_free(NULL);
  santei_buffer_free(NULL, 0);
  santei_master_files_free(NULL);

  /* a truncated 医科診療行為マスター: the first 3000 bytes of the official CSV, cut mid-row */
  char zip_path[4096];
  snprintf(zip_path, sizeof zip_path, "%s/tests/c/fixtures/s_truncated.csv", root);
  size_t len = 0;
  char *data = read_file(zip_path, &len);
  SanteiMasterFiles *files = NULL;
  s = santei_master_files_new(&files);
  const char *name = "2024-06-01/s_ALL20240531.csv";
  if (s == SANTEI_OK && data)
    s = santei_master_files_add(files, (const uint8_t *)name, strlen(name), (const uint8_t *)data, len);
  SanteiEngine *e3 = NULL;
  if (s == SANTEI_OK) s = santei_engine_new_from_files(files, &e3);
  report("c-truncated-master", data && s == SANTEI_MASTER_ERROR && e3 == NULL &&
                                   strstr(santei_last_error_message(), "s_ALL20240531.csv") != NULL,
         santei_last_error_message());
  santei_master_files_free(files);
  free(data);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s REPO_ROOT\n", argv[0]); return 2; }
  const char *root = argv[1];
  if (santei_abi_version() != SANTEI_ABI_VERSION) {
    fprintf(stderr, "ABI mismatch: library %u, header %u\n", santei_abi_version(), SANTEI_ABI_VERSION);
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/masters", root);
  SanteiEngine *engine = NULL;
  SanteiStatus s = santei_engine_new_from_dir((const uint8_t *)path, strlen(path), &engine);
  if (s != SANTEI_OK) { fprintf(stderr, "cannot load masters: %s: %s\n", status_name(s), santei_last_error_message()); return 2; }

  char out_dir[4096];
  snprintf(out_dir, sizeof out_dir, "%s/tests/out/c", root);
  char vectors[4096];
  snprintf(vectors, sizeof vectors, "%s/tests/vectors", root);
  char **paths = NULL;
  size_t n = 0, cap = 0;
  collect(vectors, &paths, &n, &cap);
  qsort(paths, n, sizeof(char *), cmp_str);
  for (size_t i = 0; i < n; i++) {
    run_vector(engine, root, paths[i], out_dir);
    free(paths[i]);
  }
  free(paths);
  abi_checks(root, engine);
  report("c-version", strcmp(santei_version(), "0.1.0") == 0, santei_version());
  santei_engine_free(engine);
  printf("%d passed, %d failed\n", passed, failed);
  return failed > 0 || passed == 0;
}
