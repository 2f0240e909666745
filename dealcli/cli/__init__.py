"""The command line: parse arguments, call a view, hand its report to the output layer.

No business rules and no formatting live here. `app` holds the group and the
run loop; `options` what commands share; the commands come grouped by what
they do (`browse`, `analyse`, `time`, `tools`), each module imported only
when one of its commands runs (`lazy`).
"""

from .app import app, run

__all__ = ["app", "run"]
