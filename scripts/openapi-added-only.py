"""Proves that the services' kept OpenAPI documents differ from those at a revision only by added responses,
and by the operations named with --removed (with the component schemas nothing else uses any more).

Run from the repository root:
    python3 scripts/openapi-added-only.py <rev> [--removed 'consent-service POST /api/consents/import' ...]
Fails on any other change; prints the added responses per service and status, and what was removed.
"""
import argparse, collections, json, subprocess

args = argparse.ArgumentParser()
args.add_argument('rev')
args.add_argument('--removed', action='append', default=[], help="'<service> <METHOD> <path>'")
opts = args.parse_args()
removed = collections.defaultdict(set)
for r in opts.removed:
    service, method, path = r.split(' ', 2)
    removed[service].add((method.lower(), path))


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str):
                yield v.rsplit('/', 1)[-1]
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def reachable_schemas(doc):
    schemas = doc.get('components', {}).get('schemas', {})
    seen, todo = set(), list(refs(doc['paths']))
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(refs(schemas[name]))
    return seen


total = collections.Counter()
for s in ['notice-service', 'consent-service', 'sharing-agreement-service']:
    path = f'{s}/src/test/resources/openapi/{s}.json'
    old = json.loads(subprocess.check_output(['git', 'show', f'{opts.rev}:{path}']))
    new = json.load(open(path))
    expected = json.loads(json.dumps(old))
    for method, p in removed[s]:
        assert method in expected['paths'].get(p, {}), f'{s}: {method.upper()} {p} was not in the old document'
        del expected['paths'][p][method]
        if not any(isinstance(v, dict) and 'responses' in v for v in expected['paths'][p].values()):
            del expected['paths'][p]
    if removed[s]:
        kept = reachable_schemas(expected)
        gone = sorted(n for n in expected.get('components', {}).get('schemas', {}) if n not in kept
                      and n in reachable_schemas(old))
        for n in gone:
            del expected['components']['schemas'][n]
        print(s, 'removed', sorted(f'{m.upper()} {p}' for m, p in removed[s]), 'and schemas only they used', gone)
    added = collections.Counter()
    stripped = json.loads(json.dumps(new))
    for p, item in stripped['paths'].items():
        for m, op in item.items():
            if isinstance(op, dict) and 'responses' in op:
                before = expected['paths'].get(p, {}).get(m, {}).get('responses', {})
                for status in list(op['responses']):
                    if status not in before:
                        added[status] += 1
                        del op['responses'][status]
    assert stripped == expected, f'{s}: more changed than added responses and the removed operations'
    print(s, 'added responses', dict(sorted(added.items())), sum(added.values()))
    total.update(added)
print('all services: added responses', dict(sorted(total.items())), sum(total.values()))
