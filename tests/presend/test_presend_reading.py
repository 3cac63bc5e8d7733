"""What the pre-send check answers when the reader cannot give it a draft.

Bytes that are not an email are the sender's to fix (422, with the reason); a reader that
raised is the checker's fault (500, naming only the exception's type, never "clean" and
never "unreadable"). The service's own worker handler runs here in-process, the fault put
into the standard library's parser that every reading of a message goes through.
"""

from __future__ import annotations

import copy

from correspondence_guard.policy import load_policy
from correspondence_guard.presend.service import _worker_setup
from presend_helpers import CLEAN_DRAFT, write_policy


def _handler(tmp_path):
    return _worker_setup(load_policy(str(write_policy(tmp_path))), "error")


def test_a_draft_the_reader_fails_on_is_an_internal_error_not_unreadable(tmp_path, faulty_parser):
    handle = _handler(tmp_path)
    draft = copy.deepcopy(CLEAN_DRAFT)
    draft["subject"] = "[reader:KeyError] " + draft["subject"]
    status, reason = handle(("json", draft))
    assert (status, reason) == (500, "internal error (KeyError); the draft was not checked")
    status, answer = handle(("json", CLEAN_DRAFT))
    assert status == 200 and answer["verdict"] == "send"


def test_bytes_that_are_no_email_are_refused_with_the_reason(tmp_path):
    status, reason = _handler(tmp_path)(("rfc822", b"\x00\x01 not a message"))
    assert status == 422 and "\n" not in reason and reason
