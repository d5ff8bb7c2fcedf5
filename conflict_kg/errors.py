"""One root exception; every error conflict-kg raises on purpose derives from it."""


class ConflictKGError(Exception):
    """Root of conflict-kg's errors."""


class InputError(ConflictKGError):
    """The input (text, RDF, parameters) cannot be used; the message says why."""


class ModelNotInstalledError(ConflictKGError):
    """The configured spaCy model is not installed."""


class DatabaseUnavailableError(ConflictKGError):
    """The graph database cannot be reached or started."""


class QueryNotFoundError(ConflictKGError):
    """No curated query has that name."""


class ParameterError(InputError):
    """A query parameter is missing, unknown or of the wrong type."""


class QueryError(ConflictKGError):
    """The database refused or could not finish a statement."""


class QueryTimeoutError(QueryError):
    """A statement ran past its time limit."""
