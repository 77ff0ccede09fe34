"""Tests for app.live and the desk-side live feed."""
