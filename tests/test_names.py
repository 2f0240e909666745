"""Names and aliases across folders: a later deal may take a name, and says so."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dealcli.core import model

from .conftest import FIXTURES, invoke


def _user_deal(tmp_path: Path, deal_id: str, aliases: str) -> Path:
    folder = tmp_path / "user"
    folder.mkdir()
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("id: mini", f"id: {deal_id}").replace(
        "aliases: [mn]", f"aliases: {aliases}"
    )
    (folder / f"{deal_id}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_an_alias_taken_from_another_deal_is_said_and_followed(tmp_path: Path) -> None:
    folder = _user_deal(tmp_path, "nippon", "[jp]")  # `jp` is the bundled Japan deal's alias
    r = invoke("--deals-dir", str(folder), "show", "jp", "-s", "overview", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert f"{folder / 'nippon.yaml'}: the name 'jp' now means 'nippon', not 'japan'" in r.stderr
    assert "Mini test deal" in r.stdout  # the later folder wins the name
    assert invoke("--deals-dir", str(folder), "show", "japan", "-f", "json").exit_code == 0


def test_a_deal_keeping_its_own_names_says_nothing(tmp_path: Path) -> None:
    folder = _user_deal(tmp_path, "nippon", "[nip]")
    r = invoke("--deals-dir", str(folder), "list", "-f", "csv")
    assert r.exit_code == 0
    assert "now means" not in r.stderr and "replaces" not in r.stderr


def test_the_model_is_immutable() -> None:
    """Views and the cache share one deal object: nothing may change it after it is built."""
    classes = [v for v in vars(model).values() if dataclasses.is_dataclass(v)]
    assert len(classes) >= 15
    for cls in classes:
        made = cls.__new__(cls)
        for name in (f.name for f in dataclasses.fields(cls)):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(made, name, None)
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(made, name)
    deal = model.Party(name="Japan", code="JP")
    with pytest.raises(dataclasses.FrozenInstanceError):
        deal.name = "Other"  # type: ignore[misc]
    assert deal.name == "Japan"
