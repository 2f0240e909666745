"""What the program takes from the process it runs in, read once at the entry and passed down.

The streams, whether stdout is a terminal and its size, the colour wish, the pager, the
cache folder, the deal folders and `--debug`'s variable. Environment values are input
like any other: a value the standards say to ignore (an XDG path that is not absolute, a
COLUMNS that is not a positive whole number) is ignored, and anything odd is ignored with
a note that says so; nothing else in the package reads `os.environ` or `sys.std*`.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Literal, TextIO

from .record import Record, record

ColorWish = Literal["auto", "always", "never"]

DEFAULT_PAGER = "less -FRX"
MAX_SIZE = 10_000  # columns or lines past this are no terminal's
MAX_VALUE = 4096  # bytes of a path, a pager command or a time zone
MAX_DEAL_PATH = 64  # folders in DEAL_PATH
# a POSIX TZ rule (`JST-9`, `EST5EDT,M3.2.0,M11.1.0`, `<+0330>-3:30`) or a zone name
_TZ_RULE = re.compile(
    r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)[-+]?\d{1,2}(?::\d\d){0,2}[\w<>+,.:/-]*"
)
_TZ_NAME = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")


@record
class Environment(Record):
    """The process as the program sees it; tests build one directly."""

    stdout: TextIO
    stderr: TextIO
    isatty: bool = False  # stdout is a terminal
    columns: int = 80
    lines: int = 24
    color: ColorWish = "auto"  # NO_COLOR: never, FORCE_COLOR: always
    pager: tuple[str, ...] = ()  # the pager's argv; empty: none
    cache_dir: Path | None = None  # None: no cache
    deal_path: tuple[Path, ...] = ()
    debug: bool = False
    # what a child process (the pager, git) inherits
    child: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # values ignored, each said once on stderr

    @classmethod
    def from_process(
        cls,
        environ: Mapping[str, str] | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> Environment:
        """Read the process: its environment (or `environ`) and its streams."""
        env = dict(os.environ if environ is None else environ)
        out = stdout if stdout is not None else sys.stdout
        notes: list[str] = []
        tty = is_terminal(out)
        columns, lines = _terminal_size(out if tty else None)
        columns = _size(env, "COLUMNS", notes) or columns
        lines = _size(env, "LINES", notes) or lines
        if environ is None:
            _check_tz(env, notes)
        return cls(
            stdout=out,
            stderr=stderr if stderr is not None else sys.stderr,
            isatty=tty,
            columns=columns,
            lines=lines,
            color="never"
            if env.get("NO_COLOR")
            else "always"
            if env.get("FORCE_COLOR")
            else "auto",
            pager=_pager(env, notes),
            cache_dir=_cache_dir(env, notes, environ is None),
            deal_path=_deal_path(env.get("DEAL_PATH", ""), notes),
            debug=bool(env.get("DEAL_DEBUG")),
            child=env,
            notes=tuple(notes),
        )


def is_terminal(stream: object) -> bool:
    """Whether a stream is a terminal; a closed one, or an object without isatty, is not."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _terminal_size(stream: TextIO | None) -> tuple[int, int]:
    if stream is not None:
        try:
            size = os.get_terminal_size(stream.fileno())
            if size.columns > 0 and size.lines > 0:
                return size.columns, size.lines
        except (AttributeError, ValueError, OSError):
            pass
    return 80, 24


def _size(env: Mapping[str, str], name: str, notes: list[str]) -> int:
    """COLUMNS or LINES when it is a whole number a terminal could have, else 0 (POSIX: a
    value that is not an unsigned decimal integer does not override the terminal's)."""
    text = env.get(name, "")
    if not text:
        return 0
    if text.isascii() and text.isdigit() and 0 < int(text[:6]) <= MAX_SIZE:
        return int(text)
    notes.append(f"{name}={_shown(text)} is not a size from 1 to {MAX_SIZE}; ignored")
    return 0


def _color(env: Mapping[str, str]) -> ColorWish:
    """NO_COLOR (no-color.org) and FORCE_COLOR, when set and not empty."""
    if env.get("NO_COLOR"):
        return "never"
    return "always" if env.get("FORCE_COLOR") else "auto"


def _absolute(env: Mapping[str, str], name: str, notes: list[str]) -> Path | None:
    """A path variable that is set, absolute and of a sane length; XDG: a relative path is
    not valid and is ignored."""
    text = env.get(name, "")
    if not text:
        return None
    if len(text.encode("utf-8", "surrogateescape")) > MAX_VALUE:
        notes.append(f"{name} is longer than {MAX_VALUE} bytes; ignored")
        return None
    if not os.path.isabs(text):
        notes.append(f"{name}={_shown(text)} is not an absolute path; ignored")
        return None
    return Path(text)


