"""rashomon's user interfaces: the command line (`tui.cli`) and the Textual app (`tui.app`)."""

__version__ = "0.1.0"
