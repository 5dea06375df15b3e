"""The map's colour classes: quantile upper bounds and the class of a value (build_data.pages.map)."""

from __future__ import annotations

import pytest

from build_data.pages import map as regionmap


def test_five_classes_of_ten_values():
    assert regionmap.classes(list(range(1, 11))) == [2, 4, 6, 8, 10]


def test_input_order_does_not_matter_and_none_is_ignored():
    assert regionmap.classes([10, None, 3, 1, 7, None, 5]) == [1, 3, 5, 7, 10]


def test_duplicate_bounds_collapse():
    assert regionmap.classes([5, 5, 5, 5, 5, 5, 9]) == [5, 9]
    assert regionmap.classes([3, 3, 3]) == [3]


def test_fewer_values_than_classes():
    assert regionmap.classes([4, 2]) == [2, 4]
    assert regionmap.classes([7.5]) == [7.5]


@pytest.mark.parametrize("values", [[], [None], [None, None]])
def test_no_values_no_classes(values):
    assert regionmap.classes(values) == []


def test_number_of_classes_is_a_parameter():
    assert regionmap.classes([1, 2, 3, 4, 5, 6], n=3) == [2, 4, 6]
    assert regionmap.classes([6, 5, 4, 3, 2, 1], n=1) == [6]


def test_bounds_rise_and_end_at_the_largest_value():
    values = [17, 3, 3, 250, 41, 8, 8, 8, 99, 12, 0, 5]
    bounds = regionmap.classes(values)
    assert bounds == sorted(set(bounds))
    assert bounds[-1] == max(values)
    assert len(bounds) <= len(regionmap.RAMP)
    assert set(bounds) <= set(values)  # published values only, none made up


def test_negative_and_decimal_values():
    assert regionmap.classes([-2.5, 0.0, 1.25, -10.0, 3.75]) == [-10.0, -2.5, 0.0, 1.25, 3.75]


BOUNDS = [2, 4, 6, 8, 10]


@pytest.mark.parametrize("value, cls", [
    (1, 0), (2, 0),  # an upper bound belongs to its own class
    (2.5, 1), (4, 1), (5, 2), (8, 3), (9.99, 4), (10, 4),
    (11, 4),  # above the last bound: the last class
    (-100, 0),
])
def test_class_of(value, cls):
    assert regionmap.class_of(value, BOUNDS) == cls


def test_class_of_nothing_is_none():
    assert regionmap.class_of(None, BOUNDS) is None
    assert regionmap.class_of(None, []) is None


def test_every_value_lands_in_the_class_of_its_bound():
    values = [17, 3, 3, 250, 41, 8, 8, 8, 99, 12, 0, 5]
    bounds = regionmap.classes(values)
    for v in values:
        i = regionmap.class_of(v, bounds)
        assert v <= bounds[i]
        assert i == 0 or v > bounds[i - 1]
