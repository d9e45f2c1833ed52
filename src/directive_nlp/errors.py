"""Errors the library raises for bad input; the CLI turns them into one-line messages."""


class InputError(ValueError):
    """The input cannot be read as a document (missing, empty, binary, undecodable...)."""
