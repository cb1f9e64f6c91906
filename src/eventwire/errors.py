"""One error hierarchy; messages say what is wrong and, where possible, what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    def __init__(self, subject: str, message: str) -> None:
        super().__init__(f"{subject}: {message}")
        self.subject = subject
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Errors cross process boundaries (workers, Ray actors): rebuild from both arguments.
        return (type(self), (self.subject, self.message))


class UsageError(EventwireError):
    """A flag, argument or setting is wrong (CLI exit status 2)."""


class InputError(EventwireError):
    """One input (file, record, page) cannot be read or cleaned; the batch goes on."""


class ModelError(EventwireError):
    """A language model or data file that eventwire needs is missing or broken."""


class StoreError(EventwireError):
    """The store cannot be opened, migrated, read or written."""
