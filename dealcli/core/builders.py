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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16)


BUILDERS['Allocation'] = ('def build(v):\n    if type(v) is not list or len(v) != 17:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not str or f3 not in d5:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d6, f4)) if f4 else ()\n    if f5 is not None:\n        if type(f5) is not str or not 1 <= len(f5) <= MAX_TEXT:\n            _bad(f5)\n    if f6 is not None:\n        f6 = d7(f6)\n    if f7 is not None:\n        if type(f7) is not str or f7 not in d8:\n            _bad(f7)\n    if f8 is not None:\n        f8 = d9(f8)\n    if f9 is not None:\n        if type(f9) is not str or f9 not in d10:\n            _bad(f9)\n    if f10 is not None:\n        f10 = d11(f10)\n    if type(f11) is not list:\n        _bad(f11)\n    f11 = tuple(map(d12, f11)) if f11 else ()\n    if f12 is not None:\n        f12 = d13(f12)\n    if type(f13) is not str or f13 not in d14:\n        _bad(f13)\n    if f14 is not None:\n        f14 = d15(f14)\n    if type(f15) is not list:\n        _bad(f15)\n    f15 = tuple(map(d16, f15)) if f15 else ()\n    if type(f16) is not list:\n        _bad(f16)\n    f16 = tuple(map(d17, f16)) if f16 else ()\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16)', _Allocation)


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
    return cls(f0, f1, f2)


BUILDERS['Alternative'] = ('def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    if type(f1) is not list:\n        _bad(f1)\n    f1 = tuple(map(d5, f1)) if f1 else ()\n    if f2 is not None:\n        if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n            _bad(f2)\n    return cls(f0, f1, f2)', _Alternative)


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
    return cls(f0, f1, f2, f3, f4)


BUILDERS['Capacity'] = ('def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    if type(f0) is not list:\n        _bad(f0)\n    f0 = tuple(map(d4, f0)) if f0 else ()\n    if f1 is not None:\n        f1 = d5(f1)\n    if f2 is not None:\n        f2 = d6(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d7, f3)) if f3 else ()\n    if f4 is not None:\n        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:\n            _bad(f4)\n    return cls(f0, f1, f2, f3, f4)', _Capacity)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8)


BUILDERS['Commitment'] = ('def build(v):\n    if type(v) is not list or len(v) != 9:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d6, f3)) if f3 else ()\n    if f4 is not None:\n        if type(f4) is not str or not 1 <= len(f4) <= MAX_TEXT:\n            _bad(f4)\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        f6 = d8(f6)\n    if f7 is not None:\n        if type(f7) is not str or f7 not in d9:\n            _bad(f7)\n    if type(f8) is not str or f8 not in d10:\n        _bad(f8)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8)', _Commitment)


def _Company(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:
        _bad(f0)
    f1 = d4(f1)
    if type(f2) is not str or f2 not in d5:
        _bad(f2)
    return cls(f0, f1, f2)


BUILDERS['Company'] = ('def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:\n        _bad(f0)\n    f1 = d4(f1)\n    if type(f2) is not str or f2 not in d5:\n        _bad(f2)\n    return cls(f0, f1, f2)', _Company)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7)


BUILDERS['Context'] = ('def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    f2 = d6(f2)\n    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n        _bad(f3)\n    f4 = d7(f4)\n    if type(f5) is not list:\n        _bad(f5)\n    f5 = tuple(map(d8, f5)) if f5 else ()\n    if type(f6) is not list:\n        _bad(f6)\n    f6 = tuple(map(d9, f6)) if f6 else ()\n    if f7 is not None:\n        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:\n            _bad(f7)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7)', _Context)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7)


BUILDERS['ContextEvent'] = ('def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d6, f4)) if f4 else ()\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        if type(f7) is not str or not 1 <= len(f7) <= MAX_TEXT:\n            _bad(f7)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7)', _ContextEvent)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20)


