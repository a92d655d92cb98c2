"""Checks that the resource lookup cannot escape the bundle."""

import pytest

from desktop.resources import resource_path


def test_resolves_inside_the_project() -> None:
    assert resource_path("checklists").is_dir()


@pytest.mark.parametrize("name", ["../etc/passwd", "/etc/passwd", "resources/../../x"])
def test_rejects_escaping_names(name: str) -> None:
    with pytest.raises(ValueError):
        resource_path(name)
