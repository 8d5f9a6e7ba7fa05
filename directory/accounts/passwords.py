"""Passwords: argon2id hashes, and a policy that refuses only what attackers try first.

The policy follows the NCSC and NIST advice: a minimum length, no composition rules, long
and pasted passphrases welcome, and a deny list of the most common passwords and of the
names an attacker would guess for this site (the council's, the product's, the service's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask_babel import gettext

MINIMUM_LENGTH = 10
MAXIMUM_LENGTH = 1000
COMMON_PASSWORDS_CHECKED = 10_000
PRODUCT_NAMES = ("signpost",)

# OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)

# Verified against when no account matches, so a wrong address takes as long as a wrong
# password and the timing says nothing about which addresses have accounts.
_DUMMY_HASH = hasher.hash("no account has this password")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no hash, spend the same time and say no."""
    try:
        return hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with other parameters than today's."""
    try:
        return hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    """The most used passwords, from the list zxcvbn ships (ranked by how often seen)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"][:COMMON_PASSWORDS_CHECKED])


def _letters(text: str) -> str:
    """Lower-case letters only, with common digit-for-letter swaps undone."""
    swapped = text.casefold().translate(str.maketrans("013457@$", "oieastas"))
    return re.sub(r"[^a-z]", "", swapped)


def password_problem(password: str, *, names: tuple[str, ...], email: str = "") -> str | None:
    """What is wrong with ``password`` as a new password, or None if it will do.

    ``names`` are the council's and the service's names: a password that is only those
    words (with digits and symbols) is refused, as is the person's own email address.
    """
    if len(password) < MINIMUM_LENGTH:
        return gettext(
            "Password must be %(number)s characters or more. A few words together make a good one.",
            number=MINIMUM_LENGTH,
        )
    if len(password) > MAXIMUM_LENGTH:
        return gettext("Password must be %(number)s characters or fewer.", number=MAXIMUM_LENGTH)
    folded = password.casefold()
    stripped = re.sub(r"[\W\d_]+$", "", folded)
    if folded in _common_passwords() or stripped in _common_passwords():
        return gettext(
            "This password is one of the most common. Choose one that is harder to guess."
        )
    readings = {_letters(password), re.sub(r"[^a-z]", "", folded)}
    guessable = {_letters(word) for name in (*names, *PRODUCT_NAMES) for word in name.split()}
    guessable |= {_letters(name) for name in (*names, *PRODUCT_NAMES)}
    guessable.discard("")
    if any(letters and _only_words(letters, guessable) for letters in readings):
        return gettext(
            "Password must not be the name of the council or of this service. Choose words "
            "that are harder to guess."
        )
    if email and folded in {email.casefold(), email.casefold().split("@")[0]}:
        return gettext("Password must not be your email address.")
    return None


def _only_words(letters: str, words: set[str]) -> bool:
    """Whether ``letters`` is made of nothing but ``words`` (and filler like "council")."""
    filler = {"council", "the", "of", "family", "directory", "password"}
    pieces = sorted(words | filler, key=len, reverse=True)
    pattern = "(?:" + "|".join(re.escape(piece) for piece in pieces) + ")+"
    return re.fullmatch(pattern, letters) is not None and any(word in letters for word in words)
