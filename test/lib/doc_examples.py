#!/usr/bin/env python3
"""test/lib/doc_examples.py - the SQL examples of the documentation pages.

    doc_examples.py run PAGE...       run every page's examples; prints TAP
    doc_examples.py extract PAGE DIR  write each ```sql block of PAGE to
                                      DIR/doc.N.sql, the ```text block after
                                      it to DIR/doc.N.text
    doc_examples.py match WANT GOT    exit 0 when the lines of file WANT
                                      appear in file GOT

A page that has ```sql blocks says how they run in one HTML comment line
(Markdown does not render it):

    <!-- examples: database=fresh sample=42 search_path=hdh_roadmap,public -->
    <!-- examples: not run (why), see test/integration/SCRIPT.sh -->

database=fresh: a new database with the extension (the default);
database=empty: a new database without it. sample=SEED loads the synthetic
sample (sample/load.sql) with that seed; search_path=LIST is set for every
block. "not run": the page is covered by that script, which must exist and
name the page. A page with ```sql blocks and no such line is a failure.

The blocks of a page run in order on the page's database, each in its own
psql (-X, ON_ERROR_STOP): what a block creates is there for the next ones,
settings (SET) are not. A block whose first line starts with "-- not run"
is skipped; one starting with "-- fails" must fail. When a ```text block
follows a ```sql block, its lines must appear, in a row, in what psql
prints (for a failing block: in its error), trailing spaces aside; "…"
stands for any text. doc/developing.md tells how to write an example.
"""
import os
import re
import subprocess
import sys

FENCE = re.compile(r'^(`{3,})\s*(\S*)')
DECLARATION = re.compile(r'^<!-- examples: (.*?) -->\s*$')
NOT_RUN = re.compile(r'^not run(?: \([^)]*\))?, see (\S+)$')
KEYS = {'database': ('fresh', 'empty'), 'sample': None, 'search_path': None}


def blocks(text):
    """The fenced blocks of a page, (language, body, line of the fence), and
    its lines outside them."""
    found, prose, fence, body, lang, start = [], [], None, [], None, 0
    for number, line in enumerate(text.splitlines(), 1):
        if fence is None:
            opening = FENCE.match(line)
            if opening:
                fence, lang, body, start = opening.group(1), opening.group(2), [], number
            else:
                prose.append(line)
        elif line.rstrip().startswith(fence) and not line.rstrip().strip('`'):
            found.append((lang, ''.join(l + '\n' for l in body), start))
            fence = None
        else:
            body.append(line)
    return found, prose


def sql_examples(text):
    """The ```sql blocks of a page, each with the ```text block that follows
    it (or None): (body, expected, line)."""
    found = blocks(text)[0]
    return [(body, found[i + 1][1] if i + 1 < len(found) and found[i + 1][0] == 'text' else None, line)
            for i, (lang, body, line) in enumerate(found) if lang == 'sql']


def first_line(body):
    return body.strip().splitlines()[0] if body.strip() else ''


def matches(pattern, line):
    return re.fullmatch('.*'.join(re.escape(p) for p in pattern.split('…')), line) is not None


def appears(want, got):
    """Whether the lines of want appear in a row in got ("…": any text)."""
    want = [l.rstrip() for l in want.strip('\n').splitlines()]
    got = [l.rstrip() for l in got.splitlines()]
    return any(all(matches(w, g) for w, g in zip(want, got[k:k + len(want)]))
               for k in range(len(got) - len(want) + 1))


def declaration(text):
    """The page's setup: ('run', {key: value}), ('skip', script), or
    ('error', why); None when the page has no declaration."""
    found = [m.group(1) for m in map(DECLARATION.match, blocks(text)[1]) if m]
    if not found:
        return None
    if len(found) > 1:
        return 'error', f'{len(found)} "<!-- examples: -->" lines, one expected'
    skip = NOT_RUN.match(found[0])
    if skip:
        return 'skip', skip.group(1)
    if found[0].startswith('not run'):
        return 'error', f'"{found[0]}": write "not run (why), see test/integration/SCRIPT.sh"'
    setup = {'database': 'fresh'}
    for item in found[0].split():
        key, _, value = item.partition('=')
        if key not in KEYS or not value or (KEYS[key] and value not in KEYS[key]) or \
                (key == 'sample' and not value.isdigit()):
            return 'error', f'"{item}" is not one of database=fresh|empty, sample=SEED, search_path=LIST'
        setup[key] = value
    return 'run', setup


class Tap:
    def __init__(self):
        self.n = self.failed = 0

    def result(self, good, description, diagnostics=()):
        self.n += 1
        self.failed += not good
        print(f'{"ok" if good else "not ok"} {self.n} - {description}')
        for line in diagnostics:
            for part in str(line).splitlines():
                print('#   ' + part)


