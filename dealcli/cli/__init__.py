"""The command line: parse arguments, call a view, hand its report to the output layer.

No business rules and no formatting live here. `app` holds the group and the
run loop; `options` what commands share; the commands come grouped by what
they do (`browse`, `analyse`, `tools`).
"""

# Imported in the order `deal --help` lists the commands.
from . import browse  # noqa: I001
from . import analyse, tools
from .app import app, run

__all__ = ["analyse", "app", "browse", "run", "tools"]
