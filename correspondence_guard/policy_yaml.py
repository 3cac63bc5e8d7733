"""Policy files as YAML, read with bounds: a policy file is input like any other.

PyYAML's ``SafeLoader`` refuses ``!!python`` tags but will still expand an alias bomb
(a few lines that reference each other into millions of values), recurse through
thousands of nested brackets and keep the last of two identical keys without a word.
:class:`BoundedLoader` refuses all three, each with the line it saw the problem on.
"""

from __future__ import annotations

import math
from typing import Any, Iterator, Mapping

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 50
MAX_ALIASES = 100
MAX_VALUES = 100_000
_MERGE = "tag:yaml.org,2002:merge"


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader with a nesting bound, an alias bound, an expanded-size bound and no
    duplicate keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_ALIASES} aliases", self.peek_event().start_mark
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_VALUES:
            raise yaml.composer.ComposerError(
                None, None, f"anchors and aliases expand to more than {MAX_VALUES} values", node.start_mark
            )
        return node

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE or not isinstance(key_node, ScalarNode):
                    continue
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None,
                        f"key {key!r} is written twice (lines {seen[key].line + 1} and {key_node.start_mark.line + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    """How many values ``node`` stands for once every alias in it is expanded."""
    known = memo.get(id(node))
    if known is not None:
        return known
    size = 1
    if isinstance(node, SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[id(node)] = min(size, MAX_VALUES + 1)
    return memo[id(node)]


def load(text: str) -> Any:
    """One YAML document, bounded (raises ``yaml.YAMLError`` with a mark)."""
    return yaml.load(text, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader subclass


def non_finite(value: Any, key: str = "") -> Iterator[str]:
    """The keys of every NaN or infinite number in a loaded document."""
    if isinstance(value, float) and not math.isfinite(value):
        yield key or "(document)"
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from non_finite(v, f"{key}.{k}" if key else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from non_finite(v, f"{key}[{i}]")
