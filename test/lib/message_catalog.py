#!/usr/bin/env python3
"""test/lib/message_catalog.py - the messages of src/ against the catalog.

    message_catalog.py POT FILE.c...

Reads the C files with a small tokenizer of its own (not xgettext) and finds
every call that carries a message: errmsg, errdetail, errhint (the server's),
hdh_fail (format; its detail must be gettext_noop("...") or NULL or a
variable), the codecs' DelaySyntaxError (a detail format) and
YearCountsSyntaxError (an expected phrase), hdh_gettext and gettext_noop.
Each message must be a literal and a msgid of POT (the catalog that
`make init-po` extracted); primary messages start in lower case and end
without a period, details and hints are sentences (capital, final period),
and no message names a routine ("name()" or "name: " in front).

Prints TAP lines (ok / not ok, unnumbered: the caller numbers them) and a
line "# counts KIND=N ..." with the number of messages of each kind.
"""
import re
import sys

# function -> (argument index from 1, kind)
TRIGGERS = {
    'errmsg': [(1, 'primary')],
    'errdetail': [(1, 'detail')],
    'errhint': [(1, 'detail')],
    'hdh_fail': [(4, 'primary'), (3, 'hdh_fail detail')],
    'DelaySyntaxError': [(3, 'detail')],
    'YearCountsSyntaxError': [(4, 'phrase')],
    'hdh_gettext': [(1, 'any')],
    'gettext_noop': [(1, 'any')],
}
# First arguments that mean a declaration or definition, not a call.
DECLARATION = re.compile(r'^(const\s|HdhError\s*\*|HdhStatus\s)')


def tokens(text):
    """(kind, value, line) of C text: 'str', 'id', 'punct'; comments dropped."""
    i, line, n = 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith('/*', i):
            j = text.index('*/', i + 2) + 2
            line += text.count('\n', i, j)
            i = j
        elif text.startswith('//', i):
            i = text.find('\n', i)
            i = n if i < 0 else i
        elif c == '"' or c == "'":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == '\\' else 1
            if c == '"':
                yield ('str', text[i + 1:j], line)
            else:
                yield ('punct', 'char', line)
            i = j + 1
        elif c.isalnum() or c == '_':
            j = i
            while j < n and (text[j].isalnum() or text[j] == '_'):
                j += 1
            yield ('id', text[i:j], line)
            i = j
        elif c == '#' and (i == 0 or text[i - 1] == '\n'):
            # a preprocessor line (with its continuations)
            while i < n and text[i] != '\n':
                i += 2 if text[i] == '\\' else 1
        else:
            yield ('punct', c, line)
            i += 1


def calls(path):
    """(function, line, [argument token lists]) of every trigger call in path."""
    toks = list(tokens(open(path, encoding='utf-8').read()))
    for k, (kind, value, line) in enumerate(toks):
        if kind != 'id' or value not in TRIGGERS:
            continue
        if k + 1 >= len(toks) or toks[k + 1][1] != '(':
            continue
        args, cur, depth, j = [], [], 0, k + 1
        while j < len(toks):
            t = toks[j]
            if t[0] == 'punct' and t[1] in '([':
                depth += 1
                if depth > 1:
                    cur.append(t)
            elif t[0] == 'punct' and t[1] in ')]':
                depth -= 1
                if depth == 0:
                    args.append(cur)
                    break
                cur.append(t)
            elif t[0] == 'punct' and t[1] == ',' and depth == 1:
                args.append(cur)
                cur = []
            else:
                cur.append(t)
            j += 1
        yield value, line, args


def literal(arg):
    """The msgid of an argument made of string literals and <inttypes.h>
    PRI macros only (as xgettext writes it), or None."""
    if not arg or arg[0][0] != 'str':
        return None
    parts = []
    for kind, value, _ in arg:
        if kind == 'str':
            parts.append(value)
        elif kind == 'id' and re.fullmatch(r'PRI[diouxX](8|16|32|64|MAX|PTR)', value):
            parts.append('<%s>' % value)
        else:
            return None
    return ''.join(parts)


def pot_msgids(path):
    ids, cur, in_id = set(), None, False
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('msgid '):
            cur, in_id = line[7:-1], True
        elif line.startswith('"') and in_id:
            cur += line[1:-1]
        else:
            if in_id and cur:
                ids.add(cur)
            in_id = False
    if in_id and cur:
        ids.add(cur)
    return ids


def style(kind, msg):
    """What is wrong with msg as a message of that kind, or None."""
    if re.search(r'\b[a-z_][a-z0-9_]*\(\)', msg) or re.match(r'^[a-z_][a-z0-9_]*: ', msg):
        return 'names a routine'
    if kind == 'primary':
        if re.match(r'^[A-Z][a-z]', msg):
            return 'primary message starts with a capital'
        if msg.endswith('.'):
            return 'primary message ends with a period'
    if kind in ('detail', 'hdh_fail detail'):
        if not re.match(r'^[A-Z%]', msg) or not msg.endswith('.'):
            return 'detail or hint is not a sentence (capital, final period)'
    return None


def main():
    pot, files = sys.argv[1], sys.argv[2:]
    ids = pot_msgids(pot)
    counts = {}
    problems = []
    for path in files:
        for func, line, args in calls(path):
            where = '%s:%d %s' % (path, line, func)
            if args and args[0] and DECLARATION.match(
                    ' '.join(v if k != 'punct' else v for k, v, _ in args[0][:2])):
                continue
            for index, kind in TRIGGERS[func]:
                if index > len(args):
                    problems.append('%s has no argument %d' % (where, index))
                    continue
                arg = args[index - 1]
                msg = literal(arg)
                if msg is None:
                    first = arg[0][1] if arg else ''
                    if kind == 'hdh_fail detail' and first in ('gettext_noop', 'NULL'):
                        continue            # marked where written, or none
                    if kind in ('primary',) or (kind == 'detail' and func.startswith('err')):
                        problems.append('%s: the message is not a literal' % where)
                    continue                # a variable: marked where it is written
                if kind == 'hdh_fail detail':
                    problems.append('%s: detail "%s" is not marked gettext_noop' % (where, msg))
                    continue
                counts[func] = counts.get(func, 0) + 1
                if msg not in ids:
                    problems.append('%s: "%s" is not in %s' % (where, msg, pot))
                why = style(kind, msg)
                if why:
                    problems.append('%s: "%s" %s' % (where, msg, why))
    total = sum(counts.values())
    if total == 0:
        problems.append('found no message at all')
    print('# counts ' + ' '.join('%s=%d' % kv for kv in sorted(counts.items())))
    if problems:
        for p in problems:
            print('not ok - %s' % p)
    else:
        print('ok - each of the %d messages of %d files is a msgid of the catalog, '
              'in PostgreSQL\'s style' % (total, len(files)))


if __name__ == '__main__':
    main()