def _cache_dir(env: Mapping[str, str], notes: list[str], process: bool) -> Path | None:
    if env.get("DEAL_NO_CACHE"):
        return None
    explicit = _absolute(env, "DEAL_CACHE_DIR", notes)
    if explicit is not None:
        return explicit
    base = _absolute(env, "XDG_CACHE_HOME", notes)
    if base is not None:
        return base / "deal"
    home = _absolute(env, "HOME", [])  # a HOME that is not absolute: no cache, quietly
    if home is None and "HOME" not in env and process:
        try:  # no HOME: the user's home folder as the system knows it
            import pwd

            home = Path(pwd.getpwuid(os.getuid()).pw_dir)
        except (ImportError, KeyError, OSError):
            return None
    return home / ".cache" / "deal" if home is not None and home.is_absolute() else None


def _deal_path(text: str, notes: list[str]) -> tuple[Path, ...]:
    """DEAL_PATH's folders: absolute paths, colon-separated; empty entries are skipped and a
    relative one (which would change with the current folder) is ignored."""
    if len(text.encode("utf-8", "surrogateescape")) > MAX_VALUE * 8:
        notes.append(f"DEAL_PATH is longer than {MAX_VALUE * 8} bytes; ignored")
        return ()
    folders: list[Path] = []
    for part in text.split(":"):
        if not part.strip():
            continue
        if not os.path.isabs(part):
            notes.append(f"DEAL_PATH: {_shown(part)} is not an absolute path; ignored")
        elif len(folders) == MAX_DEAL_PATH:
            notes.append(f"DEAL_PATH: more than {MAX_DEAL_PATH} folders; the rest ignored")
            break
        else:
            folders.append(Path(part))
    return tuple(folders)


def _pager(env: Mapping[str, str], notes: list[str]) -> tuple[str, ...]:
    """DEAL_PAGER, else PAGER, else `less -FRX`; set empty, `cat`, not found or odd: none."""
    name = "DEAL_PAGER" if "DEAL_PAGER" in env else "PAGER"
    text = env.get(name, DEFAULT_PAGER)
    if len(text) > MAX_VALUE:
        notes.append(f"{name} is longer than {MAX_VALUE} characters; no pager")
        return ()
    try:
        argv = DEFAULT_PAGER.split() if text == DEFAULT_PAGER else _split(text)
    except ValueError:
        notes.append(
            f"{name}={_shown(text)} cannot be read as a command (a quote left open); no pager"
        )
        return ()
    if not argv or argv[0] == "cat":
        return ()
    if "/" in argv[0] and not os.path.isabs(argv[0]):
        notes.append(f"{name}: {_shown(argv[0])} is a relative path; no pager")
        return ()
    if shutil.which(argv[0], path=env.get("PATH", os.defpath)) is None:
        return ()  # as git does: a pager that is not there is no pager
    return tuple(argv)


def _split(text: str) -> list[str]:
    import shlex  # only for a pager that is set: most runs use the default

    return shlex.split(text)


def _check_tz(env: dict[str, str], notes: list[str]) -> None:
    """Drop a TZ that is empty, huge or not a zone (C libraries then fall back to UTC
    without a word, and a path names a file to read), so the system's zone applies."""
    text = env.get("TZ")
    if text is None:
        return
    why = _bad_tz(text)
    if why is None:
        return
    if why:
        notes.append(f"TZ={_shown(text)} {why}; the system's time zone is used")
    env.pop("TZ")
    os.environ.pop("TZ", None)
    import time

    time.tzset()


def _bad_tz(text: str) -> str | None:
    """Why a TZ value is not used ("" when it is empty), or None when it is fine."""
    if not text:
        return ""
    if len(text) > 255 or not text.isascii() or not text.isprintable():
        return "is not a time zone"
    name = text[1:] if text.startswith(":") else text
    if name.startswith("/"):
        try:
            if not stat.S_ISREG(os.stat(name).st_mode):
                return "names a file that is not a regular file"
        except OSError:
            return "names a file that does not exist"
        return None
    if ".." in name.split("/"):
        return "climbs out of the time zone folder"
    if _TZ_NAME.fullmatch(name) or _TZ_RULE.fullmatch(name):
        return None
    return "is not a time zone"


def _shown(text: str, limit: int = 60) -> str:
    """A value as a message quotes it: cut to a sane length."""
    return repr(text if len(text) <= limit else text[:limit] + "...")
