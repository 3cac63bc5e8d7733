"""The Outlook add-in's JavaScript in real headless Chromium against a real service.

The add-in's own pages (``addins/outlook/src/commands.html`` and ``taskpane.html``) are
served over HTTP from their own origin, the one origin the service allows by CORS. Only
office.js is replaced, by ``office_stub.js``: the Office.js surface the add-in uses, which
records ``event.completed`` and draws a blocked send as Outlook's Smart Alerts dialog does.
Any other request leaving the machine is refused and fails the test. Debian's Chromium is
driven by playwright (no browser is downloaded); a missing Chromium FAILS, never skips.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import subprocess
import threading
import xml.etree.ElementTree as ET

import pytest

from correspondence_guard.testing import pdf_letter
from presend_helpers import (
    CLEAN_DRAFT, CLI, CLLR_QURESHI, LEADER, ROOT, SILENT_BCC_DRAFT, TOKEN, free_port, start_service, write_policy,
)

ADDIN = ROOT / "addins" / "outlook"
STUB = (ROOT / "tests" / "presend" / "office_stub.js").read_text(encoding="utf-8")
OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
CHROMIUM = os.environ.get("CG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "presend-blocked.png"
#: Set to 1 to refresh the README's screenshot of the blocked-send dialog.
UPDATE_SCREENSHOT = os.environ.get("CG_UPDATE_SCREENSHOT") == "1"


def outlook_draft(draft: dict) -> dict:
    """The stub's view of a service draft: body text and HTML, attachments as Outlook gives them."""
    body = draft.get("body", {})
    as_party = lambda p: p if isinstance(p, dict) else {"name": "", "address": p}  # noqa: E731
    return {
        "from": as_party(draft["from"]), "to": [as_party(p) for p in draft.get("to", [])],
        "cc": [as_party(p) for p in draft.get("cc", [])], "bcc": [as_party(p) for p in draft.get("bcc", [])],
        "subject": draft.get("subject", ""), "text": body.get("text", ""), "html": body.get("html", ""),
        "attachments": draft.get("attachments", []),
    }


@pytest.fixture(scope="module")
def addin(tmp_path_factory):
    """The add-in's pages on their own origin, and a service allowing that origin."""
    folder = tmp_path_factory.mktemp("addin")
    handler = functools.partial(_QuietHandler, directory=str(ADDIN / "src"))
    pages = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{pages.server_address[1]}"
    policy = write_policy(folder, token=TOKEN, addin_origin=origin)
    service = start_service(folder, policy)
    yield {"origin": origin, "service": service, "policy": policy}
    service.stop()
    pages.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium; scripts/test.sh does it)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


def open_page(browser, addin, page_name: str, draft: dict, headers: dict | None = None, service_url: str | None = None):
    """The add-in page with the stub's draft, and every request off this machine refused."""
    context = browser.new_context(viewport={"width": 580, "height": 360})
    refused: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url == OFFICE_JS:
            request_route.fulfill(status=200, content_type="text/javascript", body=STUB)
        elif url.startswith("http://127.0.0.1:"):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    context.route("**/*", route)
    config = {"serviceUrl": service_url or addin["service"].url, "token": TOKEN, "timeoutMs": 8000}
    test = {"draft": outlook_draft(draft), "headers": headers or {}}
    context.add_init_script(f"window.CG_CONFIG = {json.dumps(config)}; window.CG_TEST = {json.dumps(test)};")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{addin['origin']}/{page_name}")
    page.refused, page.errors = refused, errors
    return page


def press_send(page) -> dict:
    page.wait_for_function("!!(window.cgStub && window.cgStub.handlers.onMessageSendHandler)")
    page.evaluate("cgStub.send()")
    page.wait_for_function("cgStub.completed.length > 0", timeout=20_000)
    return page.evaluate("cgStub.completed[0]")


def finish(page):
    assert page.refused == [] and page.errors == []
    page.context.close()


def test_a_silent_bcc_blocks_with_the_clause_and_the_copy_note(browser, addin):
    page = open_page(browser, addin, "commands.html", SILENT_BCC_DRAFT)
    completed = press_send(page)
    assert completed["allowEvent"] is False
    assert "Imran Qureshi" in completed["errorMessage"] and "Protocol BTC008 7.1" in completed["errorMessage"]
    assert "\u201ccc Councillor Imran Qureshi\u201d" in completed["errorMessage"]
    assert completed["sendModeOverride"] == "promptUser" and completed["commandId"] == _pane_button_id()
    assert completed["cancelLabel"] == "Explain why" and len(completed["errorMessage"]) <= 500
    # Smart Alerts waits minutes for an add-in; the sender should wait well under a second.
    elapsed = page.evaluate("cgStub.elapsedMs")
    print(f"add-in round trip: {elapsed:.0f} ms")
    assert elapsed < 3000
    dialog = page.locator("#smart-alerts-dialog")
    assert "Protocol BTC008 7.1; Bolsover 8(1)." in dialog.inner_text()
    assert dialog.locator("strong").first.inner_text() == "Protocol BTC008 7.1; Bolsover 8(1)."
    if UPDATE_SCREENSHOT or not SCREENSHOT.exists():
        dialog.screenshot(path=str(SCREENSHOT))
    finish(page)


