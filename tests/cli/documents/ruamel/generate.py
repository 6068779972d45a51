# Writes scalars.json: how the AWS CLI v2's YAML loader (ruamel.yaml's safe
# loader, `YAML(typ='safe', pure=True)`, which `aws ... --cli-input-yaml` uses)
# types each plain or tagged scalar below, written as the value of `v: `.
# tests/node/cli-yaml-reading.test.mjs holds js/cli/documents.mjs to it.
# Run once with ruamel.yaml installed (written with ruamel.yaml 0.19.1,
# Python 3.11): python3 generate.py > scalars.json
import json, sys, datetime, math
import ruamel.yaml
from ruamel.yaml import YAML
plain = """0 1 -1 +1 01 010 08 0o7 0o8 0x1F -0x1 +0x1 0X1 0xG 0b101 -0b1 0b2 1_000 1_048_576 _1 1_ 0_1 00 -0 +0 12:30 1:20:30 190:20:30 1__0 0x_1 0b_1 0o_1 -_1 9223372036854775808 -9223372036854775809
1.0 1. .5 -.5 +.5 1e6 1E6 1e+6 1e-6 1.5e-3 1_000.5 1e_6 1.0e6 0.0 -0.0 1_0e2 6.8523015e+5 685.230_15e+03 12:30.5 1048576.0 ._5 . .e1 1.e1 1.0_ 0.1_2 -1e6 1e 1e+ e1 .5e+1 .5e1
.inf -.inf +.inf .Inf .INF .iNf .nan .NaN .NAN -.nan +.nan inf nan Infinity NaN
true True TRUE tRue false False FALSE yes Yes YES no No on On off Off y Y n N
null Null NULL ~ nUll NUL
2026-01-01 2026-1-1 2026-01-1 2026-01-01T10:00:00Z 2026-01-01t10:00:00 2026-01-01T10:00:00.5+01:00 2026-01-01T10:00:00.123456789Z 2026-01-01T1:00:00 2026-01-01T10:00:00-5 2026-13-01 2026-02-30 2026-01-01T25:00:00 20260101 2026-01-01T10:00 0001-01-01 2026-01-01T10:00:00+0100
= << abc 1a 0x 0b 0o +""".split()
spaced = ['2026-01-01 10:00:00', '2026-01-01  10:00:00 Z', '2026-01-01 10:00:00 +01:00', '2026-1-1 1:00:00', '1 2', '']
tagged = ['!!float 1', '!!float 1_0', '!!float abc', '!!float .inf', '!!float 0x1', '!!float 1e6', '!!float "1"', '!!float 1.5',
  '!!int 1.0', '!!int "1"', '!!int 0x1', '!!int 1_0', '!!int 010', '!!int 0b1', '!!int abc', '!!int 1:30',
  '!!bool yes', '!!bool maybe', '!!bool 1', '!!bool True', '!!bool ON', '!!bool "no"', '!!bool y',
  '!!str 1', '!!str 2026-01-01', '!!str true', '!!null x', '!!null ""', '!!timestamp 2026-01-01', '!!timestamp x', '!!timestamp "2026-01-01T10:00:00Z"',
  '!!binary aGVsbG8=', '"1"', "'1'", '"2026-01-01"', '"<<"', '"="']
def kind(v):
    if v is None: return 'null', None
    if isinstance(v, bool): return 'bool', v
    if isinstance(v, int): return 'int', str(v)
    if isinstance(v, float):
        return 'float', ('nan' if math.isnan(v) else 'inf' if v == math.inf else '-inf' if v == -math.inf else repr(v))
    if isinstance(v, datetime.datetime): return 'timestamp', v.isoformat()
    if isinstance(v, datetime.date): return 'date', v.isoformat()
    if isinstance(v, str): return 'str', v
    return type(v).__name__, repr(v)
rows = []
for s in [*plain, *spaced, *tagged]:
    try:
        v = YAML(typ='safe', pure=True).load('v: ' + s + '\n')['v']
        t, val = kind(v)
        rows.append({'yaml': s, 'type': t, 'value': val})
    except Exception as e:
        rows.append({'yaml': s, 'type': 'error', 'value': type(e).__name__})
# One row a line.
sys.stdout.write('{"loader": %s,\n "rows": [\n%s\n]}\n' % (
    json.dumps(f"ruamel.yaml {ruamel.yaml.__version__} YAML(typ='safe', pure=True)"),
    ',\n'.join('  ' + json.dumps(row) for row in rows)))
