/*
 * The "wasi-demo" guest component: an ordinary C program on wasi-libc (stdio,
 * getenv, opendir, open/write/unlink...) whose only way out is WASI preview 1.
 * Built as a reactor (no main; wasi-libc's constructors run from _initialize)
 * and wrapped into a component with wit-component's preview 1 reactor adapter.
 *
 * The exports follow the Canonical ABI by hand (no wit-bindgen), as the other
 * examples do:
 *  - results that flatten to more than one value come back through a return
 *    area, whose address the export returns; the host then calls
 *    cabi_post_<name>;
 *  - a variant's payload (option, result) starts at offset 4: strings and
 *    lists are 4-aligned;
 *  - the host allocates arguments through cabi_realloc.
 *
 * Memory is malloc's. Everything allocated during a call (arguments, results)
 * is remembered and freed when the call is over: in the post-return function,
 * or at the end of an export whose result is a plain number.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

#define EXPORT(name) __attribute__((export_name(name)))

typedef struct {
    char *ptr;
    uint32_t len;
} str;

/* ---- per-call memory ---------------------------------------------------- */

static void **owned;
static size_t n_owned, cap_owned;

static void *keep(void *p) {
    if (p == NULL) abort();
    if (n_owned == cap_owned) {
        size_t cap = cap_owned ? cap_owned * 2 : 64;
        void **grown = realloc(owned, cap * sizeof *owned);
        if (grown == NULL) abort();
        owned = grown;
        cap_owned = cap;
    }
    owned[n_owned++] = p;
    return p;
}

static void *alloc(size_t size) { return keep(malloc(size ? size : 1)); }

static void release_all(void) {
    for (size_t i = 0; i < n_owned; i++) free(owned[i]);
    n_owned = 0;
}

/* Canonical ABI allocation entry point. malloc aligns to 16, more than any WIT type needs. */
EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    (void)align;
    if (old_ptr == NULL) return alloc(new_size);
    void *p = realloc(old_ptr, new_size ? new_size : 1);
    if (p == NULL) abort();
    for (size_t i = 0; i < n_owned; i++) {
        if (owned[i] == old_ptr) owned[i] = p;
    }
    return p;
}

/* A NUL-terminated copy of a string argument (WIT strings carry no terminator). */
static char *cstr(const char *ptr, size_t len) {
    char *s = alloc(len + 1);
    memcpy(s, ptr, len);
    s[len] = 0;
    return s;
}

static str copy_str(const char *s, size_t len) {
    char *p = alloc(len);
    memcpy(p, s, len);
    return (str){p, (uint32_t)len};
}

static str from_cstr(const char *s) { return copy_str(s, strlen(s)); }

/* ---- return areas ------------------------------------------------------- */

static uint32_t area[6];

/* option<string>, result<string, string>, result<list<T>, string>, result<_, string>. */
static uint32_t *variant(uint8_t tag, str payload) {
    area[0] = tag;
    area[1] = (uint32_t)(uintptr_t)payload.ptr;
    area[2] = payload.len;
    return area;
}

static uint32_t *ok(str s) { return variant(0, s); }
static uint32_t *err_errno(void) { return variant(1, from_cstr(strerror(errno))); }
static uint32_t *err_text(const char *s) { return variant(1, from_cstr(s)); }

#define POST(name, fn) \
    EXPORT("cabi_post_" name) void fn(uint32_t *ret) { (void)ret; release_all(); }

/* ---- startup ------------------------------------------------------------ */

/* A list<string> of the n NUL-terminated strings of v. */
static str string_list(char **v, size_t n) {
    str *items = alloc(n * sizeof(str));
    for (size_t i = 0; i < n; i++) items[i] = from_cstr(v[i]);
    return (str){(char *)items, (uint32_t)n};
}

static str args_list(void) {
    __wasi_size_t argc, size;
    if (__wasi_args_sizes_get(&argc, &size) != 0) abort();
    char **argv = alloc((argc + 1) * sizeof(char *));
    char *buf = alloc(size);
    if (__wasi_args_get((uint8_t **)argv, (uint8_t *)buf) != 0) abort();
    return string_list(argv, argc);
}

/* list<tuple<string, string>> of environ_get's NAME=value strings. */
static str env_list(void) {
    __wasi_size_t count, size;
    if (__wasi_environ_sizes_get(&count, &size) != 0) abort();
    char **vars = alloc((count + 1) * sizeof(char *));
    char *buf = alloc(size);
    if (__wasi_environ_get((uint8_t **)vars, (uint8_t *)buf) != 0) abort();
    str *pairs = alloc(count * 2 * sizeof(str));
    for (size_t i = 0; i < count; i++) {
        char *eq = strchr(vars[i], '=');
        size_t name_len = eq ? (size_t)(eq - vars[i]) : strlen(vars[i]);
        pairs[2 * i] = copy_str(vars[i], name_len);
        pairs[2 * i + 1] = eq ? from_cstr(eq + 1) : copy_str("", 0);
    }
    return (str){(char *)pairs, (uint32_t)count};
}

/* The preopened folders: descriptors 3, 4, ... until one is not a preopen. */
static str dirs_list(void) {
    size_t n = 0;
    char *names[64];
    for (__wasi_fd_t fd = 3; n < 64; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get(fd, &prestat) != 0 || prestat.tag != __WASI_PREOPENTYPE_DIR) break;
        size_t len = prestat.u.dir.pr_name_len;
        char *name = alloc(len + 1);
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, len) != 0) break;
        name[len] = 0;
        names[n++] = name;
    }
    return string_list(names, n);
}