BUILDERS['Deal'] = ('def build(v):\n    if type(v) is not list or len(v) != 21:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    f3 = d6(f3)\n    f4 = d7(f4)\n    f5 = d8(f5)\n    if type(f6) is not str or f6 not in d9:\n        _bad(f6)\n    f7 = d10(f7)\n    if type(f8) is not list:\n        _bad(f8)\n    f8 = tuple(map(d11, f8)) if f8 else ()\n    if type(f9) is not list:\n        _bad(f9)\n    f9 = tuple(map(d12, f9)) if f9 else ()\n    if f10 is not None:\n        f10 = d13(f10)\n    if f11 is not None:\n        if type(f11) is not str or not 1 <= len(f11) <= MAX_TEXT:\n            _bad(f11)\n    if type(f12) is not list:\n        _bad(f12)\n    f12 = tuple(map(d14, f12)) if f12 else ()\n    if type(f13) is not list:\n        _bad(f13)\n    f13 = tuple(map(d15, f13)) if f13 else ()\n    if type(f14) is not list:\n        _bad(f14)\n    f14 = tuple(map(d16, f14)) if f14 else ()\n    if type(f15) is not list:\n        _bad(f15)\n    f15 = tuple(map(d17, f15)) if f15 else ()\n    if type(f16) is not list:\n        _bad(f16)\n    f16 = tuple(map(d18, f16)) if f16 else ()\n    if f17 is not None:\n        if type(f17) is not str or not 1 <= len(f17) <= MAX_TEXT:\n            _bad(f17)\n    if f18 is not None:\n        f18 = d19(f18)\n    if f19 is not None:\n        f19 = d20(f19)\n    if type(f20) is not list:\n        _bad(f20)\n    f20 = tuple(map(d21, f20)) if f20 else ()\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20)', _Deal)


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
    return cls(f0, f1, f2, f3, f4)


BUILDERS['Event'] = ('def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d5, f2)) if f2 else ()\n    if type(f3) is not str or f3 not in d6:\n        _bad(f3)\n    if type(f4) is not d7:\n        _bad(f4)\n    return cls(f0, f1, f2, f3, f4)', _Event)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8)


BUILDERS['Figure'] = ('def build(v):\n    if type(v) is not list or len(v) != 9:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    if f3 is not None:\n        if type(f3) is not str or f3 not in d7:\n            _bad(f3)\n    if f4 is not None:\n        if type(f4) is not d8:\n            _bad(f4)\n    if type(f5) is not str or f5 not in d9:\n        _bad(f5)\n    if f6 is not None:\n        f6 = d10(f6)\n    if type(f7) is not list:\n        _bad(f7)\n    f7 = tuple(map(d11, f7)) if f7 else ()\n    if type(f8) is not list:\n        _bad(f8)\n    f8 = tuple(map(d12, f8)) if f8 else ()\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8)', _Figure)


