"""Demonstration data for Dudley: the real Early Help offer plus labelled sample listings.

Load it with ``flask demo load`` or ``directory.demo.loader.load_demo``.
"""
