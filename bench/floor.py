"""The framework's floor: a minimal Typer app that prints one small Rich table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    table = Table("deal", "usd_bn")
    table.add_row("japan", "550")
    table.add_row("south-korea", "350")
    Console().print(table)


if __name__ == "__main__":
    app()
