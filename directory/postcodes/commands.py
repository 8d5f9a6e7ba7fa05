import click
from flask.cli import AppGroup

postcodes_cli = AppGroup("postcodes", help="Load and look up GB postcodes (Code-Point Open).")
