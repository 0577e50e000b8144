#!/usr/bin/env python3
"""Regenerates the Values table of deploy/helm/cognita/README.md from the `# --` comments in values.yaml.
Usage: deploy/helm/readme-values.py  (HelmChartTest checks that every value is listed)."""
import os
import re

chart = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cognita')
rows, stack, pending = [], [], None
for line in open(os.path.join(chart, 'values.yaml')).read().split('\n'):
    if not line.strip():
        continue
    m = re.match(r'^(\s*)# -- (.*)$', line)
    if m:
        pending = m.group(2)
        continue
    if pending is not None and re.match(r'^\s*# (?!--)', line):
        pending += ' ' + line.strip()[2:]  # a comment's continuation line
        continue
    if line.strip().startswith('#') or line.strip().startswith('-'):
        continue
    m = re.match(r'^(\s*)([A-Za-z0-9_.\-/]+):(.*)$', line)
    if not m:
        continue
    indent, key, rest = len(m.group(1)), m.group(2), m.group(3).strip()
    while stack and stack[-1][0] >= indent:
        stack.pop()
    path = '.'.join([k for _, k in stack] + [key])
    inside_list_or_map = any(k in ('annotations', 'ingressControllerNamespace', 'env', 'matchLabels', 'prometheusNamespace',
                                   'labels') for _, k in stack) \
        or re.search(r'networkPolicy\.(postgresql|kafka|redis|dns)\.', path)
    if not inside_list_or_map:
        rows.append((path, rest if rest and not rest.startswith('#') else '', pending or ''))
    stack.append((indent, key))
    pending = None

described = {re.sub(r'^services\.[a-z]+\.', 'services.*.', p): c for p, _, c in rows if c}
table = ['| value | default | what |', '|---|---|---|']
for path, default, comment in rows:
    comment = comment or described.get(re.sub(r'^services\.[a-z]+\.', 'services.*.', path), '')
    default = ('`' + default.replace('|', '\\|') + '`') if default else '(below)'
    table.append(f'| `{path}` | {default} | {comment} |')

readme = os.path.join(chart, 'README.md')
text = open(readme).read()
head = text[:text.index('| value | default | what |')]
open(readme, 'w').write(head + '\n'.join(table) + '\n')
