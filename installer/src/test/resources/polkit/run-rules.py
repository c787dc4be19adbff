#!/usr/bin/env python3
"""Runs a polkit rules file in Duktape, the JavaScript engine Debian 12's polkitd links
(libduktape.so.207), with a stand-in for polkit's addRule/Result, and prints polkit's answer for
each request, one a line: yes, no, not handled, ... (PolkitRuleTest).

usage: run-rules.py RULES_FILE REQUESTS_JSON
REQUESTS_JSON: [{"user": ..., "action": ..., "details": {...}}, ...]
"""
import ctypes
import json
import sys

PRELUDE = """
var rules = [];
var polkit = {
    Result: { YES: 'yes', NO: 'no', AUTH_SELF: 'auth_self', AUTH_SELF_KEEP: 'auth_self_keep',
              AUTH_ADMIN: 'auth_admin', AUTH_ADMIN_KEEP: 'auth_admin_keep', NOT_HANDLED: null },
    addRule: function (f) { rules.push(f); },
    addAdminRule: function () { throw new Error('the rule must not change who counts as an administrator'); },
    log: function () {},
    spawn: function () { throw new Error('the rule must not run programs'); }
};
"""

ANSWER = """
(function () {
    var out = [];
    for (var n = 0; n < requests.length; n++) {
        var c = requests[n];
        var action = { id: c.action, lookup: (function (d) { return function (k) { return d[k]; }; })(c.details) };
        var subject = { user: c.user, groups: [c.user], active: false, local: false, pid: 4242, seat: '', session: '',
                        isInGroup: (function (u) { return function (g) { return g === u; }; })(c.user),
                        isInNetGroup: function () { return false; } };
        var answer = null;
        for (var i = 0; i < rules.length && (answer === null || answer === undefined); i++) {
            answer = rules[i](action, subject);
        }
        out.push(answer === null || answer === undefined ? 'not handled' : String(answer));
    }
    return out.join('\\n');
})()
"""

# duk_peval_string() is a macro over duk_eval_raw() with these flags (duktape.h, 2.x)
DUK_COMPILE_EVAL, DUK_COMPILE_SAFE, DUK_COMPILE_NOSOURCE, DUK_COMPILE_STRLEN, DUK_COMPILE_NOFILENAME = \
    1 << 3, 1 << 7, 1 << 9, 1 << 10, 1 << 11


def main():
    rules_file, requests_file = sys.argv[1], sys.argv[2]
    with open(rules_file, encoding="utf-8") as f:
        rules = f.read()
    with open(requests_file, encoding="utf-8") as f:
        requests = json.load(f)
    duk = ctypes.CDLL("libduktape.so.207")
    duk.duk_create_heap.restype = ctypes.c_void_p
    duk.duk_create_heap.argtypes = [ctypes.c_void_p] * 5
    duk.duk_eval_raw.restype = ctypes.c_int
    duk.duk_eval_raw.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint]
    duk.duk_safe_to_lstring.restype = ctypes.c_char_p
    duk.duk_safe_to_lstring.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    flags = DUK_COMPILE_EVAL | DUK_COMPILE_SAFE | DUK_COMPILE_NOSOURCE | DUK_COMPILE_STRLEN | DUK_COMPILE_NOFILENAME
    ctx = duk.duk_create_heap(None, None, None, None, None)
    for name, source in (("prelude", PRELUDE), (rules_file, rules),
                         ("requests", "var requests = " + json.dumps(requests) + ";"), ("answers", ANSWER)):
        if duk.duk_eval_raw(ctx, source.encode("utf-8"), 0, flags) != 0:
            print(name + ": " + duk.duk_safe_to_lstring(ctx, -1, None).decode("utf-8"), file=sys.stderr)
            return 1
    print(duk.duk_safe_to_lstring(ctx, -1, None).decode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
