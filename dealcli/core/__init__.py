"""The core: from deal files to deals and the arithmetic on them, with no terminal in sight.

Reading (`reading`, `parse`, `build`, `format2`, `problems`, `hosts`, `chars`), the model
(`model`, `table`), where deals come from (`registry`, `cache`, `versions`, `validate`),
and time and totals (`asof`, `totals`, `provenance`). Nothing here imports Typer, Rich,
tabulate, XlsxWriter or any module of the shell.
"""

VERSION = "0.1.0"  # dealcli.__version__; here so that the core needs nothing above it