EXPORT("startup")
uint32_t *startup(void) {
    str args = args_list();
    str env = env_list();
    str dirs = dirs_list();
    area[0] = (uint32_t)(uintptr_t)args.ptr;
    area[1] = args.len;
    area[2] = (uint32_t)(uintptr_t)env.ptr;
    area[3] = env.len;
    area[4] = (uint32_t)(uintptr_t)dirs.ptr;
    area[5] = dirs.len;
    return area;
}
POST("startup", post_startup)

/* ---- getenv, read-file, list-dir ---------------------------------------- */

EXPORT("getenv")
uint32_t *export_getenv(const char *name, size_t len) {
    const char *value = getenv(cstr(name, len));
    return value ? variant(1, from_cstr(value)) : variant(0, (str){0, 0});
}
POST("getenv", post_getenv)

/* The whole file at path, or NULL with errno set. */
static str *slurp(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) return NULL;
    static str out;
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (buf == NULL) abort();
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap) break;
        cap *= 2;
        buf = realloc(buf, cap);
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        free(buf);
        errno = saved;
        return NULL;
    }
    out = (str){keep(buf), (uint32_t)len};
    return &out;
}

EXPORT("read-file")
uint32_t *read_file(const char *path, size_t len) {
    str *text = slurp(cstr(path, len));
    return text ? ok(*text) : err_errno();
}
POST("read-file", post_read_file)

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

EXPORT("list-dir")
uint32_t *list_dir(const char *path, size_t len) {
    DIR *d = opendir(cstr(path, len));
    if (d == NULL) return err_errno();
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof(char *));
    struct dirent *e;
    while (names != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) names = realloc(names, (cap *= 2) * sizeof(char *));
        if (names != NULL) names[n++] = keep(strdup(e->d_name));
    }
    closedir(d);
    if (names == NULL) abort();
    keep(names);
    qsort(names, n, sizeof(char *), by_name);
    return ok(string_list(names, n));
}
POST("list-dir", post_list_dir)

/* ---- change ------------------------------------------------------------- */

enum { CREATE, OVERWRITE, APPEND, READ_WRITE, WRITE_READ_ONLY, TRUNCATE, REMOVE, MAKE_DIR,
       REMOVE_DIR, RENAME, SYMLINK, TOUCH };

/* open(path, flags), then write one byte: 0, or -1 with errno set. */
static int open_and_write(const char *path, int flags) {
    int fd = open(path, flags, 0644);
    if (fd < 0) return -1;
    int written = (int)write(fd, "x", 1);
    int saved = errno;
    close(fd);
    errno = saved;
    return written == 1 ? 0 : -1;
}

static int make_change(int what, const char *path) {
    switch (what) {
    case CREATE: return open_and_write(path, O_WRONLY | O_CREAT | O_EXCL);
    case OVERWRITE: return open_and_write(path, O_WRONLY | O_TRUNC);
    case APPEND: return open_and_write(path, O_WRONLY | O_APPEND);
    case READ_WRITE: return open_and_write(path, O_RDWR);
    case WRITE_READ_ONLY: return open_and_write(path, O_RDONLY);
    case TRUNCATE: return truncate(path, 0);
    case REMOVE: return unlink(path);
    case MAKE_DIR: return mkdir(path, 0755);
    case REMOVE_DIR: return rmdir(path);
    case RENAME: {
        char *to = alloc(strlen(path) + 7);
        strcpy(to, path);
        strcat(to, ".moved");
        return rename(path, to);
    }
    case SYMLINK: return symlink("target", path);
    case TOUCH: return utimensat(AT_FDCWD, path, NULL, 0);
    default: errno = EINVAL; return -1;
    }
}

EXPORT("change")
uint32_t *change(int32_t what, const char *path, size_t len) {
    if (make_change(what, cstr(path, len)) != 0) return err_errno();
    return variant(0, (str){0, 0});
}
POST("change", post_change)

/* ---- print, greet ------------------------------------------------------- */

EXPORT("print")
uint32_t print(const char *text, size_t len, int32_t to_stderr) {
    FILE *f = to_stderr ? stderr : stdout;
    size_t written = fwrite(text, 1, len, f);
    fflush(f);
    release_all();
    return (uint32_t)written;
}

/* Whether the program was started with the argument `arg`. */
static int has_arg(const char *arg) {
    __wasi_size_t argc, size;
    if (__wasi_args_sizes_get(&argc, &size) != 0) return 0;
    char **argv = alloc((argc + 1) * sizeof(char *));
    char *buf = alloc(size);
    if (__wasi_args_get((uint8_t **)argv, (uint8_t *)buf) != 0) return 0;
    for (size_t i = 1; i < argc; i++) {
        if (strcmp(argv[i], arg) == 0) return 1;
    }
    return 0;
}

EXPORT("greet")
uint32_t *greet(const char *name_ptr, size_t name_len) {
    const char *name = cstr(name_ptr, name_len);
    if (*name == 0) return err_text("the name is empty");
    const char *greeting = getenv("GREETING");
    if (greeting == NULL) greeting = "Hello";
    const char *motto = "";
    str *text = slurp("/data/motto.txt");
    if (text != NULL) {
        char *line = cstr(text->ptr, text->len);
        line[strcspn(line, "\r\n")] = 0;
        motto = line;
    } else {
        fprintf(stderr, "no motto: /data/motto.txt: %s\n", strerror(errno));
    }
    printf("greeting %s\n", name);
    size_t size = strlen(greeting) + strlen(name) + strlen(motto) + 5;
    char *out = alloc(size);
    int n = snprintf(out, size, "%s, %s%s%s%s", greeting, name, has_arg("--excited") ? "!" : ".",
                     *motto ? " " : "", motto);
    return ok((str){out, (uint32_t)n});
}
POST("greet", post_greet)
