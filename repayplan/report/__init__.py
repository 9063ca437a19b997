"""Rendering of core objects for people and machines: tables, CSV, JSON, Excel.

The core never imports this package; each renderer converts at the edge.
"""