def psql(*args, stdin=None, env=None):
    return subprocess.run([os.environ.get('PSQL', 'psql'), '-X', '-q', '-v', 'ON_ERROR_STOP=1', *args],
                          input=stdin, capture_output=True, text=True, env=env)


def setup_database(db, setup):
    """Create the page's database; the error text, or None."""
    steps = [('-d', 'postgres', '-c', f'DROP DATABASE IF EXISTS {db}', '-c', f'CREATE DATABASE {db}')]
    if setup['database'] == 'fresh':
        steps.append(('-d', db, '-c', 'CREATE EXTENSION hdh_roadmap'))
    if 'sample' in setup:
        steps.append(('-d', db, '-v', f'seed={setup["sample"]}', '-f', 'sample/load.sql'))
    for step in steps:
        r = psql(*step)
        if r.returncode != 0:
            return f'psql {" ".join(step)}: {r.stderr.strip()}'
    return None


def run_example(tap, page, db, env, body, expect, line):
    must_fail = first_line(body).startswith('-- fails')
    shown = next((l for l in body.splitlines() if l.strip() and not l.startswith('-- fails')), '')
    r = psql('-d', db, stdin=body, env=env)
    problems = []
    if must_fail and r.returncode == 0:
        problems.append('it did not fail')
    if not must_fail and r.returncode != 0:
        problems.append('it failed: ' + r.stderr.strip())
    if expect is not None:
        got = r.stderr if must_fail else r.stdout
        got = re.sub(r'^psql:<stdin>:\d+: ', '', got, flags=re.M)
        if not appears(expect, got):
            problems.append('the lines of the ```text block are not in the output')
            problems += ['want: ' + w for w in expect.strip('\n').splitlines()]
            problems += ['got:  ' + g for g in got.splitlines()]
    tap.result(not problems, f'{page}:{line}: {"fails: " if must_fail else ""}{shown[:70]}', problems)


def run_page(tap, page):
    text = open(page, encoding='utf-8').read()
    examples = sql_examples(text)
    setup = declaration(text)
    if setup is None:
        if examples:
            tap.result(False, f'{page} has {len(examples)} ```sql blocks and no "<!-- examples: … -->" line',
                       ['doc/developing.md, "Runnable examples", tells what to write.'])
        return
    kind, what = setup
    if kind == 'error':
        tap.result(False, f'{page}: {what}')
        return
    if kind == 'skip':
        script = what
        problem = None
        if not os.path.isfile(script):
            problem = f'{script} does not exist'
        elif page not in open(script, encoding='utf-8').read():
            problem = f'{script} does not name {page}'
        tap.result(problem is None, f'{page}: its {len(examples)} ```sql blocks are run by {script}'
                   ' (not here, by design)', [problem] if problem else [])
        return
    runnable = [e for e in examples if not first_line(e[0]).startswith('-- not run')]
    if not runnable:
        tap.result(False, f'{page} declares examples but has no ```sql block to run')
        return
    db = 'hdh_doc_' + re.sub(r'[^a-z0-9]+', '_', os.path.splitext(os.path.basename(page))[0].lower())
    error = setup_database(db, what)
    if error:
        tap.result(False, f'{page}: set up database {db} ({text_of(what)})', [error])
        return
    env = dict(os.environ)
    if 'search_path' in what:
        env['PGOPTIONS'] = (env.get('PGOPTIONS', '') + ' -c search_path=' + what['search_path']).strip()
    try:
        for body, expect, line in runnable:
            run_example(tap, page, db, env, body, expect, line)
    finally:
        psql('-d', 'postgres', '-c', f'DROP DATABASE IF EXISTS {db}')


def text_of(setup):
    return ' '.join(f'{k}={v}' for k, v in setup.items())


def main(argv):
    if len(argv) >= 2 and argv[0] == 'run':
        tap = Tap()
        for page in argv[1:]:
            run_page(tap, page)
        print(f'1..{tap.n}')
        return 1 if tap.failed or tap.n == 0 else 0
    if len(argv) == 3 and argv[0] == 'extract':
        for n, (body, expect, _) in enumerate(sql_examples(open(argv[1], encoding='utf-8').read()), 1):
            open(os.path.join(argv[2], f'doc.{n}.sql'), 'w', encoding='utf-8').write(body)
            if expect is not None:
                open(os.path.join(argv[2], f'doc.{n}.text'), 'w', encoding='utf-8').write(expect)
        return 0
    if len(argv) == 3 and argv[0] == 'match':
        want, got = (open(f, encoding='utf-8').read() for f in argv[1:])
        return 0 if appears(want, got) else 1
    print(__doc__.split('\n\n')[1], file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
