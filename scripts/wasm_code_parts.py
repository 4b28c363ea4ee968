#!/usr/bin/env python3
"""The code of a `.wasm` by part: each function's body size, from a module that
keeps its names (wasm-bindgen's output optimized with `wasm-opt -Oz -g`),
grouped by what its name says it does (first pattern that matches wins).

    python3 scripts/wasm_code_parts.py MODULE.wasm [TOP]

Prints the parts, then the TOP largest functions (default 20). Standard
library only. The groups are by name, so a function into which LTO inlined
others counts where its own name puts it.
"""

import collections
import re
import sys

PARTS = [
    ("reading: Deserialize impls, visitors, serde_json's reader",
     r"de::Deserialize|Visitor|de::Deserializer|de::MapAccess|de::SeqAccess|deserialize|serde_json.*::de::|read::"),
    ("writing: Serialize impls, serde_json's writer", r"ser::Serialize|ser::Serializer|serialize|serde_json.*::ser::"),
    ("rules (rules::TABLE's closures, rules::*)", r"rules::"),
    ("texts (locale::*)", r"locale::"),
    ("the rest of the engine (api, report, plan, terms, ...)", r"badge_rules\["),
    ("the bindings (badge_rules_wasm, wasm-bindgen, shims)", r"shim|wasm_bindgen|js_sys|__wbg|badge_rules_wasm"),
    ("core::fmt, Display and Debug", r"fmt"),
    ("the allocator (dlmalloc) and alloc", r"dlmalloc|alloc::"),
    ("rust_decimal", r"rust_decimal"),
]


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def functions(b):
    """(size, name) of every function body of the module."""
    i, imported, bodies, names = 8, 0, [], {}
    while i < len(b):
        sid = b[i]
        n, j = leb(b, i + 1)
        end = j + n
        if sid == 2:  # imports: functions among them shift the indexes
            count, k = leb(b, j)
            for _ in range(count):
                for _ in range(2):
                    length, k = leb(b, k)
                    k += length
                kind = b[k]
                k += 1
                if kind == 0:
                    _, k = leb(b, k)
                    imported += 1
                elif kind in (1, 2):
                    if kind == 1:
                        k += 1
                    flags, k = leb(b, k)
                    _, k = leb(b, k)
                    if flags & 1:
                        _, k = leb(b, k)
                elif kind == 3:
                    k += 2
        elif sid == 10:
            count, k = leb(b, j)
            for _ in range(count):
                size, k2 = leb(b, k)
                bodies.append(size + (k2 - k))
                k = k2 + size
        elif sid == 0:
            length, k = leb(b, j)
            if b[k:k + length] == b"name":
                k += length
                while k < end:
                    sub = b[k]
                    sub_len, k = leb(b, k + 1)
                    if sub == 1:
                        count, m = leb(b, k)
                        for _ in range(count):
                            idx, m = leb(b, m)
                            length, m = leb(b, m)
                            names[idx] = b[m:m + length].decode("utf8", "replace")
                            m += length
                    k += sub_len
        i = end
    return [(size, names.get(imported + ix, f"function {ix}")) for ix, size in enumerate(bodies)]


def main():
    module = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    funcs = functions(module)
    total = sum(size for size, _ in funcs)
    parts = collections.Counter()
    for size, name in funcs:
        part = next((p for p, pattern in PARTS if re.search(pattern, name)), "the rest (core, std, builtins)")
        parts[part] += size
    print(f"{len(funcs)} functions, {total:,} bytes of code")
    for part, size in parts.most_common():
        print(f"{size:9,} {100 * size / total:5.1f} %  {part}")
    print()
    for size, name in sorted(funcs, reverse=True)[:top]:
        short = re.sub(r"\[[0-9a-f]{12,16}\]", "", name)[:160]
        print(f"{size:9,}  {short}")


if __name__ == "__main__":
    main()
