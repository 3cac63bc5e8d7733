"""The pre-send check service: ``POST /v1/check``, ``POST /v1/override``, ``GET /v1/health``.

A Starlette app, run under uvicorn by ``correspondence-guard serve``. The policy and the
rules are loaded once, into ``presend.workers`` worker processes (``isolation``): a draft is
read and checked there, by the one engine path ``check`` uses, capped at ``limits.memory_mb``
and stopped at ``presend.timeout_seconds`` (or ``limits.seconds`` if shorter). A draft past
either limit is answered 503, its worker killed and replaced, and no thread of the service
is left running it. A request body over ``presend.max_request_bytes`` is refused (413)
before it is read in full. When a token is configured every request but
the health check needs ``Authorization: Bearer <token>``. Only the add-in's origin gets
CORS headers. The log has one line per request (method, path, status, time, rules found),
never a message body, an address or a subject.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import time

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import __version__
from ..audit.units import ReaderFault, read_one
from ..engine import Checker, RuleFailure
from ..errors import UnreadableDocument
from ..isolation import STARTUP_SECONDS, WorkerLost, WorkerPool
from ..policy import Policy
from ..report import DocumentResult
from ..reports.json import as_dict
from . import dialog
from .drafts import DraftError, read_draft
from .overrides import HEADER, store_for
from .settings import PresendSettings, read_settings

log = logging.getLogger("correspondence_guard.serve")


class Refused(Exception):
    """A request the service answers with an error status and a one-line reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def create_app(policy: Policy, settings: PresendSettings | None = None) -> Starlette:
    settings = settings or read_settings(policy)
    service = _Service(policy, settings)
    routes = [
        Route("/v1/health", service.health, methods=["GET"]),
        Route("/v1/check", service.check, methods=["POST"]),
        Route("/v1/override", service.override, methods=["POST"]),
    ]
    middleware = []
    if settings.addin_origin:
        middleware.append(Middleware(
            CORSMiddleware,
            allow_origins=[settings.addin_origin],
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        ))
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: _http_error},
                     lifespan=service.lifespan)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """Starlette's own refusals (404, 405) as JSON, like every other answer."""
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


def _worker_setup(policy: Policy, block_on: str):
    """In a worker: the checker, warmed up on a small draft; returns the task handler.

    A task is ``(kind, payload)``: ``json`` with the parsed draft, or ``rfc822`` with its
    bytes. The answer is ``(status, value)``: 200 and the answer's JSON, or an error status
    and its one-line reason. Running out of memory is left to the worker (it retires).
    """
    checker = Checker(policy)

    def handle(task, conn=None) -> tuple[int, object]:
        try:
            return 200, _answer(checker, block_on, *task)
        except DraftError as exc:
            return 400, str(exc)
        except UnreadableDocument as exc:
            return 422, exc.message
        except ReaderFault as fault:
            return 500, _internal(fault.entry.exception)
        except MemoryError:
            raise
        except RuleFailure as failure:
            if isinstance(failure.error, MemoryError):
                raise failure.error from None
            return 500, _internal(type(failure.error).__name__)
        except Exception as exc:  # noqa: BLE001 - an internal error must never read as clean
            return 500, _internal(type(exc).__name__)

    handle(("json", {"from": "warm-up@example.invalid", "body": "Hello."}))
    return handle


def _answer(checker: Checker, block_on: str, kind: str, payload) -> dict:
    """The answer to one draft: the report's JSON, the verdict and the dialog's summary."""
    doc = read_draft(payload) if kind == "json" else read_one("draft", payload)
    findings = checker.check(doc)
    report = checker.new_report()
    report.documents.append(DocumentResult.of(doc, findings))
    answer = as_dict(report)
    answer["verdict"] = dialog.verdict(findings, block_on)
    answer["summary"] = dialog.summary(doc, findings, checker.policy)
    answer["markdown"] = dialog.summary(doc, findings, checker.policy, markdown=True)
    return answer


def _internal(exception: str) -> str:
    """The reason for a 500, naming the exception type only: its text may quote the draft."""
    return f"internal error ({exception}); the draft was not checked"


