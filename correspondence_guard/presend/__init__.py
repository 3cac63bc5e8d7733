"""Pre-send checking where people write: the HTTP check service, recorded overrides, ``check --fix``.

Every check here goes through the same path as ``correspondence-guard check``: a draft is
turned into an RFC 822 message, read by the email reader and checked by the engine.
"""
