//! The "rusty" guest component: the `weft:examples/text@0.1.0` interface (see wit/rusty.wit),
//! written in Rust without wit-bindgen, without crates and without std (only `core`).
//!
//! Canonical ABI notes (component-model design/mvp/CanonicalABI.md), for the functions below:
//!  - A string or list parameter flattens to (ptr: i32, len: i32); the host allocates that memory
//!    through `cabi_realloc` before the call. Strings are UTF-8 and valid (the host checks them).
//!  - `word-count` returns a u32 and `classify` an enum (its case index) directly in an i32.
//!  - `split-words`, `stats` and `parse-int` have results that flatten to more than one core
//!    value (MAX_FLAT_RESULTS = 1), so the core function returns a pointer to a "return area"
//!    that holds the result as it is stored in memory; the host reads it and then calls the
//!    post-return function `cabi_post_<export name>`.
//!  - Core export names follow wit-component's legacy scheme for interface exports:
//!    `weft:examples/text@0.1.0#word-count`, `cabi_post_weft:examples/text@0.1.0#split-words`,
//!    with the memory exported as `memory` and the allocator as `cabi_realloc`.
//!
//! Memory is a bump allocator that is reset once a call's memory is dead: in the post-return
//! function, or at the end of an export whose result is returned in a register. So memory use does
//! not grow across calls.
#![no_std]

use core::arch::wasm32;

const PAGE_SIZE: usize = 65536;

extern "C" {
    /// End of the static data and the stack, provided by wasm-ld.
    static __heap_base: u8;
}

static mut HEAP_NEXT: usize = 0;

fn heap_reset() {
    unsafe { HEAP_NEXT = &__heap_base as *const u8 as usize }
}

/// Returns `size` bytes aligned to `align` (a power of two); traps when memory cannot grow.
fn bump_alloc(align: usize, size: usize) -> *mut u8 {
    unsafe {
        if HEAP_NEXT == 0 {
            heap_reset();
        }
        let align = if align == 0 { 1 } else { align };
        let start = match HEAP_NEXT.checked_add(align - 1) {
            Some(v) => v & !(align - 1),
            None => wasm32::unreachable(),
        };
        let end = match start.checked_add(size) {
            Some(v) => v,
            None => wasm32::unreachable(), // past 4 GiB
        };
        let limit = wasm32::memory_size(0) * PAGE_SIZE;
        if end > limit {
            let pages = (end - limit + PAGE_SIZE - 1) / PAGE_SIZE;
            if wasm32::memory_grow(0, pages) == usize::MAX {
                wasm32::unreachable();
            }
        }
        HEAP_NEXT = end;
        start as *mut u8
    }
}

/// The Canonical ABI allocator: realloc(old_ptr, old_size, align, new_size).
#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(
    old_ptr: *mut u8,
    old_size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    if !old_ptr.is_null() && new_size <= old_size {
        return old_ptr;
    }
    let p = bump_alloc(align, new_size);
    if !old_ptr.is_null() {
        let mut i = 0;
        while i < old_size {
            *p.add(i) = *old_ptr.add(i);
            i += 1;
        }
    }
    p
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    wasm32::unreachable()
}

/// The return area: large and aligned enough for every result stored in memory here
/// (option<summary> is 40 bytes with alignment 8).
#[repr(C, align(8))]
struct ReturnArea([u8; 40]);

static mut RET: ReturnArea = ReturnArea([0; 40]);

fn ret_area() -> *mut u8 {
    unsafe { RET.0.as_mut_ptr() }
}

unsafe fn arg_str<'a>(ptr: *const u8, len: usize) -> &'a str {
    // The host lowers only valid UTF-8 (the Canonical ABI requires it of a string).
    core::str::from_utf8_unchecked(core::slice::from_raw_parts(ptr, len))
}

unsafe fn put_u32(p: *mut u8, v: u32) {
    (p as *mut u32).write(v)
}

unsafe fn put_u64(p: *mut u8, v: u64) {
    (p as *mut u64).write(v)
}

/// Copies the pieces into one new allocation and returns its (ptr, len).
fn concat(pieces: &[&[u8]]) -> (*mut u8, usize) {
    let len: usize = pieces.iter().map(|p| p.len()).sum();
    let out = bump_alloc(1, len);
    let mut at = 0;
    for piece in pieces {
        for &b in piece.iter() {
            unsafe { *out.add(at) = b };
            at += 1;
        }
    }
    (out, len)
}

// ---- word-count: func(s: string) -> u32 ----

#[export_name = "weft:examples/text@0.1.0#word-count"]
pub unsafe extern "C" fn word_count(ptr: *const u8, len: usize) -> u32 {
    let n = arg_str(ptr, len).split_whitespace().count() as u32;
    heap_reset(); // the argument is dead and nothing is returned in memory
    n
}

// ---- split-words: func(s: string) -> list<string> ----

