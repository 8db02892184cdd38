"""The base of every message a screen or widget of ours posts: it names its sender as
`control`, as Textual's own widgets' messages do, so a handler can pick one sender with
`@on(Message, "#id")` and a message says where it came from.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.message import Message


class Sent(Message):
    def __init__(self, sender: DOMNode) -> None:
        super().__init__()
        self.sender_node = sender

    @property
    def control(self) -> DOMNode:
        return self.sender_node
