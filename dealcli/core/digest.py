"""The hash the cache checks and names its files by: BLAKE2b of 32 bytes, in hex."""

try:  # hashlib's own BLAKE2b, without hashlib loading OpenSSL: about 2 ms of every run
    from _blake2 import blake2b
except ImportError:  # an interpreter without the module: hashlib has it
    from hashlib import blake2b


def hex_digest(data: bytes) -> str:
    """64 hex digits: the BLAKE2b-256 hash of `data`."""
    return blake2b(data, digest_size=32).hexdigest()
