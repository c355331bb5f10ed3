"""The base of the plain record classes (validator/model/plain.py): what a run needs of a
pydantic model, without pydantic. pydantic-core's model validator makes the instances: it
creates the object and sets its __dict__ and the three slots below directly, so the classes
need no __init__ and stay frozen to everybody else.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar


class Frozen:
    # The slots pydantic-core fills; __dict__ holds the fields, in the model's order.
    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    # A field's default, where it has one, as the model declares it (for dump's exclude_defaults).
    defaults: ClassVar[dict[str, Any]] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        # As a frozen pydantic model: by its values (a list among them makes it unhashable).
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    # Pickled (a worker's summary, a copy) by its fields alone; the frozen __setattr__ would
    # refuse the default way of putting them back.
    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", state)


def dump(value: Any, *, exclude_defaults: bool = False) -> Any:
    """A record as JSON values, as pydantic's model_dump(mode="json") writes it: numbers as
    their exact text, dates in ISO form, choices by their value."""
    if isinstance(value, Frozen):
        defaults = type(value).defaults if exclude_defaults else {}
        return {
            name: dump(item, exclude_defaults=exclude_defaults)
            for name, item in value.__dict__.items()
            if not (name in defaults and item == defaults[name])
        }
    if isinstance(value, list | tuple):
        return [dump(item, exclude_defaults=exclude_defaults) for item in value]
    if isinstance(value, dict):
        return {str(dump(k)): dump(v, exclude_defaults=exclude_defaults) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
