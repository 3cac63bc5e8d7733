"""A rule plug-in that misbehaves on request, to drive the gateway's failure paths.

Installed the way any third-party rule is (an entry point in the
``correspondence_guard.rules`` group, found through the ``.dist-info`` beside this file
when this folder is on ``PYTHONPATH``). It does nothing unless the subject asks:
``[fault:raise]`` raises, ``[fault:sleep=N]`` sleeps N seconds.
"""

import re
import time

from correspondence_guard.rules import rule


@rule("gateway-test-fault", severity="error", clause="test", remedy="none")
def gateway_test_fault(doc, policy):
    """Misbehave when the subject asks for it (tests only)."""
    if "[fault:raise]" in doc.subject:
        raise RuntimeError("rule blew up on purpose")
    match = re.search(r"\[fault:sleep=(\d+(?:\.\d+)?)\]", doc.subject)
    if match:
        time.sleep(float(match.group(1)))
    return ()