def _HeadlineStep(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    return cls(f0, f1, f2)


BUILDERS['HeadlineStep'] = ('def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    return cls(f0, f1, f2)', _HeadlineStep)


def _Local(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    return cls(f0, f1, f2)


BUILDERS['Local'] = ('def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    return cls(f0, f1, f2)', _Local)


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
    return cls(f0, f1, f2, f3, f4)


BUILDERS['Party'] = ('def build(v):\n    if type(v) is not list or len(v) != 5:\n        _bad(v)\n    f0, f1, f2, f3, f4, = v\n    if type(f0) is not str or not 1 <= len(f0) <= MAX_TEXT:\n        _bad(f0)\n    f1 = d4(f1)\n    if f2 is not None:\n        f2 = d5(f2)\n    if f3 is not None:\n        f3 = d6(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d7, f4)) if f4 else ()\n    return cls(f0, f1, f2, f3, f4)', _Party)


def _Period(v):
    if type(v) is not list or len(v) != 3:
        _bad(v)
    f0, f1, f2, = v
    f0 = d4(f0)
    f1 = d5(f1)
    if type(f2) is not list:
        _bad(f2)
    f2 = tuple(map(d6, f2)) if f2 else ()
    return cls(f0, f1, f2)


BUILDERS['Period'] = ('def build(v):\n    if type(v) is not list or len(v) != 3:\n        _bad(v)\n    f0, f1, f2, = v\n    f0 = d4(f0)\n    f1 = d5(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    return cls(f0, f1, f2)', _Period)


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
    return cls(f0, f1, f2, f3)


BUILDERS['ProfitSplit'] = ('def build(v):\n    if type(v) is not list or len(v) != 4:\n        _bad(v)\n    f0, f1, f2, f3, = v\n    if type(f0) is not list:\n        _bad(f0)\n    f0 = tuple(map(d4, f0)) if f0 else ()\n    if type(f1) is not list:\n        _bad(f1)\n    f1 = tuple(map(d5, f1)) if f1 else ()\n    if f2 is not None:\n        f2 = d6(f2)\n    if f3 is not None:\n        if type(f3) is not str or not 1 <= len(f3) <= MAX_TEXT:\n            _bad(f3)\n    return cls(f0, f1, f2, f3)', _ProfitSplit)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7)


BUILDERS['Source'] = ('def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    f3 = d5(f3)\n    f4 = d6(f4)\n    if type(f5) is not str or f5 not in d7:\n        _bad(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        f7 = d8(f7)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7)', _Source)


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
    return cls(f0, f1, f2, f3)


BUILDERS['Step'] = ('def build(v):\n    if type(v) is not list or len(v) != 4:\n        _bad(v)\n    f0, f1, f2, f3, = v\n    f0 = d4(f0)\n    if type(f1) is not str or f1 not in d5:\n        _bad(f1)\n    if type(f2) is not list:\n        _bad(f2)\n    f2 = tuple(map(d6, f2)) if f2 else ()\n    if f3 is not None:\n        f3 = d7(f3)\n    return cls(f0, f1, f2, f3)', _Step)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11)


BUILDERS['Term'] = ('def build(v):\n    if type(v) is not list or len(v) != 12:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    if type(f2) is not str or not 1 <= len(f2) <= MAX_TEXT:\n        _bad(f2)\n    if type(f3) is not list:\n        _bad(f3)\n    f3 = tuple(map(d5, f3)) if f3 else ()\n    if f4 is not None:\n        f4 = d6(f4)\n    if f5 is not None:\n        f5 = d7(f5)\n    if f6 is not None:\n        if type(f6) is not str or not 1 <= len(f6) <= MAX_TEXT:\n            _bad(f6)\n    if f7 is not None:\n        f7 = d8(f7)\n    if f8 is not None:\n        f8 = d9(f8)\n    if type(f9) is not str or f9 not in d10:\n        _bad(f9)\n    if f10 is not None:\n        if type(f10) is not str or not 1 <= len(f10) <= MAX_TEXT:\n            _bad(f10)\n    if f11 is not None:\n        f11 = d11(f11)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11)', _Term)


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
    return cls(f0, f1, f2, f3, f4, f5, f6, f7)


BUILDERS['Tranche'] = ('def build(v):\n    if type(v) is not list or len(v) != 8:\n        _bad(v)\n    f0, f1, f2, f3, f4, f5, f6, f7, = v\n    f0 = d4(f0)\n    if type(f1) is not str or not 1 <= len(f1) <= MAX_TEXT:\n        _bad(f1)\n    f2 = d5(f2)\n    if type(f3) is not str or f3 not in d6:\n        _bad(f3)\n    if type(f4) is not list:\n        _bad(f4)\n    f4 = tuple(map(d7, f4)) if f4 else ()\n    if f5 is not None:\n        if type(f5) is not str or f5 not in d8:\n            _bad(f5)\n    if type(f6) is not str or f6 not in d9:\n        _bad(f6)\n    if f7 is not None:\n        f7 = d10(f7)\n    return cls(f0, f1, f2, f3, f4, f5, f6, f7)', _Tranche)
