from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """What every demo module gets: the homes per language, the demo users, and a way to say
    what it is doing (the command shows progress)."""

    homes: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    force: bool = False
    log: callable = print

    def step(self, message):
        self.log(f"  · {message}")