/// Return area: {list ptr, list len}; each list element is a string {ptr, len} (8 bytes, align 4).
/// The words point into the argument's memory, which stays alive until post-return.
#[export_name = "weft:examples/text@0.1.0#split-words"]
pub unsafe extern "C" fn split_words(ptr: *const u8, len: usize) -> *mut u8 {
    let s = arg_str(ptr, len);
    let n = s.split_whitespace().count();
    let list = bump_alloc(4, n * 8);
    for (i, word) in s.split_whitespace().enumerate() {
        put_u32(list.add(i * 8), word.as_ptr() as u32);
        put_u32(list.add(i * 8 + 4), word.len() as u32);
    }
    let ret = ret_area();
    put_u32(ret, list as u32);
    put_u32(ret.add(4), n as u32);
    ret
}

#[export_name = "cabi_post_weft:examples/text@0.1.0#split-words"]
pub extern "C" fn post_split_words(_ret: *mut u8) {
    heap_reset();
}

// ---- stats: func(xs: list<f64>) -> option<summary> ----

/// NaN-ignoring minimum, like f64::min (keeps `a` on ties, so min(0, -0) is 0).
fn fmin(a: f64, b: f64) -> f64 {
    if a.is_nan() || b < a {
        b
    } else {
        a
    }
}

fn fmax(a: f64, b: f64) -> f64 {
    if a.is_nan() || b > a {
        b
    } else {
        a
    }
}

/// Return area: option<summary>, 40 bytes: the discriminant (u8) at 0 and, for some, the summary
/// at 8: count u32 at 8, mean f64 at 16, min f64 at 24, max f64 at 32.
#[export_name = "weft:examples/text@0.1.0#stats"]
pub unsafe extern "C" fn stats(ptr: *const f64, len: usize) -> *mut u8 {
    let ret = ret_area();
    if len == 0 {
        *ret = 0; // none
        return ret;
    }
    let xs = core::slice::from_raw_parts(ptr, len);
    let (mut sum, mut min, mut max) = (0.0f64, xs[0], xs[0]);
    for &x in xs {
        sum += x;
        min = fmin(min, x);
        max = fmax(max, x);
    }
    *ret = 1; // some
    put_u32(ret.add(8), len as u32);
    put_u64(ret.add(16), (sum / len as f64).to_bits());
    put_u64(ret.add(24), min.to_bits());
    put_u64(ret.add(32), max.to_bits());
    ret
}

#[export_name = "cabi_post_weft:examples/text@0.1.0#stats"]
pub extern "C" fn post_stats(_ret: *mut u8) {
    heap_reset();
}

// ---- classify: func(n: s64) -> sign ----

/// The enum is returned as its case index: negative 0, zero 1, positive 2.
#[export_name = "weft:examples/text@0.1.0#classify"]
pub extern "C" fn classify(n: i64) -> u32 {
    if n < 0 {
        0
    } else if n == 0 {
        1
    } else {
        2
    }
}

// ---- parse-int: func(s: string) -> result<s64, string> ----

fn parse_int(s: &str) -> Result<i64, (*mut u8, usize)> {
    let fail = |msg: &str| concat(&[msg.as_bytes()]);
    if s.is_empty() {
        return Err(fail("empty"));
    }
    let (negative, digits) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return Err(fail("no digits"));
    }
    if let Some((i, c)) = digits.char_indices().find(|&(_, c)| !c.is_ascii_digit()) {
        let bad = &digits.as_bytes()[i..i + c.len_utf8()];
        return Err(concat(&[b"invalid character '", bad, b"'"]));
    }
    // Accumulate towards the sign of the result, so that i64::MIN parses without overflow.
    let mut v: i64 = 0;
    for b in digits.bytes() {
        let d = (b - b'0') as i64;
        let next = v.checked_mul(10).and_then(|v| if negative { v.checked_sub(d) } else { v.checked_add(d) });
        match next {
            Some(n) => v = n,
            None => return Err(fail("out of range")),
        }
    }
    Ok(v)
}

/// Return area: result<s64, string>, 16 bytes: the discriminant (u8) at 0, then at 8 either the
/// s64 (ok) or the string {ptr, len} (err).
#[export_name = "weft:examples/text@0.1.0#parse-int"]
pub unsafe extern "C" fn parse_int_export(ptr: *const u8, len: usize) -> *mut u8 {
    let ret = ret_area();
    match parse_int(arg_str(ptr, len)) {
        Ok(v) => {
            *ret = 0;
            put_u64(ret.add(8), v as u64);
        }
        Err((msg, msg_len)) => {
            *ret = 1;
            put_u32(ret.add(8), msg as u32);
            put_u32(ret.add(12), msg_len as u32);
        }
    }
    ret
}

#[export_name = "cabi_post_weft:examples/text@0.1.0#parse-int"]
pub extern "C" fn post_parse_int(_ret: *mut u8) {
    heap_reset();
}
