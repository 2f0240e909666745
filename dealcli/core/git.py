"""The one way deal runs git: `git cat-file blob REV:PATH`, for `deal diff git:REV:PATH`.

A list argv (no shell); the revision is refused when git could take it for an option
(a leading `-`) or when it holds a control character, and `--end-of-options` stands
before it all the same. `cat-file blob` is plumbing: no textconv driver, no external
diff, no filters and no pager run. The environment keeps only the variables that say
which repository to read; every other GIT_* variable (GIT_EXTERNAL_DIFF, GIT_PAGER,
GIT_CONFIG*, GIT_EXEC_PATH, GIT_SSH ...) is dropped, and settings that could run a
command are overridden. git gets a time limit, and its output goes through the one
reader's limit.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Mapping

from .errors import UsageError
from .problems import short
from .reading import Refused, read_stream

TIMEOUT = 20.0  # seconds; a local `cat-file` takes milliseconds
_ERR_LIMIT = 64 * 1024

# where the repository is: the only GIT_* variables passed on
_KEEP = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_COMMON_DIR",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_CEILING_DIRECTORIES",
        "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        "GIT_NAMESPACE",
    }
)
# settings of the repository's own config that could run a command
# and no transport: a partial clone must not fetch (and run ssh or a credential helper)
_OVERRIDES = ("core.fsmonitor=false", "core.pager=cat", "protocol.allow=never")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def environment(environ: Mapping[str, str]) -> dict[str, str]:
    """What git is given of the program's environment (`Environment.child`)."""
    env = {k: v for k, v in environ.items() if not k.startswith("GIT_") or k in _KEEP}
    env.update(
        GIT_NO_LAZY_FETCH="1",  # git 2.44 and later: a partial clone does not fetch
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_PAGER="cat",
        PAGER="cat",
    )
    return env


def check_revision(text: str, rev: str, path: str) -> None:
    """Refuse (exit 2) a revision git could read as an option, or text with a control."""
    if rev.startswith("-"):
        raise UsageError(
            f"'{short(text)}': a revision cannot start with '-'; name a commit, "
            "e.g. git:HEAD~1:deals/japan.yaml"
        )
    if _CONTROL.search(rev) or _CONTROL.search(path):
        raise UsageError(f"'{short(text)}': a control character in a git revision or path")


def show(text: str, rev: str, path: str, limit: int, environ: Mapping[str, str]) -> bytes:
    """The bytes of PATH at REV, at most `limit`, git run with `environ` filtered; any
    failure is a usage error (exit 2)."""
    check_revision(text, rev, path)
    argv = ["git", "--no-pager"]
    for setting in _OVERRIDES:
        argv += ["-c", setting]
    argv += ["cat-file", "blob", "--end-of-options", f"{rev}:{path}"]
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(environ),
            close_fds=True,
        )
    except OSError:
        raise UsageError(f"'{short(text)}' needs git, which cannot be run here") from None
    assert proc.stdout is not None and proc.stderr is not None
    deadline = time.monotonic() + TIMEOUT
    try:
        data = read_stream(proc.stdout.fileno(), limit, deadline)
        said = read_stream(proc.stderr.fileno(), _ERR_LIMIT, deadline)
        code = proc.wait(max(0.1, deadline - time.monotonic()))
    except Refused as exc:
        why = f"git took more than {TIMEOUT:g} s" if exc.kind == "time" else exc.message
        raise UsageError(f"cannot read {short(text)}: {why}") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"cannot read {short(text)}: git took more than {TIMEOUT:g} s") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    if code != 0:
        lines = said.decode("utf-8", "replace").strip().splitlines()
        first = short(lines[0], 200) if lines else f"git exited with {code}"
        raise UsageError(f"git cannot read {short(rev)}:{short(path)}: {first}")
    return data