class _Service:
    def __init__(self, policy: Policy, settings: PresendSettings):
        self.policy = policy
        self.settings = settings
        self.checker = Checker(policy)  # a broken rule set fails here, at start-up, not on a draft
        self.store = store_for(policy)
        self.seconds = min(settings.timeout_seconds, policy.limits.seconds)
        self.pool = WorkerPool(settings.workers, _worker_setup, (policy, settings.block_on), policy.limits)
        # Wait for a worker to be ready, so that the first draft does not pay for its start.
        self.pool.run(("json", {"from": "warm-up@example.invalid", "body": "Hello."}), STARTUP_SECONDS)

    @contextlib.asynccontextmanager
    async def lifespan(self, app):
        try:
            yield
        finally:
            self.pool.close()

    # -- the endpoints ------------------------------------------------------------------

    async def health(self, request: Request) -> JSONResponse:
        return JSONResponse({
            "status": "ok",
            "version": __version__,
            "council": self.policy.register.council,
            "rules": [spec.id for spec in self.checker.rules],
            "overrides": self.store is not None,
        })

    async def check(self, request: Request) -> JSONResponse:
        return await self._logged(request, self._check)

    async def override(self, request: Request) -> JSONResponse:
        return await self._logged(request, self._override)

    # -- the work -------------------------------------------------------------------------

    async def _check(self, request: Request) -> tuple[dict, str]:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in ("application/json", "message/rfc822"):
            raise Refused(415, "send the draft as application/json or message/rfc822")
        body = await self._body(request)
        task = ("json", _json(body)) if kind == "application/json" else ("rfc822", body)
        try:
            status, answer = await anyio.to_thread.run_sync(self.pool.run, task, self.seconds)
        except WorkerLost as exc:
            raise Refused(503, f"the draft was not checked: {exc}") from None
        if status != 200:
            raise Refused(status, answer)
        return answer, ",".join(f["rule"] for f in answer["documents"][0]["findings"])

    async def _override(self, request: Request) -> tuple[dict, str]:
        if self.store is None:
            raise Refused(409, "overrides are not recorded: the policy names no presend.overrides store")
        request_json = _json(await self._body(request))
        if not isinstance(request_json, dict):
            raise Refused(400, "the override must be a JSON object")
        sender = request_json.get("sender")
        justification = request_json.get("justification")
        subject = request_json.get("subject") or ""
        findings = request_json.get("findings")
        if not isinstance(sender, str) or sender.count("@") != 1:
            raise Refused(400, "sender: an email address is required")
        if not isinstance(justification, str) or not justification.strip():
            raise Refused(400, "justification: say why the message must go as it is")
        if not isinstance(subject, str):
            raise Refused(400, "subject: must be text")
        pairs = _finding_pairs(findings)
        override = await anyio.to_thread.run_sync(
            self.store.record, sender, " ".join(subject.split()), pairs, justification[:4000]
        )
        answer = {"id": override.id, "recorded_at": override.recorded_at, "header": HEADER}
        return answer, ",".join(rule for rule, _ in pairs)

    async def _logged(self, request: Request, handler) -> JSONResponse:
        """Authorise, run ``handler`` and log one line without the body."""
        started = time.perf_counter()
        rules = ""
        try:
            self._authorise(request)
            answer, rules = await handler(request)
            response = JSONResponse(answer)
        except Refused as exc:
            response = JSONResponse({"error": exc.reason}, status_code=exc.status)
        except Exception as exc:  # noqa: BLE001 - an internal error must never read as clean
            # The type only: an exception's text may quote the draft.
            log.error("internal error in %s: %s", request.url.path, type(exc).__name__)
            response = JSONResponse({"error": f"internal error ({type(exc).__name__}); the draft was not checked"}, status_code=500)
        log.info(json.dumps({
            "method": request.method, "path": request.url.path, "status": response.status_code,
            "elapsed_ms": round((time.perf_counter() - started) * 1000, 2), "rules": rules,
        }))
        return response

    def _authorise(self, request: Request) -> None:
        token = self.settings.token
        if not token:
            return
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise Refused(401, "a valid bearer token is required")

    async def _body(self, request: Request) -> bytes:
        """The request body, refused (413) as soon as it is known to be over the limit."""
        limit = self.settings.max_request_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise Refused(413, f"the request is over the limit of {limit} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise Refused(413, f"the request is over the limit of {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def _json(body: bytes):
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(400, f"the body is not JSON ({exc.__class__.__name__})") from None


def _finding_pairs(findings) -> list[tuple[str, list[str]]]:
    """The findings the sender overrides, as the check answered them: [{rule, parties}]."""
    if not isinstance(findings, list) or not findings:
        raise Refused(400, "findings: the findings being overridden are required")
    pairs = []
    for number, finding in enumerate(findings[:100]):
        rule = finding.get("rule") if isinstance(finding, dict) else None
        parties = finding.get("parties", []) if isinstance(finding, dict) else None
        if not isinstance(rule, str) or not rule or not isinstance(parties, list) or not all(isinstance(p, str) for p in parties):
            raise Refused(400, f"findings[{number}]: must be an object with rule and parties")
        pairs.append((rule, parties))
    return pairs
