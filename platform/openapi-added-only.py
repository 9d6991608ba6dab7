"""Proves that the services' kept OpenAPI documents differ from those at a revision only by added responses.

Run from the repository root: python3 platform/openapi-added-only.py <rev>. Fails on any other change; prints the
added responses per service and status.
"""
import json, subprocess, sys, collections
rev = sys.argv[1]
total = collections.Counter()
for s in ['notice-service', 'consent-service', 'sharing-agreement-service']:
    path = f'{s}/src/test/resources/openapi/{s}.json'
    old = json.loads(subprocess.check_output(['git', 'show', f'{rev}:{path}']))
    new = json.load(open(path))
    added = collections.Counter()
    def strip(doc):
        d = json.loads(json.dumps(doc))
        for p, item in d['paths'].items():
            for m, op in item.items():
                if isinstance(op, dict) and 'responses' in op:
                    o = old['paths'].get(p, {}).get(m, {}).get('responses', {})
                    for st in list(op['responses']):
                        if st not in o:
                            added[st] += 1 if doc is new else 0
                            del op['responses'][st]
        return d
    assert strip(new) == old, f'{s}: more than added responses changed'
    for p, item in old['paths'].items():
        for m, op in item.items():
            if isinstance(op, dict) and 'responses' in op:
                for st, r in op['responses'].items():
                    assert new['paths'][p][m]['responses'][st] == r, (s, p, m, st)
    print(s, dict(sorted(added.items())), sum(added.values()))
    total.update(added)
print('all', dict(sorted(total.items())), sum(total.values()))
