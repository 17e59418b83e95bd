# SPDX-License-Identifier: GPL-2.0-or-later
"""Run only by tests/test_data_required.py, in a child pytest (not collected otherwise)."""

from helpers_data import need


def test_probe_needs_the_shared_data(shared_data):
    assert shared_data.is_dir()


def test_probe_needs_a_sample_file(tmp_path):
    need(tmp_path / "sample" / "absent.gpkg", "a sample file")
