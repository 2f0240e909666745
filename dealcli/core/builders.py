"""The cache's builders (core/decode.py), compiled with the package.

Made by `python -m dealcli.core.decode`; tests/test_cache_rules.py checks it is
current. A builder is used only while its text is the one decode.py makes; the
names each one reads come from decode.py when it is used.
"""
# ruff: noqa
# mypy: ignore-errors

BUILDERS = {}


def _Allocation(v):
    if type(v) is not list or len(v) != 17:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, = v
    f0 = d4(f0)
    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:
        _bad(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    if type(f3) is not str or f3 not in d5:
        _bad(f3)
    if type(f4) is not list:
        _bad(f4)
    f4 = tuple(map(d6, f4)) if f4 else ()
    if f5 is not None:
        if type(f5) is not str or not 1 <= len(f5) <= MAX_TEXT:
            _bad(f5)
    if f6 is not None:
        f6 = d7(f6)
    if f7 is not None:
        if type(f7) is not str or f7 not in d8:
            _bad(f7)
    if f8 is not None:
        f8 = d9(f8)
    if f9 is not None:
        if type(f9) is not str or f9 not in d10:
            _bad(f9)
    if f10 is not None:
        f10 = d11(f10)
    if type(f11) is not list:
        _bad(f11)
    f11 = tuple(map(d12, f11)) if f11 else ()
    if f12 is not None:
        f12 = d13(f12)
    if type(f13) is not str or f13 not in d14:
        _bad(f13)
    if f14 is not None:
        f14 = d15(f14)
    if type(f15) is not list:
        _bad(f15)
    f15 = tuple(map(d16, f15)) if f15 else ()
    if type(f16) is not list:
        _bad(f16)
    f16 = tuple(map(d17, f16)) if f16 else ()
    made = new(cls)
    made.__dict__.update({'id': f0, 'title': f1, 'sector': f2, 'status': f3, 'sources': f4, 'subsector': f5, 'usd_bn': f6, 'basis': f7, 'tranche': f8, 'instrument': f9, 'part_of': f10, 'companies': f11, 'date': f12, 'confidence': f13, 'local': f14, 'history': f15, 'alternatives': f16})
    return made


BUILDERS['Allocation'] = ("def build(v):\n    if type(v) is not list or len(v) != 17:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not str or f3 not in d5:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d6, f4)) if f4 else ()\n    if f5 is not None:\n        if type(f5) is not str or not 1 <= len(f5) <= MAX_TEXT:\n            _bad(f5)\n    if f6 is not None:\n        f6 = d7(f6)\n    if f7 is not None:\n        if type(f7) is not str or f7 not in d8:\n            _bad(f7)\n    if f8 is not None:\n        f8 = d9(f8)\n    if f9 is not None:\n        if type(f9) is not str or f9 not in d10:\n            _bad(f9)\n    if f10 is not None:\n        f10 = d11(f10)\n    if type(f11) is not list:\n        _bad(f11)\n    f11 = tuple(map(d12, f11)) if f11 else ()\n    if f12 is not None:\n        f12 = d13(f12)\n    if type(f13) is not str or f13 not in d14:\n        _bad(f13)\n    if f14 is not None:\n        f14 = d15(f14)\n    if type(f15) is not list:\n        _bad(f15)\n    f15 = tuple(map(d16, f15)) if f15 else ()\n    if type(f16) is not list:\n        _bad(f16)\n    f16 = tuple(map(d17, f16)) if f16 else ()\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'title': f1, 'sector': f2, 'status': f3, 'sources': f4, 'subsector': f5, 'usd_bn': f6, 'basis': f7, 'tranche': f8, 'instrument': f9, 'part_of': f10, 'companies': f11, 'date': f12, 'confidence': f13, 'local': f14, 'history': f15, 'alternatives': f16})\n    return made", _Allocation)


def _Alternative(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    if type(f1) is not list:
        _bad(f1)
    f1 = tuple(map(d5, f1)) if f1 else ()
    if f2 is not None:
        if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
            _bad(f2)
    made = new(cls)
    made.__dict__.update({'usd_bn': f0, 'sources': f1, 'note': f2})
    return made


BUILDERS['Alternative'] = ("def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    if type(f1) is not list:\n        _bad(f1)\n    f1 = tuple(map(d5, f1)) if f1 else ()\n    if f2 is not None:\n        if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n            _bad(f2)\n    made = new(cls)\n    made.__dict__.update({'usd_bn': f0, 'sources': f1, 'note': f2})\n    return made", _Alternative)


def _Capacity(v):
    if type(v) is not list or len(v) != 5:
        _bad(v)
    f0, f1, f2, f3, f4, = v
    if type(f0) is not list:
        _bad(f0)
    f0 = tuple(map(d4, f0)) if f0 else ()
    if f1 is not None:
        f1 = d5(f1)
    if f2 is not None:
        f2 = d6(f2)
    if type(f3) is not list:
        _bad(f3)
    f3 = tuple(map(d7, f3)) if f3 else ()
    if f4 is not None:
        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:
            _bad(f4)
    made = new(cls)
    made.__dict__.update({'sources': f0, 'reserves_usd_bn': f1, 'reserves_date': f2, 'funding': f3, 'note': f4})
    return made


BUILDERS['Capacity'] = ("def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    if type(f0) is not list:\n        _bad(f0)\n    f0 = tuple(map(d4, f0)) if f0 else ()\n    if f1 is not None:\n        f1 = d5(f1)\n    if f2 is not None:\n        f2 = d6(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d7, f3)) if f3 else ()\n    if f4 is not None:\n        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:\n            _bad(f4)\n    made = new(cls)\n    made.__dict__.update({'sources': f0, 'reserves_usd_bn': f1, 'reserves_date': f2, 'funding': f3, 'note': f4})\n    return made", _Capacity)


def _Commitment(v):
    if type(v) is not list or len(v) != 9:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v
    f0 = d4(f0)
    if type(f1) is not str or f1 not in d5:
        _bad(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    if type(f3) is not list:
        _bad(f3)
    f3 = tuple(map(d6, f3)) if f3 else ()
    if f4 is not None:
        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:
            _bad(f4)
    if type(f5) is not str or f5 not in d7:
        _bad(f5)
    if f6 is not None:
        f6 = d8(f6)
    if f7 is not None:
        if type(f7) is not str or f7 not in d9:
            _bad(f7)
    if type(f8) is not str or f8 not in d10:
        _bad(f8)
    made = new(cls)
    made.__dict__.update({'id': f0, 'area': f1, 'title': f2, 'sources': f3, 'detail': f4, 'party': f5, 'usd_bn': f6, 'basis': f7, 'confidence': f8})
    return made


BUILDERS['Commitment'] = ("def build(v):\n    if type(v) is not list or len(v) != 9:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d6, f3)) if f3 else ()\n    if f4 is not None:\n        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:\n            _bad(f4)\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        f6 = d8(f6)\n    if f7 is not None:\n        if type(f7) is not str or f7 not in d9:\n            _bad(f7)\n    if type(f8) is not str or f8 not in d10:\n        _bad(f8)\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'area': f1, 'title': f2, 'sources': f3, 'detail': f4, 'party': f5, 'usd_bn': f6, 'basis': f7, 'confidence': f8})\n    return made", _Commitment)


def _Company(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:
        _bad(f0)
    f1 = d4(f1)
    if type(f2) is not str or f2 not in d5:
        _bad(f2)
    made = new(cls)
    made.__dict__.update({'name': f0, 'country': f1, 'role': f2})
    return made


BUILDERS['Company'] = ("def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:\n        _bad(f0)\n    f1 = d4(f1)\n    if type(f2) is not str or f2 not in d5:\n        _bad(f2)\n    made = new(cls)\n    made.__dict__.update({'name': f0, 'country': f1, 'role': f2})\n    return made", _Company)


def _Context(v):
    if type(v) is not list or len(v) != 8:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, = v
    f0 = d4(f0)
    if type(f1) is not str or f1 not in d5:
        _bad(f1)
    f2 = d6(f2)
    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:
        _bad(f3)
    f4 = d7(f4)
    if type(f5) is not list:
        _bad(f5)
    f5 = tuple(map(d8, f5)) if f5 else ()
    if type(f6) is not list:
        _bad(f6)
    f6 = tuple(map(d9, f6)) if f6 else ()
    if f7 is not None:
        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:
            _bad(f7)
    made = new(cls)
    made.__dict__.update({'format': f0, 'kind': f1, 'id': f2, 'title': f3, 'updated': f4, 'events': f5, 'sources': f6, 'notes': f7})
    return made


BUILDERS['Context'] = ("def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    f2 = d6(f2)\n    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n        _bad(f3)\n    f4 = d7(f4)\n    if type(f5) is not list:\n        _bad(f5)\n    f5 = tuple(map(d8, f5)) if f5 else ()\n    if type(f6) is not list:\n        _bad(f6)\n    f6 = tuple(map(d9, f6)) if f6 else ()\n    if f7 is not None:\n        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:\n            _bad(f7)\n    made = new(cls)\n    made.__dict__.update({'format': f0, 'kind': f1, 'id': f2, 'title': f3, 'updated': f4, 'events': f5, 'sources': f6, 'notes': f7})\n    return made", _Context)


def _ContextEvent(v):
    if type(v) is not list or len(v) != 8:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:
        _bad(f3)
    if type(f4) is not list:
        _bad(f4)
    f4 = tuple(map(d6, f4)) if f4 else ()
    if type(f5) is not str or f5 not in d7:
        _bad(f5)
    if f6 is not None:
        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:
            _bad(f6)
    if f7 is not None:
        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:
            _bad(f7)
    made = new(cls)
    made.__dict__.update({'id': f0, 'date': f1, 'title': f2, 'status': f3, 'sources': f4, 'confidence': f5, 'authority': f6, 'note': f7})
    return made


BUILDERS['ContextEvent'] = ("def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d6, f4)) if f4 else ()\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:\n            _bad(f7)\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'date': f1, 'title': f2, 'status': f3, 'sources': f4, 'confidence': f5, 'authority': f6, 'note': f7})\n    return made", _ContextEvent)


def _Deal(v):
    if type(v) is not list or len(v) != 21:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    f3 = d6(f3)
    f4 = d7(f4)
    f5 = d8(f5)
    if type(f6) is not str or f6 not in d9:
        _bad(f6)
    f7 = d10(f7)
    if type(f8) is not list:
        _bad(f8)
    f8 = tuple(map(d11, f8)) if f8 else ()
    if type(f9) is not list:
        _bad(f9)
    f9 = tuple(map(d12, f9)) if f9 else ()
    if f10 is not None:
        f10 = d13(f10)
    if f11 is not None:
        if type(f11) is not str or not 1 <= len(f11) <= MAX_TEXT:
            _bad(f11)
    if type(f12) is not list:
        _bad(f12)
    f12 = tuple(map(d14, f12)) if f12 else ()
    if type(f13) is not list:
        _bad(f13)
    f13 = tuple(map(d15, f13)) if f13 else ()
    if type(f14) is not list:
        _bad(f14)
    f14 = tuple(map(d16, f14)) if f14 else ()
    if type(f15) is not list:
        _bad(f15)
    f15 = tuple(map(d17, f15)) if f15 else ()
    if type(f16) is not list:
        _bad(f16)
    f16 = tuple(map(d18, f16)) if f16 else ()
    if f17 is not None:
        if type(f17) is not str or not 1 <= len(f17) <= MAX_TEXT:
            _bad(f17)
    if f18 is not None:
        f18 = d19(f18)
    if f19 is not None:
        f19 = d20(f19)
    if type(f20) is not list:
        _bad(f20)
    f20 = tuple(map(d21, f20)) if f20 else ()
    made = new(cls)
    made.__dict__.update({'format': f0, 'id': f1, 'title': f2, 'investor': f3, 'host': f4, 'headline': f5, 'status': f6, 'updated': f7, 'sources': f8, 'aliases': f9, 'period': f10, 'vehicle': f11, 'structure': f12, 'terms': f13, 'allocations': f14, 'commitments': f15, 'timeline': f16, 'notes': f17, 'profit_split': f18, 'capacity': f19, 'context': f20})
    return made


BUILDERS['Deal'] = ("def build(v):\n    if type(v) is not list or len(v) != 21:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    f3 = d6(f3)\n    f4 = d7(f4)\n    f5 = d8(f5)\n    if type(f6) is not str or f6 not in d9:\n        _bad(f6)\n    f7 = d10(f7)\n    if type(f8) is not list:\n        _bad(f8)\n    f8 = tuple(map(d11, f8)) if f8 else ()\n    if type(f9) is not list:\n        _bad(f9)\n    f9 = tuple(map(d12, f9)) if f9 else ()\n    if f10 is not None:\n        f10 = d13(f10)\n    if f11 is not None:\n        if type(f11) is not str or not 1 <= len(f11) <= MAX_TEXT:\n            _bad(f11)\n    if type(f12) is not list:\n        _bad(f12)\n    f12 = tuple(map(d14, f12)) if f12 else ()\n    if type(f13) is not list:\n        _bad(f13)\n    f13 = tuple(map(d15, f13)) if f13 else ()\n    if type(f14) is not list:\n        _bad(f14)\n    f14 = tuple(map(d16, f14)) if f14 else ()\n    if type(f15) is not list:\n        _bad(f15)\n    f15 = tuple(map(d17, f15)) if f15 else ()\n    if type(f16) is not list:\n        _bad(f16)\n    f16 = tuple(map(d18, f16)) if f16 else ()\n    if f17 is not None:\n        if type(f17) is not str or not 1 <= len(f17) <= MAX_TEXT:\n            _bad(f17)\n    if f18 is not None:\n        f18 = d19(f18)\n    if f19 is not None:\n        f19 = d20(f19)\n    if type(f20) is not list:\n        _bad(f20)\n    f20 = tuple(map(d21, f20)) if f20 else ()\n    made = new(cls)\n    made.__dict__.update({'format': f0, 'id': f1, 'title': f2, 'investor': f3, 'host': f4, 'headline': f5, 'status': f6, 'updated': f7, 'sources': f8, 'aliases': f9, 'period': f10, 'vehicle': f11, 'structure': f12, 'terms': f13, 'allocations': f14, 'commitments': f15, 'timeline': f16, 'notes': f17, 'profit_split': f18, 'capacity': f19, 'context': f20})\n    return made", _Deal)


def _Event(v):
    if type(v) is not list or len(v) != 5:
        _bad(v)
    f0, f1, f2, f3, f4, = v
    f0 = d4(f0)
    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:
        _bad(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d5, f2)) if f2 else ()
    if type(f3) is not str or f3 not in d6:
        _bad(f3)
    if type(f4) is not d7:
        _bad(f4)
    made = new(cls)
    made.__dict__.update({'date': f0, 'title': f1, 'sources': f2, 'confidence': f3, 'outside_pledge': f4})
    return made


BUILDERS['Event'] = ("def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d5, f2)) if f2 else ()\n    if type(f3) is not str or f3 not in d6:\n        _bad(f3)\n    if type(f4) is not d7:\n        _bad(f4)\n    made = new(cls)\n    made.__dict__.update({'date': f0, 'title': f1, 'sources': f2, 'confidence': f3, 'outside_pledge': f4})\n    return made", _Event)


def _Figure(v):
    if type(v) is not list or len(v) != 9:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v
    f0 = d4(f0)
    if type(f1) is not str or f1 not in d5:
        _bad(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    if f3 is not None:
        if type(f3) is not str or f3 not in d7:
            _bad(f3)
    if f4 is not None:
        if type(f4) is not d8:
            _bad(f4)
    if type(f5) is not str or f5 not in d9:
        _bad(f5)
    if f6 is not None:
        f6 = d10(f6)
    if type(f7) is not list:
        _bad(f7)
    f7 = tuple(map(d11, f7)) if f7 else ()
    if type(f8) is not list:
        _bad(f8)
    f8 = tuple(map(d12, f8)) if f8 else ()
    made = new(cls)
    made.__dict__.update({'usd_bn': f0, 'basis': f1, 'sources': f2, 'scope': f3, 'binding': f4, 'confidence': f5, 'local': f6, 'history': f7, 'alternatives': f8})
    return made


BUILDERS['Figure'] = ("def build(v):\n    if type(v) is not list or len(v) != 9:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    if f3 is not None:\n        if type(f3) is not str or f3 not in d7:\n            _bad(f3)\n    if f4 is not None:\n        if type(f4) is not d8:\n            _bad(f4)\n    if type(f5) is not str or f5 not in d9:\n        _bad(f5)\n    if f6 is not None:\n        f6 = d10(f6)\n    if type(f7) is not list:\n        _bad(f7)\n    f7 = tuple(map(d11, f7)) if f7 else ()\n    if type(f8) is not list:\n        _bad(f8)\n    f8 = tuple(map(d12, f8)) if f8 else ()\n    made = new(cls)\n    made.__dict__.update({'usd_bn': f0, 'basis': f1, 'sources': f2, 'scope': f3, 'binding': f4, 'confidence': f5, 'local': f6, 'history': f7, 'alternatives': f8})\n    return made", _Figure)


def _HeadlineStep(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    made = new(cls)
    made.__dict__.update({'date': f0, 'usd_bn': f1, 'sources': f2})
    return made


BUILDERS['HeadlineStep'] = ("def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    made = new(cls)\n    made.__dict__.update({'date': f0, 'usd_bn': f1, 'sources': f2})\n    return made", _HeadlineStep)


def _Local(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    made = new(cls)
    made.__dict__.update({'currency': f0, 'bn': f1, 'sources': f2})
    return made


BUILDERS['Local'] = ("def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    made = new(cls)\n    made.__dict__.update({'currency': f0, 'bn': f1, 'sources': f2})\n    return made", _Local)


def _Party(v):
    if type(v) is not list or len(v) != 5:
        _bad(v)
    f0, f1, f2, f3, f4, = v
    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:
        _bad(f0)
    f1 = d4(f1)
    if f2 is not None:
        f2 = d5(f2)
    if f3 is not None:
        f3 = d6(f3)
    if type(f4) is not list:
        _bad(f4)
    f4 = tuple(map(d7, f4)) if f4 else ()
    made = new(cls)
    made.__dict__.update({'name': f0, 'code': f1, 'gdp_usd_bn': f2, 'gdp_year': f3, 'sources': f4})
    return made


BUILDERS['Party'] = ("def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:\n        _bad(f0)\n    f1 = d4(f1)\n    if f2 is not None:\n        f2 = d5(f2)\n    if f3 is not None:\n        f3 = d6(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d7, f4)) if f4 else ()\n    made = new(cls)\n    made.__dict__.update({'name': f0, 'code': f1, 'gdp_usd_bn': f2, 'gdp_year': f3, 'sources': f4})\n    return made", _Party)


def _Period(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    made = new(cls)
    made.__dict__.update({'from_': f0, 'to': f1, 'sources': f2})
    return made


BUILDERS['Period'] = ("def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    made = new(cls)\n    made.__dict__.update({'from_': f0, 'to': f1, 'sources': f2})\n    return made", _Period)


def _ProfitSplit(v):
    if type(v) is not list or len(v) != 4:
        _bad(v)
    f0, f1, f2, f3, = v
    if type(f0) is not list:
        _bad(f0)
    f0 = tuple(map(d4, f0)) if f0 else ()
    if type(f1) is not list:
        _bad(f1)
    f1 = tuple(map(d5, f1)) if f1 else ()
    if f2 is not None:
        f2 = d6(f2)
    if f3 is not None:
        if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:
            _bad(f3)
    made = new(cls)
    made.__dict__.update({'sources': f0, 'covers': f1, 'review_years': f2, 'review': f3})
    return made


BUILDERS['ProfitSplit'] = ("def build(v):\n    if type(v) is not list or len(v) != 4:\n        _bad(v)\n    f0, f1, f2, f3, = v\n    if type(f0) is not list:\n        _bad(f0)\n    f0 = tuple(map(d4, f0)) if f0 else ()\n    if type(f1) is not list:\n        _bad(f1)\n    f1 = tuple(map(d5, f1)) if f1 else ()\n    if f2 is not None:\n        f2 = d6(f2)\n    if f3 is not None:\n        if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n            _bad(f3)\n    made = new(cls)\n    made.__dict__.update({'sources': f0, 'covers': f1, 'review_years': f2, 'review': f3})\n    return made", _ProfitSplit)


def _Source(v):
    if type(v) is not list or len(v) != 8:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, = v
    f0 = d4(f0)
    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:
        _bad(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    f3 = d5(f3)
    f4 = d6(f4)
    if type(f5) is not str or f5 not in d7:
        _bad(f5)
    if f6 is not None:
        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:
            _bad(f6)
    if f7 is not None:
        f7 = d8(f7)
    made = new(cls)
    made.__dict__.update({'id': f0, 'title': f1, 'publisher': f2, 'url': f3, 'date': f4, 'kind': f5, 'via': f6, 'original_url': f7})
    return made


BUILDERS['Source'] = ("def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    f3 = d5(f3)\n    f4 = d6(f4)\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        f7 = d8(f7)\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'title': f1, 'publisher': f2, 'url': f3, 'date': f4, 'kind': f5, 'via': f6, 'original_url': f7})\n    return made", _Source)


def _Step(v):
    if type(v) is not list or len(v) != 4:
        _bad(v)
    f0, f1, f2, f3, = v
    f0 = d4(f0)
    if type(f1) is not str or f1 not in d5:
        _bad(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    if f3 is not None:
        f3 = d7(f3)
    made = new(cls)
    made.__dict__.update({'date': f0, 'status': f1, 'sources': f2, 'usd_bn': f3})
    return made


BUILDERS['Step'] = ("def build(v):\n    if type(v) is not list or len(v) != 4:\n        _bad(v)\n    f0, f1, f2, f3, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    if f3 is not None:\n        f3 = d7(f3)\n    made = new(cls)\n    made.__dict__.update({'date': f0, 'status': f1, 'sources': f2, 'usd_bn': f3})\n    return made", _Step)


def _Term(v):
    if type(v) is not list or len(v) != 12:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, = v
    f0 = d4(f0)
    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:
        _bad(f1)
    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:
        _bad(f2)
    if type(f3) is not list:
        _bad(f3)
    f3 = tuple(map(d5, f3)) if f3 else ()
    if f4 is not None:
        f4 = d6(f4)
    if f5 is not None:
        f5 = d7(f5)
    if f6 is not None:
        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:
            _bad(f6)
    if f7 is not None:
        f7 = d8(f7)
    if f8 is not None:
        f8 = d9(f8)
    if type(f9) is not str or f9 not in d10:
        _bad(f9)
    if f10 is not None:
        if type(f10) is not str or not 1 <= len(f10) <= MAX_TEXT:
            _bad(f10)
    if f11 is not None:
        f11 = d11(f11)
    made = new(cls)
    made.__dict__.update({'id': f0, 'label': f1, 'value': f2, 'sources': f3, 'pct': f4, 'usd_bn': f5, 'authority': f6, 'from_': f7, 'to': f8, 'confidence': f9, 'note': f10, 'known_to': f11})
    return made


BUILDERS['Term'] = ("def build(v):\n    if type(v) is not list or len(v) != 12:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d5, f3)) if f3 else ()\n    if f4 is not None:\n        f4 = d6(f4)\n    if f5 is not None:\n        f5 = d7(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        f7 = d8(f7)\n    if f8 is not None:\n        f8 = d9(f8)\n    if type(f9) is not str or f9 not in d10:\n        _bad(f9)\n    if f10 is not None:\n        if type(f10) is not str or not 1 <= len(f10) <= MAX_TEXT:\n            _bad(f10)\n    if f11 is not None:\n        f11 = d11(f11)\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'label': f1, 'value': f2, 'sources': f3, 'pct': f4, 'usd_bn': f5, 'authority': f6, 'from_': f7, 'to': f8, 'confidence': f9, 'note': f10, 'known_to': f11})\n    return made", _Term)


def _Tranche(v):
    if type(v) is not list or len(v) != 8:
        _bad(v)
    f0, f1, f2, f3, f4, f5, f6, f7, = v
    f0 = d4(f0)
    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:
        _bad(f1)
    f2 = d5(f2)
    if type(f3) is not str or f3 not in d6:
        _bad(f3)
    if type(f4) is not list:
        _bad(f4)
    f4 = tuple(map(d7, f4)) if f4 else ()
    if f5 is not None:
        if type(f5) is not str or f5 not in d8:
            _bad(f5)
    if type(f6) is not str or f6 not in d9:
        _bad(f6)
    if f7 is not None:
        f7 = d10(f7)
    made = new(cls)
    made.__dict__.update({'id': f0, 'label': f1, 'usd_bn': f2, 'basis': f3, 'sources': f4, 'instrument': f5, 'confidence': f6, 'local': f7})
    return made


BUILDERS['Tranche'] = ("def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    f2 = d5(f2)\n    if type(f3) is not str or f3 not in d6:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d7, f4)) if f4 else ()\n    if f5 is not None:\n        if type(f5) is not str or f5 not in d8:\n            _bad(f5)\n    if type(f6) is not str or f6 not in d9:\n        _bad(f6)\n    if f7 is not None:\n        f7 = d10(f7)\n    made = new(cls)\n    made.__dict__.update({'id': f0, 'label': f1, 'usd_bn': f2, 'basis': f3, 'sources': f4, 'instrument': f5, 'confidence': f6, 'local': f7})\n    return made", _Tranche)
