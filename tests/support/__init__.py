"""Helpers shared by the tests: real databases, clocks, builders."""
