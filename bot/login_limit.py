"""How many password checks a login may get: counted before the hash, per account and address.

The old limit counted failures *after* the slow argon2 hash, so 100
simultaneous attempts all passed the check together and the one right
password got in. Here every attempt takes a unit from three counters first
(one atomic statement each, :mod:`bot.counters`), and only an attempt whose
counts are all within the limits is hashed at all:

- the account from this address: 5 attempts per 15 minutes (a typo or two);
- this address across all accounts: 20 (guessing many names from one place);
- the account from anywhere: 50 (guessing one name from many addresses; high
  enough that a legitimate user is rarely locked out by someone else).

A successful login clears its account-and-address count and gives its units
back to the other two, so a whole service centre behind one NAT address
logging in each morning never reaches the address limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from bot.counters import Counters


@dataclass(frozen=True)
class LoginRules:
    per_account_address: int = 5
    per_address: int = 20
    per_account: int = 50
    window: dt.timedelta = dt.timedelta(minutes=15)


def _key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
    return f"login:{kind}:{digest}"


class LoginLimiter:
    def __init__(self, counters: Counters, rules: LoginRules | None = None) -> None:
        self.counters = counters
        self.rules = rules or LoginRules()

    def _keys(self, name: str, address: str) -> list[tuple[str, int]]:
        name = name.strip()
        rules = self.rules
        return [
            (_key("account-address", name, address), rules.per_account_address),
            (_key("address", address), rules.per_address),
            (_key("account", name), rules.per_account),
        ]

    def take(self, name: str, address: str) -> bool:
        """Count this attempt; True when its password may be checked, False when locked out."""
        allowed = True
        for key, limit in self._keys(name, address):
            if self.counters.take(key, self.rules.window) > limit:
                allowed = False
        return allowed

    def succeeded(self, name: str, address: str) -> None:
        """A right password: its attempt does not count against the account or address."""
        (pair, _), *others = self._keys(name, address)
        self.counters.clear(pair)
        for key, _limit in others:
            self.counters.give_back(key)