def test_a_clean_draft_is_sent(browser, addin):
    page = open_page(browser, addin, "commands.html", CLEAN_DRAFT)
    assert press_send(page) == {"allowEvent": True}
    assert page.evaluate("cgStub.notifications") == [] and page.locator("#smart-alerts-dialog").count() == 0
    finish(page)


def test_an_attached_pdf_letter_is_checked_too(browser, addin):
    letter = (ROOT / "samples" / "letters" / "09-leader-commits-grant.txt").read_text(encoding="utf-8")
    draft = {"from": LEADER, "to": ["carol.duckworth@example.org"], "subject": "Summer programme",
             "body": {"text": "Dear Ms Duckworth, my letter is attached.\n\nRachel"},
             "attachments": [{"name": "letter.pdf", "content_type": "application/pdf",
                              "content": base64.b64encode(pdf_letter(letter)).decode()}]}
    completed = press_send(open_page(browser, addin, "commands.html", draft))
    assert completed["allowEvent"] is False and "BTC008 7.2" in completed["errorMessage"]


def test_with_the_service_down_the_message_is_sent_with_a_warning(browser, addin):
    down = f"http://127.0.0.1:{free_port()}/"
    page = open_page(browser, addin, "commands.html", SILENT_BCC_DRAFT, service_url=down)
    assert press_send(page) == {"allowEvent": True}
    [notice] = page.evaluate("cgStub.notifications")
    assert notice["message"]["message"].startswith("Not checked: the correspondence check was unavailable")
    assert len(notice["message"]["message"]) <= 150
    page.context.close()


def test_an_override_records_the_justification_and_stamps_the_header(browser, addin):
    why = "Cllr Qureshi is the portfolio holder and asked to be kept informed; the ward member knows."
    pane = open_page(browser, addin, "taskpane.html", SILENT_BCC_DRAFT)
    pane.wait_for_selector("#justify:not([hidden])", timeout=20_000)
    assert "Imran Qureshi" in pane.locator("#findings").inner_text()
    pane.fill("#justification", why)
    pane.click("#justify button")
    pane.wait_for_function("document.getElementById('status').textContent.includes('recorded')", timeout=20_000)
    stamped = pane.evaluate("cgStub.headers")
    override_id = stamped["X-Correspondence-Guard-Override"]
    finish(pane)

    listed = subprocess.run([CLI, "overrides", "--policy", str(addin["policy"]), "--format", "json"],
                            capture_output=True, text=True, check=True)
    [recorded] = [o for o in json.loads(listed.stdout)["overrides"] if o["id"] == override_id]
    assert recorded["justification"] == why and recorded["sender"] == SILENT_BCC_DRAFT["from"]["address"]
    assert recorded["findings"] == [{"rule": "silent-copy", "parties": [CLLR_QURESHI]}]

    # Send again: the stamped override covers the finding, so the message goes.
    page = open_page(browser, addin, "commands.html", SILENT_BCC_DRAFT, headers=stamped)
    assert press_send(page) == {"allowEvent": True}
    finish(page)


def _pane_button_id() -> str:
    ns = {"o": "http://schemas.microsoft.com/office/mailappversionoverrides/1.1"}
    root = ET.parse(ADDIN / "manifest.xml").getroot()
    [button] = root.findall(".//o:Control[@xsi:type='Button']", {**ns, "xsi": "http://www.w3.org/2001/XMLSchema-instance"})
    return button.get("id")


def test_the_manifest_sends_on_message_send_in_prompt_user_mode_to_the_handler_the_script_registers():
    ns = {"o": "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
          "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0"}
    root = ET.parse(ADDIN / "manifest.xml").getroot()
    [event] = root.findall(".//o:LaunchEvent", ns)
    assert (event.get("Type"), event.get("SendMode")) == ("OnMessageSend", "PromptUser")
    script = (ADDIN / "src" / "launchevent.js").read_text(encoding="utf-8")
    assert f'Office.actions.associate("{event.get("FunctionName")}", {event.get("FunctionName")})' in script
    assert f'var CG_PANE_COMMAND = "{_pane_button_id()}";' in script
    defined = {e.get("id") for e in root.iter() if e.tag.endswith(("}Image", "}Url", "}String")) and e.get("id")}
    used = {e.get("resid") for e in root.iter() if e.get("resid")}
    assert used <= defined, used - defined
    for url in root.findall(".//bt:Url[@DefaultValue]", ns) + root.findall(".//bt:Image[@DefaultValue]", ns):
        name = url.get("DefaultValue").rsplit("/addin/", 1)[1]
        assert (ADDIN / "src" / name).exists() or (ADDIN / name).exists(), name
