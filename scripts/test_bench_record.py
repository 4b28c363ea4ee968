#!/usr/bin/env python3
"""Tests of scripts/bench_record.py: `python3 -m unittest discover -s scripts -p 'test_*.py'`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_record as br  # noqa: E402

OLD = """# Benchmarks

## Summary

| target | figure | baseline | ratio | target | met? |
| --- | ---: | ---: | ---: | ---: | --- |
| `check --jsonl`, 1,000,000 documents, 2 cores, output written | 281,299 documents/s | 229,299 documents/s (parse only) | 1.23 | ≥ 0.8 | yes |
| native `check`, slowest document (partner-level-partner); 1 of 18 over 1 µs | 1.01 µs | – | – | ≤ 1 µs | **no** |
| `.wasm` gzip -9, the goal | 142.2 KiB | brotli 115.8 KiB | – | ≤ 60 KiB | **no** |

## Machine
"""


def row(cells, noise=None, recorded="2026-12-07 23:50 UTC, `abc1234`, load 3.00 → 4.00, 2 CPUs"):
    return {"cells": cells, "recorded": recorded, "noise": noise}


def merged(rows, old=OLD):
    return [br.cells(line) for line in br.merge(rows, old)[1:]]


class Merge(unittest.TestCase):
    def test_a_ratio_beyond_the_band_is_flagged_with_the_previous_value(self):
        (got,) = merged([row(["`check --jsonl`, 200,000 documents, 2 cores, output written", "200,000 documents/s",
                              "230,000 documents/s (parse only)", "0.87", "≥ 0.8", "yes"])])
        self.assertEqual(got[7], "1.23 (before recordings were kept)")
        self.assertEqual(got[8], "**moved -29%** (noise band ±10%)")
        self.assertEqual(got[6], "2026-12-07 23:50 UTC, `abc1234`, load 3.00 → 4.00, 2 CPUs")

    def test_a_ratio_within_the_band_is_said_to_be(self):
        (got,) = merged([row(["`check --jsonl`, 1,000,000 documents, 2 cores, output written", "250,000 documents/s",
                              "210,000 documents/s (parse only)", "1.19", "≥ 0.8", "yes"])])
        self.assertEqual(got[8], "within ±10% (-3%)")

    def test_a_measured_noise_wider_than_the_floor_widens_the_band(self):
        cells = ["`check --jsonl`, 1,000,000 documents, 2 cores, output written", "200,000 documents/s",
                 "230,000 documents/s (parse only)", "0.87", "≥ 0.8", "yes"]
        (got,) = merged([row(cells, noise=0.40)])
        self.assertEqual(got[8], "within ±40% (-29%)")

    def test_a_row_is_matched_whatever_its_counts_and_names(self):
        (got,) = merged([row(["native `check`, slowest document (sandbox-too-shallow); 2 of 18 over 1 µs",
                              "1.30 µs", "–", "–", "≤ 1 µs", "**no**"])])
        self.assertEqual(got[7], "1.01 µs (before recordings were kept)")
        self.assertEqual(got[8], "**moved +29%** (noise band ±10%)")

    def test_sizes_have_a_narrow_band_and_units_are_converted(self):
        (got,) = merged([row(["`.wasm` gzip -9, the goal", "143,000 B", "brotli 115.8 KiB", "–", "≤ 60 KiB",
                              "**no**"])])
        # 143,000 B against 142.2 KiB (145,613 B): -1.8 %, beyond the size band of 1 %.
        self.assertEqual(got[8], "**moved -2%** (noise band ±1%)")

    def test_a_new_row_is_a_first_recording(self):
        (got,) = merged([row(["peers: per decision against the fastest peer", "9.00 µs", "40.00 µs", "0.23",
                              "≤ 1 (ahead)", "yes"])])
        self.assertEqual(got[7:], ["–", "first recording"])

    def test_the_recording_of_the_previous_value_is_kept_in_the_next_merge(self):
        first = "\n".join(["## Summary", ""] + br.merge([row(["`.wasm` gzip -9, the goal", "142.2 KiB", "–", "–",
                                                              "≤ 60 KiB", "**no**"])], OLD))
        (got,) = merged([row(["`.wasm` gzip -9, the goal", "100.0 KiB", "–", "–", "≤ 60 KiB", "**no**"],
                             recorded="later")], first)
        self.assertEqual(got[7], "142.2 KiB (2026-12-07 23:50 UTC, `abc1234`, load 3.00 → 4.00, 2 CPUs)")
        self.assertEqual(got[8], "**moved -30%** (noise band ±1%)")

    def test_the_same_recording_written_again_keeps_its_comparison(self):
        cells = ["`.wasm` gzip -9, the goal", "100.0 KiB", "–", "–", "≤ 60 KiB", "**no**"]
        first = "\n".join(["## Summary", ""] + br.merge([row(cells)], OLD) + ["", "### Recordings", "",
                                                                              "| area | recorded |",
                                                                              "| wasm | x |"])
        (got,) = merged([row(cells)], first)
        self.assertEqual(got[7:], ["142.2 KiB (before recordings were kept)", "**moved -30%** (noise band ±1%)"])
        self.assertEqual(len(br.summary_rows(first)), 1)

    def test_figures_of_different_kinds_are_not_compared(self):
        (got,) = merged([row(["`.wasm` gzip -9, the goal", "3.00 ms", "–", "–", "≤ 60 KiB", "**no**"])])
        self.assertEqual(got[8], "not comparable")

    def test_a_row_carried_over_keeps_its_cells_in_the_new_columns(self):
        line = "| `.wasm` gzip -9, the goal | 142.2 KiB | brotli 115.8 KiB | – | ≤ 60 KiB | **no** |"
        self.assertEqual(br.cells(br.carried(line))[6:], ["before recordings were kept", "–", "not rerun"])
        nine = br.merge([row(["`.wasm` gzip -9, the goal", "142.2 KiB", "–", "–", "≤ 60 KiB", "**no**"])], OLD)[1]
        self.assertEqual(br.carried(nine), nine)


class Quantity(unittest.TestCase):
    def test_units(self):
        self.assertEqual(br.quantity("281,299 documents/s"), ("rate", 281299.0))
        self.assertEqual(br.quantity("16.59 µs"), ("time", 16.59e-6))
        self.assertEqual(br.quantity("k = 1.411 (25.45 ms at 1M)"), ("exponent", 1.411))
        self.assertEqual(br.quantity("1.07"), ("number", 1.07))
        self.assertIsNone(br.quantity("–"))


if __name__ == "__main__":
    unittest.main()
