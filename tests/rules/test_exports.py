from __future__ import annotations

import matchfacts.rules as rules


def test_all_is_sorted_and_importable() -> None:
    assert rules.__all__ == sorted(rules.__all__)
    for name in rules.__all__:
        assert getattr(rules, name) is not None
